import {
  exportIndicatorsQuery,
  getIndicatorQuery,
  indicatorCatalogueResponse,
  indicatorFigures,
  refreshIndicatorsResult,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { exportFileName, indicatorCsv, indicatorXlsx } from './indicator-export';
import {
  getIndicator,
  indicatorFiguresForExport,
  listIndicators,
  refreshIndicators,
} from './indicators.service';

const write = { security: [{ session: [], csrf: [] }] };
const access =
  'For the programme lead and the analyst of the organisation, about its own figures only; ' +
  'others get 403 (audited as denied). Aggregates only, audited as an aggregate read.';

export const indicatorsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = { auth: 'staff' as const };

    app.get(
      '/api/indicators',
      {
        config: staff,
        schema: {
          operationId: 'listIndicators',
          tags: ['indicators'],
          summary: 'The indicator catalogue, with when the organisation’s figures were last refreshed',
          description: `Each indicator's id, unit, timing, breakdowns and definition in words. ${access}`,
          response: { 200: indicatorCatalogueResponse, ...readProblems },
        },
      },
      async (req) => listIndicators(deps, req.ctx),
    );
    app.get(
      '/api/indicators/figures',
      {
        config: staff,
        schema: {
          operationId: 'getIndicator',
          tags: ['indicators'],
          summary: 'One indicator’s figures for a period, by month, quarter, year or the whole period',
          description:
            'From the pre-aggregates (refreshed nightly and by refreshIndicators). `breakdown` cuts the ' +
            'figures by one of the indicator’s dimensions; `only` keeps one value of it (e.g. ' +
            '`breakdown=parent_role&only=father`). An unknown indicator, a bad month, an end before the ' +
            `start or a breakdown the indicator lacks give 400. ${access}`,
          querystring: getIndicatorQuery,
          response: { 200: indicatorFigures, ...readProblems },
        },
      },
      async (req) => getIndicator(deps, req.ctx, req.query),
    );
    app.get(
      '/api/indicators/export',
      {
        config: staff,
        schema: {
          operationId: 'exportIndicators',
          tags: ['indicators'],
          summary: 'The figures getIndicator returns, as CSV or XLSX with a Danish header row',
          description:
            'CSV: UTF-8 with a byte-order mark, semicolon-separated, decimal comma (as Danish Excel ' +
            `expects). XLSX: one sheet. Same parameters and refusals as getIndicator. ${access}`,
          querystring: exportIndicatorsQuery,
          produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
          response: { 200: z.string().describe('The file'), ...readProblems },
        },
      },
      async (req, reply) => {
        const figures = await indicatorFiguresForExport(deps, req.ctx, req.query);
        const format = req.query.format;
        const body = format === 'csv' ? indicatorCsv(figures) : await indicatorXlsx(figures);
        return (
          reply
            .type(
              format === 'csv'
                ? 'text/csv; charset=utf-8'
                : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            )
            .header('content-disposition', `attachment; filename="${exportFileName(figures, format)}"`)
            .header('cache-control', 'no-store')
            .serializer((x: unknown) => x as string)
            // The file's bytes go out as they are; the schema's string only documents the body.
            .send(body as unknown as string)
        );
      },
    );
    app.post(
      '/api/indicators/refresh',
      {
        config: staff,
        schema: {
          operationId: 'refreshIndicators',
          tags: ['indicators'],
          summary: 'Recompute the organisation’s indicator pre-aggregates now',
          description:
            'The last 24 months up to today, as the nightly job does; running it twice writes the same ' +
            'figures. An indicator whose records cannot be read keeps its old figures and is listed in ' +
            '`errors`. For the programme lead of the organisation; others get 403 (audited as denied).',
          ...write,
          response: { 200: refreshIndicatorsResult, ...writeProblems },
        },
      },
      async (req) => refreshIndicators(deps, req.ctx),
    );
  };
