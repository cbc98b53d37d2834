import {
  breakGlassBody,
  breakGlassGrant,
  breakGlassListQuery,
  reviewBreakGlassBody,
  uuid,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { breakTheGlass, listBreakGlass, reviewBreakGlass, revokeBreakGlass } from './access.service';

export const accessRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { auth: 'staff' as const };
    const write = { security: [{ session: [], csrf: [] }] };

    app.post(
      '/api/break-glass',
      {
        config,
        schema: {
          operationId: 'breakTheGlass',
          tags: ['access'],
          summary: 'Emergency access to a family for four hours, with a reason; flagged for review',
          ...write,
          body: breakGlassBody,
          response: { 201: breakGlassGrant, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await breakTheGlass(deps, req.ctx, req.body)),
    );
    app.get(
      '/api/break-glass',
      {
        config,
        schema: {
          operationId: 'listBreakGlass',
          tags: ['access'],
          summary: 'Emergency accesses by the organisation’s staff, for the programme lead to review',
          querystring: breakGlassListQuery,
          response: { 200: z.array(breakGlassGrant), ...readProblems },
        },
      },
      async (req) => listBreakGlass(deps, req.ctx, req.query.status),
    );
    app.post(
      '/api/break-glass/:grantId/revoke',
      {
        config,
        schema: {
          operationId: 'revokeBreakGlass',
          tags: ['access'],
          summary: 'End an emergency access early (its holder, or the programme lead)',
          ...write,
          params: z.strictObject({ grantId: uuid }),
          response: { 200: breakGlassGrant, ...writeProblems },
        },
      },
      async (req) => revokeBreakGlass(deps, req.ctx, req.params.grantId),
    );
    app.post(
      '/api/break-glass/:grantId/review',
      {
        config,
        schema: {
          operationId: 'reviewBreakGlass',
          tags: ['access'],
          summary: 'Record the programme lead’s review of an emergency access',
          ...write,
          params: z.strictObject({ grantId: uuid }),
          body: reviewBreakGlassBody,
          response: { 200: breakGlassGrant, ...writeProblems },
        },
      },
      async (req) => reviewBreakGlass(deps, req.ctx, req.params.grantId, req.body),
    );
  };
