import { betweenChairsPage, betweenChairsQuery } from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { listFamiliesBetweenChairs } from './between-chairs.service';

export const betweenChairsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/families/between-chairs',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'listFamiliesBetweenChairs',
          tags: ['families'],
          summary: '"Mellem to stole": families with an open need and no active coordinator',
          description:
            'For the programme lead, over the own organisation: a positive screening no follow-up has closed, a ' +
            'course dropout without a new sign-up, an open assign_coordinator task (and, as their modules register ' +
            'them, open referrals and referrals unacknowledged past their deadline). Longest first. Computing the ' +
            'list gives each family one task for the organisation (key `between_chairs:<family>`), idempotently.',
          querystring: betweenChairsQuery,
          response: { 200: betweenChairsPage, ...readProblems },
        },
      },
      async (req) => listFamiliesBetweenChairs(deps, req.ctx, req.query),
    );
  };
