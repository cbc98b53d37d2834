import {
  assessConcernReportBody,
  childAssessmentBody,
  concernInbox,
  concernRecipient,
  concernReport,
  createConcernReportBody,
  listConcernReportsQuery,
  sentConcernReport,
  uuid,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import {
  assessConcernReport,
  getConcernReport,
  listConcernReports,
  recordChildAssessmentStarted,
  sendConcernReceipt,
} from './concern-inbox.service';
import {
  createConcernReport,
  listConcernRecipients,
  listMySentConcernReports,
} from './concern-reports.service';

const reportParams = z.strictObject({ reportId: uuid });
const write = { security: [{ session: [], csrf: [] }] };
const tags = ['concern-reports'];

export const concernReportsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = { auth: 'staff' as const };

    app.post(
      '/api/concern-reports',
      {
        config: staff,
        schema: {
          operationId: 'createConcernReport',
          tags,
          summary:
            'Send a concern report (underretning, Barnets lov § 133) to the municipality’s social services',
          description:
            'Any professional whose role may send category concern. About a child (familyId + childPersonId), ' +
            'an unborn child (familyId + pregnancyId) or a child not known in Familiespor (unregistered, with ' +
            'the municipality it goes to). No child and no pregnancy gives 400 and nothing is written. The ' +
            'answer is what the sender may know: that it was sent, and later its receipt and whether a child ' +
            'assessment was started. Sending gives no access to the family.',
          ...write,
          body: createConcernReportBody,
          response: { 201: sentConcernReport, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await createConcernReport(deps, req.ctx, req.body)),
    );
    app.get(
      '/api/concern-reports/recipients',
      {
        config: staff,
        schema: {
          operationId: 'listConcernRecipients',
          tags,
          summary: 'The municipalities a concern report can go to, with their social services unit',
          response: { 200: z.array(concernRecipient), ...readProblems },
        },
      },
      async (req) => listConcernRecipients(deps, req.ctx),
    );
    app.get(
      '/api/my/concern-reports',
      {
        config: staff,
        schema: {
          operationId: 'listMySentConcernReports',
          tags,
          summary:
            '"Mine underretninger": the reports the user sent — received (receipt date) and § 20 status only',
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
          response: { 200: z.array(sentConcernReport), ...readProblems },
        },
      },
      async (req) => listMySentConcernReports(deps, req.ctx, req.query),
    );
    app.get(
      '/api/concern-reports',
      {
        config: staff,
        schema: {
          operationId: 'listConcernReports',
          tags,
          summary: 'The caseworkers’ inbox: the municipality’s concern reports with their deadlines',
          description:
            'Reports past a deadline first, then the newest. Assessment within 24 hours of receipt; receipt to ' +
            'the sender within 6 working days. Caseworkers only (403, audited, for anyone else).',
          querystring: listConcernReportsQuery,
          response: { 200: concernInbox, ...readProblems },
        },
      },
      async (req) => listConcernReports(deps, req.ctx, req.query),
    );
    app.get(
      '/api/concern-reports/:reportId',
      {
        config: staff,
        schema: {
          operationId: 'getConcernReport',
          tags,
          summary: 'One concern report in full, with the CPR number unmasked',
          params: reportParams,
          response: { 200: concernReport, ...readProblems },
        },
      },
      async (req) => getConcernReport(deps, req.ctx, req.params.reportId),
    );
    app.post(
      '/api/concern-reports/:reportId/assessment',
      {
        config: staff,
        schema: {
          operationId: 'assessConcernReport',
          tags,
          summary:
            'Record the urgent assessment: is the child in danger so that something must be done at once',
          description: 'Once per report (409 after).',
          ...write,
          params: reportParams,
          body: assessConcernReportBody,
          response: { 200: concernReport, ...writeProblems },
        },
      },
      async (req) => assessConcernReport(deps, req.ctx, req.params.reportId, req.body),
    );
    app.post(
      '/api/concern-reports/:reportId/receipt',
      {
        config: staff,
        schema: {
          operationId: 'sendConcernReceipt',
          tags,
          summary: 'Record that the receipt was sent to the sender',
          description: 'Once per report (409 after). The sender then sees the report as received.',
          ...write,
          params: reportParams,
          response: { 200: concernReport, ...writeProblems },
        },
      },
      async (req) => sendConcernReceipt(deps, req.ctx, req.params.reportId),
    );
    app.post(
      '/api/concern-reports/:reportId/child-assessment',
      {
        config: staff,
        schema: {
          operationId: 'recordChildAssessmentStarted',
          tags,
          summary: 'Record whether a child assessment (børnefaglig undersøgelse, § 20) was started',
          description: '"Not started" may become "started"; a started assessment stays started (409).',
          ...write,
          params: reportParams,
          body: childAssessmentBody,
          response: { 200: concernReport, ...writeProblems },
        },
      },
      async (req) => recordChildAssessmentStarted(deps, req.ctx, req.params.reportId, req.body),
    );
  };
