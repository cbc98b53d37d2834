import {
  completeReferralBody,
  createReferralBody,
  decideReferralBody,
  listReferralsQuery,
  referral,
  referralCoverage,
  referralCoverageQuery,
  referralList,
  uuid,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { acknowledgeReferral, completeReferral, createReferral, decideReferral } from './referrals.service';
import { getReferral, getReferralCoverage, listReferrals } from './referrals-read.service';

const referralParams = z.strictObject({ referralId: uuid });
const familyParams = z.strictObject({ familyId: uuid });
const write = { security: [{ session: [], csrf: [] }] };
const tags = ['referrals'];

/** Referrals that are acknowledged (step 6). Staff only. */
export const referralsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { auth: 'staff' as const };

    app.post(
      '/api/referrals',
      {
        config,
        schema: {
          operationId: 'createReferral',
          tags,
          summary: 'Refer a family to an organisation, a unit or an offer',
          description:
            'The sender needs a relationship to the family. Attached categories need a consent in force from ' +
            'the sender’s organisation to the receiver’s (the reason is the referral’s own content). The ' +
            'acknowledgement deadline is 5 working days, or the partnership’s. Unknown receiver: 400.',
          ...write,
          body: createReferralBody,
          response: { 201: referral, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await createReferral(deps, req.ctx, req.body)),
    );
    app.get(
      '/api/referrals',
      {
        config,
        schema: {
          operationId: 'listReferrals',
          tags,
          summary: '"Sendt" (box=sent) or the inbox "Modtaget" (box=received), overdue first',
          querystring: listReferralsQuery,
          response: { 200: referralList, ...readProblems },
        },
      },
      async (req) => listReferrals(deps, req.ctx, req.query),
    );
    app.get(
      '/api/referrals/:referralId',
      {
        config,
        schema: {
          operationId: 'getReferral',
          tags,
          summary: 'A referral with its attachments and history, for its sender and its receiver',
          params: referralParams,
          response: { 200: referral, ...readProblems },
        },
      },
      async (req) => getReferral(deps, req.ctx, req.params.referralId),
    );
    app.post(
      '/api/referrals/:referralId/acknowledge',
      {
        config,
        schema: {
          operationId: 'acknowledgeReferral',
          tags,
          summary: 'The receiving unit confirms it has received the referral (closes the overdue tasks)',
          description: 'Only from requested (else 409); only the receiving unit or organisation (else 403).',
          ...write,
          params: referralParams,
          response: { 200: referral, ...writeProblems },
        },
      },
      async (req) => acknowledgeReferral(deps, req.ctx, req.params.referralId),
    );
    app.post(
      '/api/referrals/:referralId/decision',
      {
        config,
        schema: {
          operationId: 'decideReferral',
          tags,
          summary:
            'Accept a received referral (the receiver gets its involvement), or reject it with a reason',
          ...write,
          params: referralParams,
          body: decideReferralBody,
          response: { 200: referral, ...writeProblems },
        },
      },
      async (req) => decideReferral(deps, req.ctx, req.params.referralId, req.body),
    );
    app.post(
      '/api/referrals/:referralId/complete',
      {
        config,
        schema: {
          operationId: 'completeReferral',
          tags,
          summary: 'The work an accepted referral asked for is done',
          ...write,
          params: referralParams,
          body: completeReferralBody,
          response: { 200: referral, ...writeProblems },
        },
      },
      async (req) => completeReferral(deps, req.ctx, req.params.referralId, req.body),
    );
    app.get(
      '/api/families/:familyId/referral-coverage',
      {
        config,
        schema: {
          operationId: 'getReferralCoverage',
          tags,
          summary: 'Which record categories a consent lets the user’s organisation attach for a receiver',
          params: familyParams,
          querystring: referralCoverageQuery,
          response: { 200: referralCoverage, ...readProblems },
        },
      },
      async (req) => getReferralCoverage(deps, req.ctx, req.params.familyId, req.query.toOrganisationId),
    );
  };
