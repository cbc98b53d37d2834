import type { TaskDraft } from '@familiespor/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/scope';

/**
 * The nightly run reads families a batch at a time, each query covering the whole batch
 * (`= ANY($ids)`): a handful of statements per thousand families, never one per family.
 */

/** The next batch of family ids after `after`, in id order (keyset: no OFFSET over 100,000s of rows). */
export async function nextFamilyIds(
  tx: Tx,
  after: string | null,
  limit: number,
  orgId: string | null,
): Promise<string[]> {
  const rows = await tx
    .selectFrom('family')
    .select('id')
    .$if(after !== null, (q) => q.where('id', '>', after as string))
    .$if(orgId !== null, (q) => q.where('org_id', '=', orgId as string))
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Each family with its district, active coordinator and the start of its earliest open involvement. */
export async function familyFacts(tx: Tx, ids: readonly string[]) {
  const result = await sql<{
    id: string;
    org_id: string;
    district_unit_id: string | null;
    coordinator_user_id: string | null;
    open_since: string | null;
  }>`
    SELECT f.id, f.org_id, f.district_unit_id, ca.staff_user_id AS coordinator_user_id,
      to_char(i.since AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS open_since
    FROM family f
    LEFT JOIN coordinator_assignment ca ON ca.family_id = f.id AND ca.ended_at IS NULL
    LEFT JOIN (
      SELECT family_id, min(started_at) AS since FROM involvement
      WHERE ended_at IS NULL AND family_id = ANY(${ids}::uuid[])
      GROUP BY family_id
    ) i ON i.family_id = f.id
    WHERE f.id = ANY(${ids}::uuid[])
  `.execute(tx);
  return result.rows;
}

/** Planned visits whose window lies within the visit rule's horizon (the rule still decides). */
export async function plannedVisits(tx: Tx, ids: readonly string[], startsBy: string, endsFrom: string) {
  return tx
    .selectFrom('child_visit')
    .select([
      'family_id',
      'child_person_id',
      'visit_key',
      'name',
      'kind',
      'window_start',
      'due',
      'window_end',
    ])
    .where(sql<boolean>`family_id = ANY(${ids}::uuid[])`)
    .where('status', '=', 'planned')
    .where('window_start', '<=', startsBy)
    .where('window_end', '>=', endsFrom)
    .execute();
}

/** Consents still in force that have an end date: the only ones that can expire. */
export async function endingConsents(tx: Tx, ids: readonly string[], now: Date) {
  const result = await sql<{ id: string; family_id: string; valid_to: string }>`
    SELECT id, family_id, to_char(valid_to AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS valid_to
    FROM consent
    WHERE family_id = ANY(${ids}::uuid[]) AND withdrawn_at IS NULL
      AND valid_to IS NOT NULL AND valid_to >= ${now}
  `.execute(tx);
  return result.rows;
}

/** Referrals still waiting for acknowledgement whose deadline day has passed (the rule decides again). */
export async function unacknowledgedReferrals(tx: Tx, ids: readonly string[], today: string) {
  return tx
    .selectFrom('referral')
    .select(['id', 'family_id', 'org_id', 'sender_user_id', 'to_org_id', 'to_unit_id', 'ack_due_on'])
    .where(sql<boolean>`family_id = ANY(${ids}::uuid[])`)
    .where('status', '=', 'requested')
    .where('ack_due_on', '<', today)
    .execute();
}

/**
 * Inserts the drafts whose key is new, with the first entry of each new task's history. The
 * unique index on `task.key` makes the run idempotent, also when two runs overlap.
 */
export async function insertDrafts(
  tx: Tx,
  drafts: readonly (TaskDraft & { orgId: string })[],
  at: Date,
): Promise<string[]> {
  if (drafts.length === 0) return [];
  const inserted = await tx
    .insertInto('task')
    .values(
      drafts.map((d) => ({
        org_id: d.orgId,
        family_id: d.familyId,
        assignee_user_id: 'userId' in d.assignee ? d.assignee.userId : null,
        assignee_unit_id: 'unitId' in d.assignee ? d.assignee.unitId : null,
        kind: d.kind,
        key: d.key,
        window_start: d.window.start,
        due: d.window.due,
        window_end: d.window.end,
        reason: d.reason,
        rule: d.rule,
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.column('key').doNothing())
    .returning(['id', 'org_id', 'reason'])
    .execute();
  if (inserted.length > 0) {
    await tx
      .insertInto('task_event')
      .values(inserted.map((t) => ({ task_id: t.id, org_id: t.org_id, state: 'ready', at, note: t.reason })))
      .execute();
  }
  return inserted.map((t) => t.id);
}
