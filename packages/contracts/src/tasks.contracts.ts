import { z } from 'zod';
import { uuid } from './common.contracts';
import { date } from './families.contracts';

/** Tasks and the health visitor's worklist "I dag" (step 5). */

export const taskStates = ['ready', 'completed', 'cancelled', 'failed'] as const;
/** Which part of the worklist: due today, overdue, due later, or all of it. */
export const worklistGroups = ['today', 'overdue', 'upcoming', 'all'] as const;

export const listMyTasksQuery = z.strictObject({
  due: z.enum(worklistGroups).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListMyTasksQuery = z.infer<typeof listMyTasksQuery>;

const ref = z.object({ id: uuid, name: z.string() });

export const task = z
  .object({
    id: uuid,
    kind: z.string(),
    /** An alert (EPDS item 10) is shown above everything else. */
    alert: z.boolean(),
    state: z.enum(taskStates),
    reason: z.string(),
    window: z.object({ start: date, due: date, end: date }),
    assignee: z.union([z.object({ user: ref }), z.object({ unit: ref })]),
    /**
     * The family the task is about, as lists name it: the parents' names (mother first, for the
     * reader's language to join: "og", "and", "و") and a masked CPR.
     */
    family: z.object({ id: uuid, names: z.array(z.string()), cprMasked: z.string().nullable() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Task' });
export type Task = z.infer<typeof task>;

export const worklist = z
  .object({
    /** Counts over every open task of the user and their units, whatever the filter. */
    counts: z.object({
      alerts: z.number().int(),
      overdue: z.number().int(),
      today: z.number().int(),
      upcoming: z.number().int(),
      total: z.number().int(),
    }),
    items: z.array(task),
  })
  .meta({ id: 'Worklist' });
export type Worklist = z.infer<typeof worklist>;

export const completeTaskBody = z
  .strictObject({
    outcome: z.enum(['completed', 'cancelled']),
    reason: z.string().trim().min(3).max(2000).optional(),
  })
  .refine((b) => b.outcome !== 'cancelled' || Boolean(b.reason), {
    message: 'A cancelled task needs a reason',
    path: ['reason'],
  });
export type CompleteTaskBody = z.infer<typeof completeTaskBody>;

export const assignTaskBody = z.union([
  z.strictObject({ userId: uuid, note: z.string().trim().max(2000).optional() }),
  z.strictObject({ unitId: uuid, note: z.string().trim().max(2000).optional() }),
]);
export type AssignTaskBody = z.infer<typeof assignTaskBody>;

export const visitTimelinessQuery = z
  .strictObject({ from: date.optional(), to: date.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
export type VisitTimelinessQuery = z.infer<typeof visitTimelinessQuery>;

export const visitTimeliness = z
  .object({
    orgId: uuid,
    /** Visits whose (first) window ended in this period, and before today. */
    period: z.object({ from: date, to: date }),
    visitTypes: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        /** Visits that should have been done: windows ended in the period, not cancelled. */
        due: z.number().int(),
        doneInWindow: z.number().int(),
        doneLate: z.number().int(),
        notDone: z.number().int(),
        cancelled: z.number().int(),
        /** doneInWindow / due; null when nothing was due. */
        shareInWindow: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'VisitTimeliness' });
export type VisitTimeliness = z.infer<typeof visitTimeliness>;
