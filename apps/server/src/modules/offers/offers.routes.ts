import {
  calendarFeed,
  cohortFiguresResult,
  cohortPlan,
  confirmCohortPlanBody,
  confirmedCohorts,
  courseSession,
  createOfferBody,
  eligibilityResult,
  enrollBody,
  enrollment,
  listOffersQuery,
  listSessionsQuery,
  networkChoice,
  networkMembers,
  offer,
  offerForFamily,
  planCohortsBody,
  recordAttendanceBody,
  updateOfferBody,
  uuid,
  withdrawBody,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InputError } from '../../errors';
import { problems, readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import {
  calendarFeed as feed,
  getCalendarFeedUrl,
  getNetwork,
  revokeCalendarFeed,
  setNetworkChoice,
} from './calendar.service';
import { confirmCohortPlan, planCohorts } from './cohorts.service';
import { listFamilyEnrollments } from './enrollment.list';
import { enrollInOffer, withdrawEnrollment } from './enrollment.service';
import { checkEligibility, createOffer, getOffer, listOffers, updateOffer } from './offers.service';
import { getCohortFigures, listSessions, recordAttendance } from './sessions.service';

const offerParams = z.strictObject({ offerId: uuid });
const write = { security: [{ session: [], csrf: [] }] };

export const offersRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const origin = (req: { protocol: string; host: string }) =>
      deps.config.publicUrl ? new URL(deps.config.publicUrl).origin : `${req.protocol}://${req.host}`;

    app.get(
      '/api/offers',
      {
        config: { auth: 'any' },
        schema: {
          operationId: 'listOffers',
          tags: ['offers'],
          summary: 'The catalogue; with a family, whether it can join each offer now or soon',
          querystring: listOffersQuery,
          response: { 200: z.array(offerForFamily), ...readProblems },
        },
      },
      async (req) => listOffers(deps, req.ctx, req.query),
    );
    app.get(
      '/api/offers/:offerId',
      {
        config: { auth: 'any' },
        schema: {
          operationId: 'getOffer',
          tags: ['offers'],
          summary: 'One offer',
          params: offerParams,
          response: { 200: offer, ...readProblems },
        },
      },
      async (req) => getOffer(deps, req.ctx, req.params.offerId),
    );
    app.post(
      '/api/offers',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'createOffer',
          tags: ['offers'],
          summary:
            'The programme lead adds an offer (a Familieiværksætterne course gets the 16-session template)',
          ...write,
          body: createOfferBody,
          response: { 201: offer, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await createOffer(deps, req.ctx, req.body)),
    );
    app.patch(
      '/api/offers/:offerId',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'updateOffer',
          tags: ['offers'],
          summary: 'Edit an offer or its course template; capacity may not drop below the enrolled',
          ...write,
          params: offerParams,
          body: updateOfferBody,
          response: { 200: offer, ...writeProblems },
        },
      },
      async (req) => updateOffer(deps, req.ctx, req.params.offerId, req.body),
    );
    app.get(
      '/api/offers/:offerId/eligibility',
      {
        config: { auth: 'any' },
        schema: {
          operationId: 'checkEligibility',
          tags: ['offers'],
          summary: 'Whether a family can join, rule by rule',
          description:
            'The referral rule holds when the provider has accepted a referral of the family to this offer ' +
            '(as far as the reader may see that referral), or the family has an open sign-up made as a referral.',
          params: offerParams,
          querystring: z.strictObject({ familyId: uuid.optional() }),
          response: { 200: eligibilityResult, ...readProblems },
        },
      },
      async (req) => {
        const p = req.ctx.principal;
        const familyId = req.query.familyId ?? (p?.kind === 'parent' ? p.familyIds[0] : undefined);
        if (!familyId) return reply400();
        return checkEligibility(deps, req.ctx, req.params.offerId, familyId);
      },
    );
    app.post(
      '/api/offers/:offerId/enrollments',
      {
        config: { auth: 'any' },
        schema: {
          operationId: 'enrollInOffer',
          tags: ['offers'],
          summary: 'Sign a family up (parents themselves, the midwife at week 16, or a health visitor)',
          description:
            'Enrolled while there are seats; otherwise waitlisted — referred and targeted families first. ' +
            'A professional’s referralReason makes the sign-up a referral; a family whose referral to the offer ' +
            'was accepted counts as referred without one (also when the parents sign up in the portal).',
          ...write,
          params: offerParams,
          body: enrollBody,
          response: { 201: enrollment, ...writeProblems },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await enrollInOffer(deps, req.ctx, req.params.offerId, req.body)),
    );
    app.post(
      '/api/enrollments/:enrollmentId/withdraw',
      {
        config: { auth: 'any' },
        schema: {
          operationId: 'withdrawEnrollment',
          tags: ['offers'],
          summary: 'Decline (before the start) or drop out (after); the waitlist moves up',
          ...write,
          params: z.strictObject({ enrollmentId: uuid }),
          body: withdrawBody,
          response: { 200: enrollment, ...writeProblems },
        },
      },
      async (req) => withdrawEnrollment(deps, req.ctx, req.params.enrollmentId, req.body),
    );
    app.get(
      '/api/portal/enrollments',
      {
        config: { auth: 'parent' },
        schema: {
          operationId: 'listMyEnrollments',
          tags: ['portal'],
          summary: 'The family’s sign-ups',
          response: { 200: z.array(enrollment), ...readProblems },
        },
      },
      async (req) => listFamilyEnrollments(deps, req.ctx),
    );
    app.get(
      '/api/families/:familyId/enrollments',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'listFamilyEnrollments',
          tags: ['offers'],
          summary: 'A family’s sign-ups',
          params: z.strictObject({ familyId: uuid }),
          response: { 200: z.array(enrollment), ...readProblems },
        },
      },
      async (req) => listFamilyEnrollments(deps, req.ctx, req.params.familyId),
    );
    app.post(
      '/api/cohort-plans/preview',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'planCohorts',
          tags: ['offers'],
          summary: 'Preview cohorts of at most 10 couples by due date (nothing is saved)',
          ...write,
          body: planCohortsBody,
          response: { 200: cohortPlan, ...writeProblems },
        },
      },
      async (req) => planCohorts(deps, req.ctx, req.body),
    );
    app.post(
      '/api/cohort-plans',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'confirmCohortPlan',
          tags: ['offers'],
          summary:
            'Confirm the (adjusted) plan: cohorts, their families and their sessions from the template',
          ...write,
          body: confirmCohortPlanBody,
          response: { 201: confirmedCohorts, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await confirmCohortPlan(deps, req.ctx, req.body)),
    );
    app.get(
      '/api/sessions',
      {
        config: { auth: 'any' },
        schema: {
          operationId: 'listSessions',
          tags: ['offers'],
          summary:
            'The facilitator’s sessions (with parents to check in), the lead’s, or the family’s own ("Mine aftaler")',
          querystring: listSessionsQuery,
          response: { 200: z.array(courseSession), ...readProblems },
        },
      },
      async (req) => listSessions(deps, req.ctx, req.query),
    );
    app.put(
      '/api/sessions/:sessionId/attendance',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'recordAttendance',
          tags: ['offers'],
          summary:
            'Check in each parent on their own; two missed sessions in a row give the coordinator a task',
          ...write,
          params: z.strictObject({ sessionId: uuid }),
          body: recordAttendanceBody,
          response: { 200: courseSession, ...writeProblems },
        },
      },
      async (req) => recordAttendance(deps, req.ctx, req.params.sessionId, req.body.attendance),
    );
    app.get(
      '/api/cohorts/:cohortId/figures',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'getCohortFigures',
          tags: ['offers'],
          summary: 'Attendance per parent, mothers and fathers/co-parents apart',
          params: z.strictObject({ cohortId: uuid }),
          response: { 200: cohortFiguresResult, ...readProblems },
        },
      },
      async (req) => getCohortFigures(deps, req.ctx, req.params.cohortId),
    );
    app.post(
      '/api/portal/calendar-feed',
      {
        config: { auth: 'parent' },
        schema: {
          operationId: 'getCalendarFeedUrl',
          tags: ['portal'],
          summary: 'A personal calendar address for the phone; making a new one stops the old',
          ...write,
          response: { 200: calendarFeed, ...writeProblems },
        },
      },
      async (req) => getCalendarFeedUrl(deps, req.ctx, origin(req)),
    );
    app.delete(
      '/api/portal/calendar-feed',
      {
        config: { auth: 'parent' },
        schema: {
          operationId: 'revokeCalendarFeed',
          tags: ['portal'],
          summary: 'Stop the calendar address',
          ...write,
          response: { 204: z.undefined(), ...writeProblems },
        },
      },
      async (req, reply) => {
        await revokeCalendarFeed(deps, req.ctx);
        return reply.code(204).send();
      },
    );
    app.get(
      '/api/calendar/:file',
      {
        config: { auth: 'none' },
        schema: {
          operationId: 'getCalendarFeed',
          tags: ['portal'],
          summary: 'The iCalendar feed behind a personal calendar address',
          security: [],
          params: z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/) }),
          response: { 200: z.string(), ...problems(400, 404) },
        },
      },
      async (req, reply) => {
        const body = await feed(deps, req.ctx, req.params.file.slice(0, -4));
        return reply
          .type('text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=900')
          .serializer((x: unknown) => x as string)
          .send(body);
      },
    );
    app.get(
      '/api/portal/cohorts/:cohortId/network',
      {
        config: { auth: 'parent' },
        schema: {
          operationId: 'getParentNetwork',
          tags: ['portal'],
          summary: 'The cohort’s parent network: the parents who chose to share',
          params: z.strictObject({ cohortId: uuid }),
          response: { 200: networkMembers, ...readProblems },
        },
      },
      async (req) => getNetwork(deps, req.ctx, req.params.cohortId),
    );
    app.put(
      '/api/portal/cohorts/:cohortId/network',
      {
        config: { auth: 'parent' },
        schema: {
          operationId: 'setNetworkChoice',
          tags: ['portal'],
          summary: 'Choose what the other parents of the cohort may see',
          ...write,
          params: z.strictObject({ cohortId: uuid }),
          body: networkChoice,
          response: { 200: networkMembers, ...writeProblems },
        },
      },
      async (req) => setNetworkChoice(deps, req.ctx, req.params.cohortId, req.body),
    );
  };

function reply400(): never {
  throw new InputError('Say which family', [
    { path: 'familyId', code: 'required', message: 'Give familyId' },
  ]);
}
