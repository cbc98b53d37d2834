import { alertTaskKinds } from '@familiespor/domain';
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB, TaskState } from '../../db/schema';
import type { Tx } from '../../db/scope';

export type Holder = { userId: string; unitIds: readonly string[] };
export type WorklistGroup = 'today' | 'overdue' | 'upcoming' | 'all';

const alertKinds = [...alertTaskKinds] as string[];

/** Open tasks held by the user or one of their units: both partial indexes on `task` serve it. */
function heldBy(eb: ExpressionBuilder<DB, 'task'>, h: Holder) {
  return eb.and([
    eb('task.state', '=', 'ready'),
    eb.or([
      eb('task.assignee_user_id', '=', h.userId),
      ...(h.unitIds.length > 0 ? [eb('task.assignee_unit_id', 'in', h.unitIds)] : []),
    ]),
  ]);
}

// Bound as a parameter, not written into the SQL text: a literal ':g:' reads as a variable to
// tools that replay statements (pgbench), and the pattern stays in one place.
const unitCopySuffix = ':g:[^:]+$';

/**
 * A unit's copy of a follow-up she also holds personally (the coordinator in the district unit
 * gets the item-10 alert twice): her worklist shows the personal copy only.
 */
function notAlsoHeldPersonally(eb: ExpressionBuilder<DB, 'task'>, h: Holder) {
  return eb.or([
    eb('task.assignee_unit_id', 'is', null),
    sql<boolean>`task.key !~ ${unitCopySuffix}`,
    eb.not(
      eb.exists(
        eb
          .selectFrom('task as own')
          .select('own.id')
          .where('own.state', '=', 'ready')
          .where('own.assignee_user_id', '=', h.userId)
          .whereRef('own.family_id', '=', 'task.family_id')
          .where(sql<boolean>`starts_with(own.key, regexp_replace(task.key, ${unitCopySuffix}, ${':u:'}))`),
      ),
    ),
  ]);
}

/** The worklist's counts, per organisation whose family data the tasks are about. */
export async function worklistCounts(tx: Tx, h: Holder, today: string) {
  return tx
    .selectFrom('task')
    .where((eb) => heldBy(eb, h))
    .where((eb) => notAlsoHeldPersonally(eb, h))
    .select([
      'task.org_id',
      sql<string | null>`(array_agg(task.family_id) FILTER (WHERE task.family_id IS NOT NULL))[1]`.as(
        'sample_family_id',
      ),
      sql<number>`count(*) FILTER (WHERE task.kind = ANY(${alertKinds}::text[]))`.as('alerts'),
      sql<number>`count(*) FILTER (WHERE task.due < ${today}::date)`.as('overdue'),
      sql<number>`count(*) FILTER (WHERE task.due = ${today}::date)`.as('today'),
      sql<number>`count(*) FILTER (WHERE task.due > ${today}::date)`.as('upcoming'),
      sql<number>`count(*)`.as('total'),
    ])
    .groupBy('task.org_id')
    .execute();
}

/** Alerts first, then by due date; each with its assignee's name and the family's parents. */
export async function worklistTasks(
  tx: Tx,
  h: Holder,
  q: { today: string; group: WorklistGroup; orgIds: readonly string[]; limit: number },
) {
  if (q.orgIds.length === 0) return [];
  return tx
    .selectFrom('task')
    .leftJoin('staff_user as su', 'su.id', 'task.assignee_user_id')
    .leftJoin('unit as un', 'un.id', 'task.assignee_unit_id')
    .where((eb) => heldBy(eb, h))
    .where((eb) => notAlsoHeldPersonally(eb, h))
    .where('task.org_id', 'in', q.orgIds)
    .$if(q.group === 'today', (qb) => qb.where('task.due', '=', q.today))
    .$if(q.group === 'overdue', (qb) => qb.where('task.due', '<', q.today))
    .$if(q.group === 'upcoming', (qb) => qb.where('task.due', '>', q.today))
    .select([
      'task.id',
      'task.org_id',
      'task.family_id',
      'task.kind',
      'task.state',
      'task.reason',
      'task.window_start',
      'task.due',
      'task.window_end',
      'task.assignee_user_id',
      'task.assignee_unit_id',
      'task.created_at',
      'su.name as user_name',
      'un.name as unit_name',
      (eb) =>
        eb
          .selectFrom('family_member as m')
          .innerJoin('person as p', 'p.id', 'm.person_id')
          .whereRef('m.family_id', '=', 'task.family_id')
          .where('m.role', '!=', 'child')
          .select(
            sql<string[]>`array_agg(p.given_name || ' ' || p.family_name
              ORDER BY m.role = 'mother' DESC, p.given_name)`.as('n'),
          )
          .as('parent_names'),
      (eb) =>
        eb
          .selectFrom('family_member as m')
          .innerJoin('person as p', 'p.id', 'm.person_id')
          .whereRef('m.family_id', '=', 'task.family_id')
          .where('m.role', '!=', 'child')
          .where('p.cpr', 'is not', null)
          .select('p.cpr')
          .orderBy(sql`m.role = 'mother'`, 'desc')
          .limit(1)
          .as('parent_cpr'),
    ])
    .orderBy(sql`task.kind = ANY(${alertKinds}::text[])`, 'desc')
    .orderBy('task.due')
    .orderBy('task.created_at')
    .orderBy('task.id')
    .limit(q.limit)
    .execute();
}

