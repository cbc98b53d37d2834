import { committeeReport, committeeReportQuery } from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { getCommitteeReport } from './committee-report.service';

export const committeeReportRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/indicators/committee-report',
      {
        config: { auth: 'staff' },
        schema: {
          operationId: 'getCommitteeReport',
          tags: ['indicators'],
          summary:
            'The committee report (“Udvalgsrapport”): key indicators against the same months a year before',
          description:
            'One page for the political committee: a fixed list of key indicators for `from`–`to` (YYYY-MM, ' +
            'both or neither; at most 12 months; default the last 12 whole months), each with the same ' +
            'months a year before and whether the change is better or worse. It leaves the organisation, ' +
            'so every count below 5 is hidden (null, `suppressed`), with the complementary count where a ' +
            'total would give it back. A bad month, an end before the start, a longer period, one month ' +
            'without the other or an unknown parameter give 400. For the programme lead and the analyst ' +
            'of the organisation, about its own figures only; others get 403 (audited as denied). ' +
            'Audited as an aggregate read.',
          querystring: committeeReportQuery,
          response: { 200: committeeReport, ...readProblems },
        },
      },
      async (req) => getCommitteeReport(deps, req.ctx, req.query),
    );
  };
