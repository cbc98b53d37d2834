import {
  pendingSurvey,
  sendSurveyBody,
  sentSurvey,
  submitSurveyResponseBody,
  surveyByTokenQuery,
  surveyResponseReceipt,
  surveyResults,
  surveyResultsQuery,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problems, readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import {
  getSurveyByToken,
  getSurveyResults,
  listMySurveys,
  sendSurvey,
  submitSurveyResponse,
} from './surveys.service';

const tags = ['surveys'];
const write = { security: [{ session: [], csrf: [] }] };

export const surveysRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const origin = (req: { protocol: string; host: string }) =>
      deps.config.publicUrl ? new URL(deps.config.publicUrl).origin : `${req.protocol}://${req.host}`;

    app.post(
      '/api/surveys',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'sendSurvey',
          tags,
          summary:
            'Send the satisfaction survey after a session, a course, a closed case or open counselling',
          description:
            'One link per parent taking part (present at the session; in the cohort; the family of the ' +
            'closed case), shown in the parent portal and e-mailed where the parent gave an address. ' +
            'Idempotent per occasion and parent: sending again asks only those not yet asked. Sent by ' +
            'the organisation that runs the offer or the case: the facilitator, the counsellor or the ' +
            'programme lead (others 403). A session not yet held, a course not ended or a case still ' +
            'open give 409. After open counselling: one anonymous code and link, tied to nobody.',
          ...write,
          body: sendSurveyBody,
          response: { 201: sentSurvey, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await sendSurvey(deps, req.ctx, req.body, origin(req))),
    );
    app.post(
      '/api/surveys/responses',
      {
        config: { auth: 'optional' },
        schema: {
          operationId: 'submitSurveyResponse',
          tags,
          summary: 'Answer a survey, by the token in the link or code, or as the logged-in parent',
          description:
            'No login needed with a token; the portal sends the logged-in parent’s link id instead. ' +
            'Three scores 1–5 and free text of at most 1000 characters (else 400). A link answers ' +
            'once: a second answer is 409 and nothing is written. The response is stored without any ' +
            'reference to the link or the parent.',
          security: [],
          body: submitSurveyResponseBody,
          response: { 201: surveyResponseReceipt, ...writeProblems },
        },
      },
      async (req, reply) => reply.code(201).send(await submitSurveyResponse(deps, req.ctx, req.body)),
    );
    app.get(
      '/api/surveys/by-token',
      {
        config: { auth: 'none' },
        schema: {
          operationId: 'getSurveyByToken',
          tags,
          summary: 'What a survey link is about (the offer, the day) and whether it has been used',
          security: [],
          querystring: surveyByTokenQuery,
          response: { 200: pendingSurvey, ...problems(400, 404) },
        },
      },
      async (req) => getSurveyByToken(deps, req.ctx, req.query.token),
    );
    app.get(
      '/api/portal/surveys',
      {
        config: { auth: 'parent' },
        schema: {
          operationId: 'listMySurveys',
          tags,
          summary: 'The logged-in parent’s surveys ("Spørgeskemaer"), newest first',
          response: { 200: z.array(pendingSurvey), ...readProblems },
        },
      },
      async (req) => listMySurveys(deps, req.ctx),
    );
    app.get(
      '/api/surveys/results',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'getSurveyResults',
          tags,
          summary: 'Satisfaction per offer and per occasion, with small-cell suppression',
          description:
            'Counts per score and means per statement; a group of fewer than 5 responses shows "<5" ' +
            'and no counts or means. The offer’s own organisation (and partner municipalities for a ' +
            'named offer) read them; free text only the offer’s own organisation. Without offerId: ' +
            'the caller’s own organisation’s offers. A period ending before it starts is 400.',
          querystring: surveyResultsQuery,
          response: { 200: surveyResults, ...readProblems },
        },
      },
      async (req) => getSurveyResults(deps, req.ctx, req.query),
    );
  };
