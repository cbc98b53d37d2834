import {
  accessLogPage,
  accessLogQuery,
  consent,
  consentOverview,
  grantConsentBody,
  myConsentsQuery,
  uuid,
  withdrawConsentBody,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { getMyAccessLog } from './access-log.service';
import { grantConsent, listFamilyConsents, listMyConsents, withdrawConsent } from './consent.service';

const write = { security: [{ session: [], csrf: [] }] };

export const consentRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/consents',
      {
        // A parent with custody in the portal; a professional recording a paper or spoken consent.
        config: { auth: 'any' },
        schema: {
          operationId: 'grantConsent',
          tags: ['consent'],
          summary:
            'Give consent: which records may flow from one organisation to another, why, and until when',
          description:
            'Parents with custody give it in the portal (for themself). Staff record a consent a parent gave on ' +
            'paper or verbally (grantedByPersonId and capturedHow required) and must belong to the family’s, ' +
            'the sending or the receiving organisation. Categories: identity, pregnancy, health_visit, screening, ' +
            'course, counselling, referral, handover — never concern. Unknown organisations, the same organisation ' +
            'twice, or dates in the past: 400 with field errors.',
          ...write,
          body: grantConsentBody,
          response: { 201: consent, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await grantConsent(deps, req.ctx, req.body)),
    );
    app.post(
      '/api/consents/:consentId/withdraw',
      {
        config: { auth: 'any' },
        schema: {
          operationId: 'withdrawConsent',
          tags: ['consent'],
          summary: 'Withdraw a consent; it stops the next read',
          description:
            'A parent with custody withdraws in the portal with an empty body. Staff record a withdrawal the ' +
            'parent made on paper or by phone (withdrawnByPersonId and capturedHow). 409 when already withdrawn.',
          ...write,
          params: z.strictObject({ consentId: uuid }),
          body: withdrawConsentBody,
          response: { 200: consent, ...writeProblems },
        },
      },
      async (req) => withdrawConsent(deps, req.ctx, req.params.consentId, req.body),
    );
    app.get(
      '/api/portal/consents',
      {
        config: { auth: 'parent' },
        schema: {
          operationId: 'listMyConsents',
          tags: ['portal', 'consent'],
          summary:
            'The family’s consents — active, expired and withdrawn — and the organisations a new one can name',
          querystring: myConsentsQuery,
          response: { 200: consentOverview, ...readProblems },
        },
      },
      async (req) => listMyConsents(deps, req.ctx, req.query.familyId),
    );
    app.get(
      '/api/families/:familyId/consents',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'listFamilyConsents',
          tags: ['consent'],
          summary: 'The family’s consents, for a professional who may see the family',
          params: z.strictObject({ familyId: uuid }),
          response: { 200: consentOverview, ...readProblems },
        },
      },
      async (req) => listFamilyConsents(deps, req.ctx, req.params.familyId),
    );
    app.get(
      '/api/portal/access-log',
      {
        config: { auth: 'parent' },
        schema: {
          operationId: 'getMyAccessLog',
          tags: ['portal', 'consent'],
          summary:
            '"Hvem har set mine data": which professionals read or changed the family’s data, when and why',
          description:
            'Newest first, a page at a time (nextCursor). The parents’ own actions and the platform’s are not ' +
            'listed, nor anything about concern reports. Reading the log is itself recorded.',
          querystring: accessLogQuery,
          response: { 200: accessLogPage, ...readProblems },
        },
      },
      async (req) => getMyAccessLog(deps, req.ctx, req.query),
    );
  };
