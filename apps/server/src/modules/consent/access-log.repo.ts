import { sql } from 'kysely';
import type { Tx } from '../../db/scope';

/**
 * Professionals' reads and changes of one family's data, newest first, one page at a time.
 * Anything that touches a concern report is left out — its events, events whose category or
 * purpose names it, and every other event written by the same request — because parents must
 * not learn that one exists. Denied attempts read nothing and are not shown.
 */
export async function findFamilyAccessEvents(
  tx: Tx,
  q: { familyId: string; beforeId: number | null; limit: number },
) {
  let query = tx
    .selectFrom('audit_event as e')
    .innerJoin('staff_user as s', (j) => j.on(sql`s.id`, '=', sql`e.actor_id`))
    .leftJoin('organisation as ao', 'ao.id', 'e.org_id')
    .leftJoin('organisation as dorg', 'dorg.id', 'e.data_org_id')
    .select([
      'e.id',
      'e.occurred_at',
      'e.action',
      'e.entity_type',
      'e.purpose',
      'e.basis',
      'e.consent_id',
      'e.org_id',
      'ao.name as org_name',
      'e.data_org_id',
      'dorg.name as data_org_name',
      's.name as actor_name',
      sql<string | null>`e.detail->>'category'`.as('category'),
      sql<
        string[]
      >`ARRAY(SELECT r.role FROM staff_user_role r WHERE r.staff_user_id = s.id ORDER BY r.role)`.as('roles'),
      sql<string | null>`CASE WHEN e.basis = 'break_the_glass' THEN (
        SELECT g.reason FROM break_glass_grant g
        WHERE g.staff_user_id = s.id AND g.family_id = e.family_id
          AND g.granted_at <= e.occurred_at AND g.expires_at > e.occurred_at
        ORDER BY g.granted_at DESC LIMIT 1) END`.as('break_glass_reason'),
    ])
    .where('e.family_id', '=', q.familyId)
    .where('e.actor_kind', '=', 'staff')
    .where('e.action', '<>', 'denied')
    .where('e.outcome', '=', 'success')
    .where('e.entity_type', 'not like', 'concern%')
    .where(sql<boolean>`coalesce(e.purpose, '') NOT LIKE '%concern%'`)
    .where(sql<boolean>`coalesce(e.detail->>'category', '') <> 'concern'`)
    .where(
      sql<boolean>`NOT EXISTS (SELECT 1 FROM audit_event c WHERE c.family_id = e.family_id
        AND c.request_id = e.request_id AND c.entity_type LIKE 'concern%')`,
    );
  if (q.beforeId !== null) query = query.where('e.id', '<', q.beforeId);
  return query.orderBy('e.id', 'desc').limit(q.limit).execute();
}