export async function findTask(tx: Tx, taskId: string) {
  return tx
    .selectFrom('task')
    .select([
      'id',
      'org_id',
      'family_id',
      'kind',
      'state',
      'key',
      'assignee_user_id',
      'assignee_unit_id',
      'window_start',
      'due',
      'window_end',
    ])
    .where('id', '=', taskId)
    .executeTakeFirst();
}

export async function findOpenTaskByKey(tx: Tx, key: string) {
  return tx
    .selectFrom('task')
    .select(['id', 'org_id', 'state'])
    .where('key', '=', key)
    .where('state', '=', 'ready')
    .executeTakeFirst();
}

/**
 * Closes an open task and records the change in its history. The state condition makes a
 * second, concurrent close a no-op the caller can see (false), not a double history entry.
 */
export async function closeTask(
  tx: Tx,
  task: { id: string; org_id: string },
  change: { state: Exclude<TaskState, 'ready'>; at: Date; byUser: string | null; note: string | null },
): Promise<boolean> {
  const updated = await tx
    .updateTable('task')
    .set({ state: change.state, updated_at: change.at })
    .where('id', '=', task.id)
    .where('state', '=', 'ready')
    .returning('id')
    .executeTakeFirst();
  if (!updated) return false;
  await insertTaskEvent(tx, task, change.state, change);
  return true;
}

/** The other open copies of a follow-up (`followUp` is the key without `:u:…`/`:g:…`). */
export async function findOpenCopies(
  tx: Tx,
  task: { id: string; family_id: string | null },
  followUp: string,
) {
  if (!task.family_id) return [];
  return tx
    .selectFrom('task')
    .select(['id', 'org_id'])
    .where('family_id', '=', task.family_id)
    .where('state', '=', 'ready')
    .where('id', '!=', task.id)
    .where((eb) =>
      eb.or([
        sql<boolean>`starts_with(task.key, ${`${followUp}:u:`})`,
        sql<boolean>`starts_with(task.key, ${`${followUp}:g:`})`,
      ]),
    )
    .orderBy('id')
    .execute();
}

/**
 * The family's open tasks and those closed since `closedSince`, for the timeline: who holds each,
 * and who closed it (the last change of state in its history).
 */
export async function timelineTasks(tx: Tx, familyId: string, closedSince: string) {
  return tx
    .selectFrom('task')
    .leftJoin('staff_user as su', 'su.id', 'task.assignee_user_id')
    .leftJoin('unit as un', 'un.id', 'task.assignee_unit_id')
    .where('task.family_id', '=', familyId)
    .where((eb) =>
      eb.or([eb('task.state', '=', 'ready'), eb('task.updated_at', '>=', sql<Date>`${closedSince}::date`)]),
    )
    .select([
      'task.id',
      'task.org_id',
      'task.kind',
      'task.key',
      'task.state',
      'task.reason',
      'task.window_start',
      'task.due',
      'task.window_end',
      'task.updated_at',
      'task.assignee_user_id',
      'su.name as user_name',
      'un.name as unit_name',
      (eb) =>
        eb
          .selectFrom('task_event as e')
          .innerJoin('staff_user as by', 'by.id', 'e.by_user')
          .whereRef('e.task_id', '=', 'task.id')
          .where('e.state', '!=', 'ready')
          .select('by.name')
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('closed_by'),
    ])
    .orderBy('task.key')
    .execute();
}

