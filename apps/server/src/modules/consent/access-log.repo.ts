import { accessLogSpanMinutes } from '@familiespor/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/scope';

export type AccessLogRow = {
  /** The newest event of the row (int8 as text): the row's id and the cursor. */
  id: string;
  first_at: Date;
  last_at: Date;
  count: number;
  action: string;
  entity_type: string;
  basis: 'own_org' | 'consent' | 'legal_basis' | 'break_the_glass' | 'self' | null;
  consent_id: string | null;
  org_id: string | null;
  org_name: string | null;
  data_org_id: string | null;
  data_org_name: string | null;
  actor_name: string;
  roles: string[];
  categories: string[];
  purposes: string[];
  break_glass_reason: string | null;
};

/**
 * Professionals' reads and changes of one family's data, as the rows of "Hvem har set mine
 * data", newest first, one page of rows at a time.
 *
 * Which events are shown: anything that touches a concern report is left out — its events,
 * events whose category or purpose names it, and every other event written by the same
 * request — because parents must not learn that one exists. Denied attempts read nothing and
 * are not shown.
 *
 * How they become rows: reads by the same professional (and organisation) of the same kind of
 * record, from the same organisation's data, on the same basis (and consent), on the same
 * Copenhagen day, are one row as long as each follows the one before within
 * `accessLogSpanMinutes` (gaps and islands, in event order). A change and every event on
 * emergency access stands alone. Grouping runs over the family's whole log before paging, so a
 * row is the same whichever page it falls on, and the cursor (the row's newest event id) pages
 * through rows, not events.
 */
export async function findFamilyAccessRows(
  tx: Tx,
  q: { familyId: string; beforeId: string | null; limit: number },
): Promise<AccessLogRow[]> {
  const result = await sql<AccessLogRow>`
    WITH shown AS (
      SELECT e.id, e.occurred_at, e.actor_id, e.org_id, e.action, e.entity_type, e.data_org_id,
        e.basis, e.consent_id, e.purpose, e.detail->>'category' AS category,
        (e.action <> 'read' OR e.basis = 'break_the_glass') AS alone,
        (e.occurred_at AT TIME ZONE 'Europe/Copenhagen')::date AS day
      FROM audit_event e
      WHERE e.family_id = ${q.familyId}
        AND e.actor_kind = 'staff'
        AND e.action <> 'denied'
        AND e.outcome = 'success'
        AND e.entity_type NOT LIKE 'concern%'
        AND coalesce(e.purpose, '') NOT LIKE '%concern%'
        AND coalesce(e.detail->>'category', '') <> 'concern'
        AND NOT EXISTS (SELECT 1 FROM audit_event c WHERE c.family_id = e.family_id
          AND c.request_id = e.request_id AND c.entity_type LIKE 'concern%')
    ),
    marked AS (
      SELECT s.*,
        CASE WHEN s.alone
          OR lag(s.occurred_at) OVER w IS NULL
          OR s.occurred_at - lag(s.occurred_at) OVER w > make_interval(mins => ${accessLogSpanMinutes}::int)
        THEN 1 ELSE 0 END AS starts
      FROM shown s
      WINDOW w AS (PARTITION BY s.actor_id, s.org_id, s.action, s.entity_type, s.data_org_id, s.basis,
        s.consent_id, s.alone, s.day ORDER BY s.id)
    ),
    numbered AS (
      SELECT m.*, sum(m.starts) OVER (PARTITION BY m.actor_id, m.org_id, m.action, m.entity_type,
        m.data_org_id, m.basis, m.consent_id, m.alone, m.day ORDER BY m.id ROWS UNBOUNDED PRECEDING) AS run
      FROM marked m
    ),
    grouped AS (
      SELECT max(n.id) AS id, min(n.occurred_at) AS first_at, max(n.occurred_at) AS last_at,
        count(*)::int AS count, n.actor_id, n.org_id, n.action, n.entity_type, n.data_org_id,
        n.basis, n.consent_id,
        coalesce(array_agg(DISTINCT n.category) FILTER (WHERE n.category IS NOT NULL), '{}') AS categories,
        coalesce(array_agg(DISTINCT n.purpose) FILTER (WHERE n.purpose IS NOT NULL), '{}') AS purposes
      FROM numbered n
      GROUP BY n.actor_id, n.org_id, n.action, n.entity_type, n.data_org_id, n.basis, n.consent_id,
        n.alone, n.day, n.run
    )
    SELECT g.id::text AS id, g.first_at, g.last_at, g.count, g.action, g.entity_type, g.basis,
      g.consent_id, g.org_id, ao.name AS org_name, g.data_org_id, dorg.name AS data_org_name,
      s.name AS actor_name, g.categories, g.purposes,
      ARRAY(SELECT r.role FROM staff_user_role r WHERE r.staff_user_id = s.id ORDER BY r.role) AS roles,
      CASE WHEN g.basis = 'break_the_glass' THEN (
        SELECT b.reason FROM break_glass_grant b
        WHERE b.staff_user_id = s.id AND b.family_id = ${q.familyId}
          AND b.granted_at <= g.last_at AND b.expires_at > g.last_at
        ORDER BY b.granted_at DESC LIMIT 1) END AS break_glass_reason
    FROM grouped g
    JOIN staff_user s ON s.id = g.actor_id
    LEFT JOIN organisation ao ON ao.id = g.org_id
    LEFT JOIN organisation dorg ON dorg.id = g.data_org_id
    WHERE (${q.beforeId}::bigint IS NULL OR g.id < ${q.beforeId}::bigint)
    ORDER BY g.id DESC
    LIMIT ${q.limit}
  `.execute(tx);
  return result.rows;
}
