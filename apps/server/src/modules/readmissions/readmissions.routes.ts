import { importReadmissionsBody, readmissionsImportResult } from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { importReadmissions } from './readmissions.service';

const write = { security: [{ session: [], csrf: [] }] };

export const readmissionsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/readmissions/import',
      {
        config: { auth: 'staff' as const },
        schema: {
          operationId: 'importReadmissions',
          tags: ['outcomes'],
          summary: 'Import the region’s file of infant admissions (CSV; see docs/readmissions.md)',
          description:
            'The region’s midwives and programme lead, or a municipality’s programme lead (own children only). ' +
            'Good lines are saved, bad ones reported with their line numbers (bad CPR, bad date, unknown child, ' +
            'discharge before admission); a file with no good line gives 400 and nothing is written. ' +
            'Re-importing the same file adds nothing. Big files may be sent in parts with `firstLine`.',
          ...write,
          body: importReadmissionsBody,
          response: { 200: readmissionsImportResult, ...writeProblems },
        },
      },
      async (req) => importReadmissions(deps, req.ctx, req.body),
    );
  };
