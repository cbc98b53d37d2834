import {
  assignCoordinatorBody,
  coordinatorCandidate,
  familyDetail,
  familyPage,
  familySummary,
  familyTimeline,
  importBirthsBody,
  importResult,
  myTimeline,
  pageQuery,
  registerBirthBody,
  registerPregnancyBody,
  revealedCpr,
  searchFamiliesQuery,
  timelineQuery,
  uuid,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { importBirthNotifications, registerBirth } from './birth.service';
import { assignCoordinator, listCoordinatorCandidates } from './coordinator.service';
import {
  getFamily,
  listFamiliesWithoutCoordinator,
  listMyFamilies,
  revealCpr,
  searchFamilies,
} from './families.service';
import './family-access';
import { getFamilyTimeline, getMyFamilyTimeline } from './family-timeline.service';
import { registerPregnancy } from './pregnancy.service';

const familyParams = z.strictObject({ familyId: uuid });
const write = { security: [{ session: [], csrf: [] }] };

export const familiesRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = { auth: 'staff' as const };

    app.post(
      '/api/pregnancies',
      {
        config: staff,
        schema: {
          operationId: 'registerPregnancy',
          tags: ['families'],
          summary: 'The midwife registers a pregnancy with both parents, address and consent to share',
          description:
            'The home municipality follows from the address. With consent, the health visiting of the family’s ' +
            'district receives the registration and a task to plan the pregnancy visit. A new person whose name and ' +
            'birth date match someone registered gives 409 possible_duplicate until duplicateOverrideReason is sent.',
          ...write,
          body: registerPregnancyBody,
          response: { 201: familyDetail, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await registerPregnancy(deps, req.ctx, req.body)),
    );

    app.post(
      '/api/families/:familyId/births',
      {
        config: staff,
        schema: {
          operationId: 'registerBirth',
          tags: ['families'],
          summary: 'Register a birth by hand: the child joins the family and health visiting begins',
          ...write,
          params: familyParams,
          body: registerBirthBody,
          response: { 201: familyDetail, ...writeProblems },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await registerBirth(deps, req.ctx, req.params.familyId, req.body)),
    );

    app.post(
      '/api/birth-notifications',
      {
        config: staff,
        schema: {
          operationId: 'importBirthNotifications',
          tags: ['families'],
          summary: 'Import a batch of birth notifications (CSV or JSON; see docs/birth-notifications.md)',
          description:
            'Each notification is saved in its own transaction; invalid lines are reported with their line numbers ' +
            'and reasons. Re-importing the same file changes nothing.',
          ...write,
          body: importBirthsBody,
          response: { 200: importResult, ...writeProblems },
        },
      },
      async (req) =>
        importBirthNotifications(deps, req.ctx, req.body, {
          onUnexpectedError: (line, error) =>
            req.log.error(
              { line, err: { name: error.name, message: error.message, stack: error.stack } },
              'birth import line failed',
            ),
        }),
    );

    app.put(
      '/api/families/:familyId/coordinator',
      {
        config: staff,
        schema: {
          operationId: 'assignCoordinator',
          tags: ['families'],
          summary: 'Assign or change the family’s coordinator (tovholder); a change needs a handover note',
          ...write,
          params: familyParams,
          body: assignCoordinatorBody,
          response: { 200: familyDetail, ...writeProblems },
        },
      },
      async (req) => assignCoordinator(deps, req.ctx, req.params.familyId, req.body),
    );

    app.get(
      '/api/families/:familyId/coordinator-candidates',
      {
        config: staff,
        schema: {
          operationId: 'listCoordinatorCandidates',
          tags: ['families'],
          summary:
            'Who can become the family’s coordinator: its municipality’s and its involved organisations’ professionals',
          params: familyParams,
          response: { 200: z.array(coordinatorCandidate), ...readProblems },
        },
      },
      async (req) => listCoordinatorCandidates(deps, req.ctx, req.params.familyId),
    );

    app.get(
      '/api/families/search',
      {
        config: staff,
        schema: {
          operationId: 'searchFamilies',
          tags: ['families'],
          summary: 'Find families by CPR, name or the child’s birth date — only those you may see',
          querystring: searchFamiliesQuery,
          response: { 200: z.array(familySummary), ...readProblems },
        },
      },
      async (req) => searchFamilies(deps, req.ctx, req.query),
    );

    app.get(
      '/api/families/without-coordinator',
      {
        config: staff,
        schema: {
          operationId: 'listFamiliesWithoutCoordinator',
          tags: ['families'],
          summary: 'Families someone works with but nobody coordinates',
          querystring: pageQuery,
          response: { 200: familyPage, ...readProblems },
        },
      },
      async (req) => listFamiliesWithoutCoordinator(deps, req.ctx, req.query),
    );

    app.get(
      '/api/my/families',
      {
        config: staff,
        schema: {
          operationId: 'listMyFamilies',
          tags: ['families'],
          summary: '"Mine familier": the families you coordinate',
          querystring: z.strictObject({}),
          response: { 200: z.array(familySummary), ...readProblems },
        },
      },
      async (req) => listMyFamilies(deps, req.ctx),
    );

    app.get(
      '/api/families/:familyId',
      {
        config: staff,
        schema: {
          operationId: 'getFamily',
          tags: ['families'],
          summary: 'The family: members (CPR masked), pregnancies, births, coordinator and who works with it',
          params: familyParams,
          response: { 200: familyDetail, ...readProblems },
        },
      },
      async (req) => getFamily(deps, req.ctx, req.params.familyId),
    );

    app.get(
      '/api/families/:familyId/timeline',
      {
        config: staff,
        schema: {
          operationId: 'getFamilyTimeline',
          tags: ['families'],
          summary: 'The red thread: past and upcoming, every entry as far as you may see it',
          params: familyParams,
          querystring: timelineQuery,
          response: { 200: familyTimeline, ...readProblems },
        },
      },
      async (req) => getFamilyTimeline(deps, req.ctx, req.params.familyId, req.query),
    );

    app.post(
      '/api/persons/:personId/cpr-reveal',
      {
        config: staff,
        schema: {
          operationId: 'revealCpr',
          tags: ['families'],
          summary: 'Show a whole CPR number (audited)',
          ...write,
          params: z.strictObject({ personId: uuid }),
          response: { 200: revealedCpr, ...writeProblems },
        },
      },
      async (req) => revealCpr(deps, req.ctx, req.params.personId),
    );

    app.get(
      '/api/portal/timeline',
      {
        config: { auth: 'parent' },
        schema: {
          operationId: 'getMyFamilyTimeline',
          tags: ['portal'],
          summary: 'The parent’s own timeline, team and children',
          querystring: timelineQuery.extend({ familyId: uuid.optional() }),
          response: { 200: myTimeline, ...readProblems },
        },
      },
      async (req) => getMyFamilyTimeline(deps, req.ctx, req.query.familyId, req.query),
    );
  };
