import {
  assignTaskBody,
  completeTaskBody,
  listMyTasksQuery,
  uuid,
  visitTimeliness,
  visitTimelinessQuery,
  worklist,
} from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { assignTask, completeTask, getVisitTimeliness, listMyTasks } from './tasks.service';

const taskParams = z.strictObject({ taskId: uuid });
const write = { security: [{ session: [], csrf: [] }] };

export const tasksRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const staff = { auth: 'staff' as const };

    app.get(
      '/api/tasks/mine',
      {
        config: staff,
        schema: {
          operationId: 'listMyTasks',
          tags: ['tasks'],
          summary: '"I dag": open tasks of the user and their units, alerts first, then by due date',
          description:
            'due=today|overdue|upcoming|all filters the items; the counts always cover every open task ' +
            'the user holds. Each task names its family by the parents’ names and a masked CPR.',
          querystring: listMyTasksQuery,
          response: { 200: worklist, ...readProblems },
        },
      },
      async (req) => listMyTasks(deps, req.ctx, req.query),
    );
    app.post(
      '/api/tasks/:taskId/complete',
      {
        config: staff,
        schema: {
          operationId: 'completeTask',
          tags: ['tasks'],
          summary: 'Complete a task, or cancel it with a reason',
          description:
            'Only the assignee, a member of the assignee unit or the programme lead (403, audited, for ' +
            'anyone else). A closed task gives 409.',
          ...write,
          params: taskParams,
          body: completeTaskBody,
          response: {
            200: z.object({ id: uuid, state: z.enum(['completed', 'cancelled']) }),
            ...writeProblems,
          },
        },
      },
      async (req) => completeTask(deps, req.ctx, req.params.taskId, req.body),
    );
    app.post(
      '/api/tasks/:taskId/assign',
      {
        config: staff,
        schema: {
          operationId: 'assignTask',
          tags: ['tasks'],
          summary: 'Hand an open task to a user or a unit of the organisation that owns it',
          ...write,
          params: taskParams,
          body: assignTaskBody,
          response: {
            200: z.object({
              id: uuid,
              assignee: z.union([z.object({ userId: uuid }), z.object({ unitId: uuid })]),
            }),
            ...writeProblems,
          },
        },
      },
      async (req) => assignTask(deps, req.ctx, req.params.taskId, req.body),
    );
    app.get(
      '/api/visit-timeliness',
      {
        config: staff,
        schema: {
          operationId: 'getVisitTimeliness',
          tags: ['visits'],
          summary: 'Programme lead: per visit type, the share of visits done inside their window',
          description:
            'Visits whose window ended in the period (default: the twelve months up to yesterday). A ' +
            'rescheduled visit is judged by its first window; cancelled visits are counted apart.',
          querystring: visitTimelinessQuery,
          response: { 200: visitTimeliness, ...readProblems },
        },
      },
      async (req) => getVisitTimeliness(deps, req.ctx, req.query),
    );
  };
