import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/connect';
import { sendProblem } from '../../http/problem';
import { problems } from '../../http/responses';

export const healthRoutes =
  (database: Database): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/healthz',
      {
        config: { auth: 'none' },
        schema: {
          operationId: 'getHealth',
          tags: ['operations'],
          summary: 'Liveness: the process is up, and which database it uses',
          security: [],
          response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
        },
      },
      async () => ({ status: 'ok' as const, database: database.kind }),
    );

    app.get(
      '/readyz',
      {
        config: { auth: 'none' },
        schema: {
          operationId: 'getReadiness',
          tags: ['operations'],
          summary: 'Readiness: the database answers',
          security: [],
          response: {
            200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }),
            ...problems(503),
          },
        },
      },
      async (request, reply) => {
        try {
          await sql`SELECT 1`.execute(database.db);
          return { status: 'ready' as const, database: database.kind };
        } catch (error) {
          request.log.error({ err: error }, 'database not ready');
          return sendProblem(request, reply, 503, 'internal', 'The database does not answer');
        }
      },
    );
  };
