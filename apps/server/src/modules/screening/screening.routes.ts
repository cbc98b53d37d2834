import { recordScreeningBody, recordScreeningResult, screening, uuid } from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { getScreening, listFamilyScreenings, recordScreening } from './screening.service';

const write = { security: [{ session: [], csrf: [] }] };

export const screeningRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/screenings',
      {
        // Parents fill in EPDS themselves in the portal; staff record EPDS and ADBB.
        config: { auth: 'any' },
        schema: {
          operationId: 'recordScreening',
          tags: ['screening'],
          summary:
            'Record an EPDS (mother, father or co-parent) or an ADBB (trained staff); returns total, band and flags',
          description:
            'Every answer is stored. EPDS: 10 answers, each 0–3 (the option chosen, top = 0), scored per Cox, ' +
            'Holden & Sagovsky 1987 with the municipality’s cut-offs (default 11 for mothers, 10 for fathers). ' +
            'Item 10 above 0 raises an alert task to the coordinator and the district’s health visitors; at or ' +
            'above the cut-off a repeat in 2–3 weeks, and a referral task when the repeat is still at or above. ' +
            'ADBB: 8 answers 0–4, only for staff trained in it; 5 or more → a new observation within 1–2 weeks.',
          ...write,
          body: recordScreeningBody,
          response: { 201: recordScreeningResult, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await recordScreening(deps, req.ctx, req.body)),
    );
    app.get(
      '/api/screenings/:screeningId',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'getScreening',
          tags: ['screening'],
          summary: 'One screening with every answer',
          params: z.strictObject({ screeningId: uuid }),
          response: { 200: screening, ...readProblems },
        },
      },
      async (req) => getScreening(deps, req.ctx, req.params.screeningId),
    );
    app.get(
      '/api/families/:familyId/screenings',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'listFamilyScreenings',
          tags: ['screening'],
          summary: 'The family’s screenings, newest first, with every answer',
          params: z.strictObject({ familyId: uuid }),
          response: { 200: z.array(screening), ...readProblems },
        },
      },
      async (req) => listFamilyScreenings(deps, req.ctx, req.params.familyId),
    );
  };
