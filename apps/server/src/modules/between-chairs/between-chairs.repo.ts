import { betweenChairsTaskKey, type OpenNeedKind } from '@familiespor/domain';
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../../db/scope';
import { openNeedSources } from './open-need.registry';

type Query = { orgId: string; today: string; now: Date };
const keyPrefix = betweenChairsTaskKey('');

/**
 * The organisation's families between chairs, as a WITH clause `listed(family_id, needs, since,
 * coordinator_missing)`: every source's rows, kept for families of the organisation that have no
 * active coordinator (or for needs that count even with one), one row per family.
 */
function listed(tx: Tx, q: Query): RawBuilder<unknown> {
  const parts = openNeedSources().map(
    (s) =>
      sql`SELECT n.family_id, n.since::date AS since, ${s.kind}::text AS kind,
        ${Boolean(s.evenWithCoordinator)}::boolean AS even FROM (${s.rows(tx, q)}) AS n`,
  );
  const needs =
    parts.length > 0
      ? sql.join(parts, sql` UNION ALL `)
      : sql`SELECT NULL::uuid, NULL::date, NULL::text, false WHERE false`;
  return sql`open_need (family_id, since, kind, even) AS (${needs}),
    listed AS (
      SELECT n.family_id,
        json_agg(json_build_object('kind', n.kind, 'since', n.since) ORDER BY n.since, n.kind) AS needs,
        min(n.since) AS since,
        bool_and(c.id IS NULL) AS coordinator_missing
      FROM open_need n
      JOIN family f ON f.id = n.family_id
      LEFT JOIN coordinator_assignment c ON c.family_id = n.family_id AND c.ended_at IS NULL
      WHERE f.org_id = ${q.orgId}::uuid AND (n.even OR c.id IS NULL)
      GROUP BY n.family_id
    )`;
}

export type BetweenChairsRow = {
  family_id: string;
  needs: { kind: OpenNeedKind; since: string }[];
  since: string;
  coordinator_missing: boolean;
  task_id: string | null;
  task_state: 'ready' | 'completed' | 'cancelled' | 'failed' | null;
  task_due: string | null;
  task_assignee: string | null;
};

/** One page, longest between chairs first, with the family's between-chairs task. */
export async function betweenChairsPage(tx: Tx, q: Query, page: { limit: number; offset: number }) {
  const total = await sql<{ n: number }>`WITH ${listed(tx, q)} SELECT count(*)::int AS n FROM listed`.execute(
    tx,
  );
  const rows = await sql<BetweenChairsRow>`WITH ${listed(tx, q)}
    SELECT l.family_id, l.needs, to_char(l.since, 'YYYY-MM-DD') AS since, l.coordinator_missing,
      t.id AS task_id, t.state AS task_state, to_char(t.due, 'YYYY-MM-DD') AS task_due,
      coalesce(su.name, un.name) AS task_assignee
    FROM listed l
    LEFT JOIN task t ON t.key = ${keyPrefix} || l.family_id::text
    LEFT JOIN staff_user su ON su.id = t.assignee_user_id
    LEFT JOIN unit un ON un.id = t.assignee_unit_id
    ORDER BY l.since, l.family_id
    LIMIT ${page.limit} OFFSET ${page.offset}`.execute(tx);
  return { total: Number(total.rows[0]?.n ?? 0), rows: rows.rows };
}

/**
 * Makes sure every family on the list has its task for the organisation, in one statement:
 * INSERT … ON CONFLICT (key) DO NOTHING, with the task's first event, as the task rules do.
 * Returns how many tasks were new.
 */
export async function ensureBetweenChairsTasks(
  tx: Tx,
  q: Query,
  task: { assigneeUserId: string; window: { start: string; due: string; end: string }; reason: string },
): Promise<number> {
  const result = await sql<{ n: number }>`WITH ${listed(tx, q)},
    created AS (
      INSERT INTO task (org_id, family_id, assignee_user_id, kind, key, window_start, due, window_end,
        reason, rule, created_at, updated_at)
      SELECT ${q.orgId}::uuid, l.family_id, ${task.assigneeUserId}::uuid,
        CASE WHEN l.coordinator_missing THEN 'assign_coordinator' ELSE 'between_chairs' END,
        ${keyPrefix} || l.family_id::text, ${task.window.start}::date, ${task.window.due}::date,
        ${task.window.end}::date, ${task.reason}::text, 'between_chairs', ${q.now}::timestamptz,
        ${q.now}::timestamptz
      FROM listed l
      ON CONFLICT (key) DO NOTHING
      RETURNING id, org_id, reason
    ),
    events AS (
      INSERT INTO task_event (task_id, org_id, state, at, note)
      SELECT id, org_id, 'ready', ${q.now}::timestamptz, reason FROM created
      RETURNING task_id
    )
    SELECT count(*)::int AS n FROM events`.execute(tx);
  return Number(result.rows[0]?.n ?? 0);
}
