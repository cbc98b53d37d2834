import {
  addCounsellingContactBody,
  addCounsellingGoalBody,
  addCounsellingPartyBody,
  closeCounsellingCaseBody,
  counsellingCase,
  counsellingCasePage,
  counsellingCaseSummary,
  counsellingStatistics,
  counsellingStatisticsQuery,
  listCounsellingCasesQuery,
  openCounsellingCaseBody,
  scoreCounsellingGoalsBody,
  uuid,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import {
  addCounsellingContact,
  addCounsellingGoal,
  closeCounsellingCase,
  scoreCounsellingGoals,
} from './counselling.service';
import { openCounsellingCase } from './counselling-open.service';
import { addCounsellingParty } from './counselling-party.service';
import {
  getCounsellingCase,
  listCounsellingCases,
  listFamilyCounsellingCases,
} from './counselling-read.service';
import { getCounsellingStatistics } from './counselling-statistics.service';

const caseParams = z.strictObject({ caseId: uuid });
const write = { security: [{ session: [], csrf: [] }] };
const tags = ['counselling'];

export const counsellingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = { auth: 'staff' as const };

    app.post(
      '/api/counselling/cases',
      {
        config: staff,
        schema: {
          operationId: 'openCounsellingCase',
          tags,
          summary: 'Open a family counselling case, from an accepted referral or on the family’s own request',
          description:
            'Only a family counsellor, in one of her units. From a referral: one to her organisation that has ' +
            'been accepted (unknown → 400 `unknown_referral`; not accepted → 409 `referral_not_accepted`). On ' +
            'the family’s own request: the parent who asks, by person id (`familyId`, when the counsellor can ' +
            'see the family) or by CPR number (`parentCpr`), and how they asked (`capturedHow`); for a family of ' +
            'another organisation the parent’s consent to identity is recorded until `consentValidTo` unless ' +
            'one is in force. The case gives the organisation an involvement with the family while it is open. ' +
            'A second open case for the family in the organisation is 409 `case_open`.',
          ...write,
          body: openCounsellingCaseBody,
          response: { 201: counsellingCase, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await openCounsellingCase(deps, req.ctx, req.body)),
    );
    app.get(
      '/api/counselling/cases',
      {
        config: staff,
        schema: {
          operationId: 'listCounsellingCases',
          tags,
          summary: '"Rådgivningsforløb": my cases, or (programme lead) the organisation’s',
          description: 'Newest opened first; `status` open (default), closed or all.',
          querystring: listCounsellingCasesQuery,
          response: { 200: counsellingCasePage, ...readProblems },
        },
      },
      async (req) => listCounsellingCases(deps, req.ctx, req.query),
    );
    app.get(
      '/api/counselling/statistics',
      {
        config: staff,
        schema: {
          operationId: 'getCounsellingStatistics',
          tags,
          summary: '"Tal for rådgivningen": one calendar year of the organisation’s counselling',
          description:
            'Families counselled (a case open at any time in the year), cases opened and closed, the outcomes, ' +
            'how many closed as no longer needing special support and their share, the median duration of the ' +
            'cases closed. Europe/Copenhagen calendar years; the current year up to today. For the ' +
            'organisation’s family counsellors and programme lead; counts are not suppressed inside it.',
          querystring: counsellingStatisticsQuery,
          response: { 200: counsellingStatistics, ...readProblems },
        },
      },
      async (req) => getCounsellingStatistics(deps, req.ctx, req.query),
    );
    app.get(
      '/api/families/:familyId/counselling-cases',
      {
        config: staff,
        schema: {
          operationId: 'listFamilyCounsellingCases',
          tags,
          summary: 'The family’s counselling cases the caller may read',
          description:
            'Their own organisation’s cases, and another organisation’s on the parents’ consent for category ' +
            'counselling; the others are left out.',
          params: z.strictObject({ familyId: uuid }),
          response: { 200: z.array(counsellingCaseSummary), ...readProblems },
        },
      },
      async (req) => listFamilyCounsellingCases(deps, req.ctx, req.params.familyId),
    );
    app.get(
      '/api/counselling/cases/:caseId',
      {
        config: staff,
        schema: {
          operationId: 'getCounsellingCase',
          tags,
          summary: 'One case: goals with their scores over time, contacts, collaborating parties, outcome',
          description:
            'The counsellor’s organisation reads it with a relationship to the family; another organisation ' +
            '(health visitor, caseworker, a collaborating party) only on a consent in force for category ' +
            'counselling from the case’s organisation to theirs — 403 before it, and after it is withdrawn.',
          params: caseParams,
          response: { 200: counsellingCase, ...readProblems },
        },
      },
      async (req) => getCounsellingCase(deps, req.ctx, req.params.caseId),
    );
    app.post(
      '/api/counselling/cases/:caseId/goals',
      {
        config: staff,
        schema: {
          operationId: 'addCounsellingGoal',
          tags,
          summary: 'Add a goal agreed with the family',
          description: 'Only in an open case (409 `case_closed`).',
          ...write,
          params: caseParams,
          body: addCounsellingGoalBody,
          response: { 201: counsellingCase, ...writeProblems },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await addCounsellingGoal(deps, req.ctx, req.params.caseId, req.body)),
    );
    app.post(
      '/api/counselling/cases/:caseId/scores',
      {
        config: staff,
        schema: {
          operationId: 'scoreCounsellingGoals',
          tags,
          summary: 'Score one or more goals on the 0–10 scale on one day',
          description:
            'A score outside 0–10, a goal of another case (`unknown_goal`), a day before the case was opened ' +
            '(`before_opened`) or in the future (`in_future`) → 400, nothing written.',
          ...write,
          params: caseParams,
          body: scoreCounsellingGoalsBody,
          response: { 201: counsellingCase, ...writeProblems },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await scoreCounsellingGoals(deps, req.ctx, req.params.caseId, req.body)),
    );
    app.post(
      '/api/counselling/cases/:caseId/contacts',
      {
        config: staff,
        schema: {
          operationId: 'addCounsellingContact',
          tags,
          summary: 'Record a contact: date, form, duration, participants, note',
          description:
            'Duration 1–600 minutes; at least one participant, each once; the day not before the case was ' +
            'opened and not in the future. The contact shows in the family timeline (without the note) for ' +
            'those who may see counselling.',
          ...write,
          params: caseParams,
          body: addCounsellingContactBody,
          response: { 201: counsellingCase, ...writeProblems },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await addCounsellingContact(deps, req.ctx, req.params.caseId, req.body)),
    );
    app.post(
      '/api/counselling/cases/:caseId/parties',
      {
        config: staff,
        schema: {
          operationId: 'addCounsellingParty',
          tags,
          summary: 'Add a collaborating party (daycare, childminder, health visiting, school), with consent',
          description:
            'A unit of another organisation in Familiespor (`unitId`): only on a consent in force for category ' +
            'counselling from the case’s organisation to the unit’s, else 409 `consent_missing`. A party outside ' +
            'Familiespor (`name`), or a unit of the own organisation: the parent’s consent recorded here ' +
            '(`parentConsent`: which parent with custody, paper or verbal, the day), else 409 `consent_missing`.',
          ...write,
          params: caseParams,
          body: addCounsellingPartyBody,
          response: { 201: counsellingCase, ...writeProblems },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await addCounsellingParty(deps, req.ctx, req.params.caseId, req.body)),
    );
    app.post(
      '/api/counselling/cases/:caseId/close',
      {
        config: staff,
        schema: {
          operationId: 'closeCounsellingCase',
          tags,
          summary: 'Close the case with its outcome',
          description:
            'Outcome: no_special_support (no longer needs special support), municipal_measure (continues in a ' +
            'municipal measure), moved, ended_by_family, other (with a note). The involvement ends; a referral ' +
            'the case was opened from is completed. A second close is 409.',
          ...write,
          params: caseParams,
          body: closeCounsellingCaseBody,
          response: { 200: counsellingCase, ...writeProblems },
        },
      },
      async (req) => closeCounsellingCase(deps, req.ctx, req.params.caseId, req.body),
    );
  };
