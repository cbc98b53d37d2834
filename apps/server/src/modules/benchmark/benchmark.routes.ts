import { benchmark, benchmarkQuery, benchmarkShare, shareBenchmarkBody } from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { getBenchmark, listBenchmarkShares, shareBenchmark } from './benchmark.service';

const write = { security: [{ session: [], csrf: [] }] };

export const benchmarkRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = { auth: 'staff' as const };
    app.get(
      '/api/benchmark/shares',
      {
        config: staff,
        schema: {
          operationId: 'listBenchmarkShares',
          tags: ['outcomes'],
          summary: 'The indicators my municipality shares with the Familieiværksætterne network',
          description: 'For the municipality’s programme lead and analyst.',
          response: { 200: z.array(benchmarkShare), ...readProblems },
        },
      },
      async (req) => listBenchmarkShares(deps, req.ctx),
    );
    app.put(
      '/api/benchmark/shares',
      {
        config: staff,
        schema: {
          operationId: 'shareBenchmark',
          tags: ['outcomes'],
          summary: 'Share an indicator with the network from a month, or stop sharing it',
          description:
            'Only a municipality’s programme lead. Only aggregates are shared, with small-cell suppression; ' +
            'stopping takes effect at once and the other municipalities no longer see any of its figures.',
          ...write,
          body: shareBenchmarkBody,
          response: { 200: z.array(benchmarkShare), ...writeProblems },
        },
      },
      async (req) => shareBenchmark(deps, req.ctx, req.body),
    );
    app.get(
      '/api/benchmark',
      {
        config: staff,
        schema: {
          operationId: 'getBenchmark',
          tags: ['outcomes'],
          summary: 'One indicator for a period: the municipalities that share it, side by side',
          description:
            'The viewer’s own municipality and those sharing the indicator (from the month they share). ' +
            'Counts below 5 are hidden (null, shown as "<5") together with a complementary figure, so no hidden ' +
            'count can be worked out by subtraction. A period ending before it starts gives 400.',
          querystring: benchmarkQuery,
          response: { 200: benchmark, ...readProblems },
        },
      },
      async (req) => getBenchmark(deps, req.ctx, req.query),
    );
  };