export async function findStaffName(tx: Tx, userId: string): Promise<string | null> {
  const row = await tx.selectFrom('staff_user').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name ?? null;
}

/** Hands an open task to a user or a unit; the history notes who had it. */
export async function reassignTask(
  tx: Tx,
  task: { id: string; org_id: string },
  to: { userId: string | null; unitId: string | null },
  change: { at: Date; byUser: string | null; note: string },
) {
  await tx
    .updateTable('task')
    .set({ assignee_user_id: to.userId, assignee_unit_id: to.unitId, updated_at: change.at })
    .where('id', '=', task.id)
    .execute();
  await insertTaskEvent(tx, task, 'ready', change);
}

/** One change of a task, in its history. */
async function insertTaskEvent(
  tx: Tx,
  task: { id: string; org_id: string },
  state: 'ready' | 'completed' | 'cancelled' | 'failed',
  change: { at: Date; byUser: string | null; note: string | null },
) {
  await tx
    .insertInto('task_event')
    .values({
      task_id: task.id,
      org_id: task.org_id,
      state,
      at: change.at,
      by_user: change.byUser,
      note: change.note,
    })
    .execute();
}

/** Moves an open task's window (a rescheduled visit is still the same visit to make). */
export async function moveTaskWindow(
  tx: Tx,
  task: { id: string; org_id: string },
  window: { start: string; due: string; end: string },
  change: { at: Date; byUser: string | null; note: string },
) {
  await tx
    .updateTable('task')
    .set({ window_start: window.start, due: window.due, window_end: window.end, updated_at: change.at })
    .where('id', '=', task.id)
    .execute();
  await insertTaskEvent(tx, task, 'ready', change);
}

export async function findActiveStaffOfOrg(tx: Tx, orgId: string, userId: string) {
  return tx
    .selectFrom('staff_user')
    .select(['id', 'name'])
    .where('id', '=', userId)
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .executeTakeFirst();
}

export async function findActiveUnitOfOrg(tx: Tx, orgId: string, unitId: string) {
  return tx
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('id', '=', unitId)
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** Holding an open task for a family is a relationship to it (DESIGN §4). */
export async function holdsOpenTask(tx: Tx, h: Holder, familyId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('task')
    .select('id')
    .where('family_id', '=', familyId)
    .where((eb) => heldBy(eb, h))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Timeliness per visit type. A rescheduled visit is judged against the window of the visit it
 * replaced (the first in its chain): moving a visit must not make it count as on time; a visit
 * done before its window opened counts as done in time. Only
 * windows that ended in the period, before today, are counted — an open window is not late yet.
 */
export async function visitTimeliness(tx: Tx, orgId: string, from: string, to: string) {
  const result = await sql<{
    visit_key: string;
    name: string;
    total: number;
    done_in_window: number;
    done_late: number;
    cancelled: number;
  }>`
    WITH RECURSIVE chain AS (
      SELECT v.id, v.visit_key, v.name, v.window_start, v.window_end, v.status, v.done_on
      FROM child_visit v
      WHERE v.org_id = ${orgId} AND v.rescheduled_from IS NULL
        AND v.window_end BETWEEN ${from}::date AND ${to}::date
      UNION ALL
      SELECT n.id, c.visit_key, c.name, c.window_start, c.window_end, n.status, n.done_on
      FROM child_visit n JOIN chain c ON n.rescheduled_from = c.id
    ), last AS (
      SELECT * FROM chain WHERE status <> 'rescheduled'
    )
    SELECT visit_key, min(name) AS name,
      count(*) FILTER (WHERE status <> 'cancelled')::int AS total,
      count(*) FILTER (WHERE status = 'done' AND done_on <= window_end)::int AS done_in_window,
      count(*) FILTER (WHERE status = 'done' AND done_on > window_end)::int AS done_late,
      count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled
    FROM last
    GROUP BY visit_key
    ORDER BY visit_key
  `.execute(tx);
  return result.rows;
}
