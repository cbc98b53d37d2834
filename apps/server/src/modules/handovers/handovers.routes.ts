import {
  createHandoverBody,
  handover,
  handoverPage,
  handoverReceiver,
  handoverReceiversQuery,
  listHandoversQuery,
  uuid,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import {
  acknowledgeHandover,
  createHandover,
  getHandover,
  listHandoverReceivers,
  listHandovers,
} from './handovers.service';

const handoverParams = z.strictObject({ handoverId: uuid });
const write = { security: [{ session: [], csrf: [] }] };

export const handoversRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = { auth: 'staff' as const };

    app.post(
      '/api/handovers',
      {
        config: staff,
        schema: {
          operationId: 'createHandover',
          tags: ['handovers'],
          summary: 'Hand a child over at a transition: to daycare, or to the specialised children’s area',
          description:
            'Needs, agreements, contacts and a note for one child, to a receiving unit, with the start date. ' +
            'Only on a consent in force for category `handover` from the sender’s organisation to the ' +
            'receiver’s, also within one municipality; without it 409 (`errors[].code = consent_missing`). ' +
            'An unknown unit or child, a unit that does not receive the transition, a start date more than ' +
            '14 days ago or more than a year ahead, and empty content give 400. Nothing is written on a refusal.',
          ...write,
          body: createHandoverBody,
          response: { 201: handover, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await createHandover(deps, req.ctx, req.body)),
    );
    app.get(
      '/api/handovers',
      {
        config: staff,
        schema: {
          operationId: 'listHandovers',
          tags: ['handovers'],
          summary: 'Handovers received by one of my units ("Modtagne overleveringer"), or sent by me',
          description:
            'Received handovers are listed while the consent they went on is in force. Newest first.',
          querystring: listHandoversQuery,
          response: { 200: handoverPage, ...readProblems },
        },
      },
      async (req) => listHandovers(deps, req.ctx, req.query),
    );
    app.get(
      '/api/handovers/receivers',
      {
        config: staff,
        schema: {
          operationId: 'listHandoverReceivers',
          tags: ['handovers'],
          summary: 'Units that can receive the transition, and whether the family’s consent covers each',
          querystring: handoverReceiversQuery,
          response: { 200: z.array(handoverReceiver), ...readProblems },
        },
      },
      async (req) => listHandoverReceivers(deps, req.ctx, req.query),
    );
    app.get(
      '/api/handovers/:handoverId',
      {
        config: staff,
        schema: {
          operationId: 'getHandover',
          tags: ['handovers'],
          summary:
            'One handover: the child, the parents’ contacts as handed over, needs, agreements, contacts',
          params: handoverParams,
          response: { 200: handover, ...readProblems },
        },
      },
      async (req) => getHandover(deps, req.ctx, req.params.handoverId),
    );
    app.post(
      '/api/handovers/:handoverId/acknowledge',
      {
        config: staff,
        schema: {
          operationId: 'acknowledgeHandover',
          tags: ['handovers'],
          summary: 'The receiving unit confirms it has received the handover',
          description: 'Only staff of the receiving unit; a second acknowledgement is 409.',
          ...write,
          params: handoverParams,
          response: { 200: handover, ...writeProblems },
        },
      },
      async (req) => acknowledgeHandover(deps, req.ctx, req.params.handoverId),
    );
  };
