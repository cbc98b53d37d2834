import {
  createReferralIntakeBody,
  decideReferralIntakeBody,
  listReferralIntakesQuery,
  referralIntake,
  referralIntakeList,
  uuid,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { acknowledgeReferralIntake, createReferralIntake } from './referral-intake.service';
import { decideReferralIntake } from './referral-intake-decision.service';
import { getReferralIntake, listReferralIntakes } from './referral-intake-read.service';

const params = z.strictObject({ intakeId: uuid });
const write = { security: [{ session: [], csrf: [] }] };
const tags = ['referrals'];

/** Referrals of a person the receiver does not know yet: the identified bridge from open counselling (issue #8). */
export const referralIntakeRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const config = { auth: 'staff' as const };

    app.post(
      '/api/referral-intakes',
      {
        config,
        schema: {
          operationId: 'createReferralIntake',
          tags,
          summary:
            'Refer a parent who chose to be identified to a partner municipality’s offer ("Henvis med navn")',
          description:
            'For the NGO’s open-counselling counsellors (else 403). The parent’s consent to pass on her details ' +
            'and the reason must be confirmed; a phone number or an e-mail address is needed; a CPR number is ' +
            'optional but must be valid; the offer must be a partner municipality’s (else 400, nothing written). ' +
            'Nothing about the anonymous conversation is accepted: the contact stays unlinked.',
          ...write,
          body: createReferralIntakeBody,
          response: { 201: referralIntake, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await createReferralIntake(deps, req.ctx, req.body)),
    );
    app.get(
      '/api/referral-intakes',
      {
        config,
        schema: {
          operationId: 'listReferralIntakes',
          tags,
          summary:
            'Referrals of people not yet known: "Sendt" (box=sent) or "Modtaget" (box=received), overdue first',
          description:
            'Sent: the user’s own (a programme lead: the organisation’s), with their status. Received: those sent ' +
            'to the user’s units or to the organisation as a whole (a programme lead: all of its units). Audited ' +
            'with the ids shown.',
          querystring: listReferralIntakesQuery,
          response: { 200: referralIntakeList, ...readProblems },
        },
      },
      async (req) => listReferralIntakes(deps, req.ctx, req.query),
    );
    app.get(
      '/api/referral-intakes/:intakeId',
      {
        config,
        schema: {
          operationId: 'getReferralIntake',
          tags,
          summary: 'A referral of a person not yet known, with her details, the reason and the consent',
          description: 'For its sender and its receiving unit or organisation (else 403).',
          params,
          response: { 200: referralIntake, ...readProblems },
        },
      },
      async (req) => getReferralIntake(deps, req.ctx, req.params.intakeId),
    );
    app.post(
      '/api/referral-intakes/:intakeId/acknowledge',
      {
        config,
        schema: {
          operationId: 'acknowledgeReferralIntake',
          tags,
          summary: 'The receiving unit confirms it has received the referral',
          description: 'Only from requested (else 409); only the receiving unit or organisation (else 403).',
          ...write,
          params,
          response: { 200: referralIntake, ...writeProblems },
        },
      },
      async (req) => acknowledgeReferralIntake(deps, req.ctx, req.params.intakeId),
    );
    app.post(
      '/api/referral-intakes/:intakeId/decision',
      {
        config,
        schema: {
          operationId: 'decideReferralIntake',
          tags,
          summary: 'Accept — linking the person to a family found, or registering a new family — or reject',
          description:
            'Accepting makes it an ordinary accepted referral of the family (the receiver gets its involvement). ' +
            'familyId: a family of the receiver’s organisation she may see; registerFamily: a new family from ' +
            'the details given (409 if the CPR number is registered already). Rejecting needs a reason.',
          ...write,
          params,
          body: decideReferralIntakeBody,
          response: { 200: referralIntake, ...writeProblems },
        },
      },
      async (req) => decideReferralIntake(deps, req.ctx, req.params.intakeId, req.body),
    );
  };
