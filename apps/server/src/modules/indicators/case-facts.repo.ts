import type {
  AnonymousContactFact,
  CounsellingCaseFact,
  CounsellingOutcome,
  OpenNeedSnapshotFact,
  ReferralFact,
} from '@familiespor/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/scope';
import { openNeedSources } from '../between-chairs/open-need.registry';
import { type FamilyDimRow, familyDimColumns, familyDimsOf, noDistrict } from './indicator-dims.repo';
import type { FactQuery } from './indicator-facts.registry';

/**
 * Referrals are attributed to the receiving organisation: acknowledging within the deadline is
 * its duty, so its programme lead answers for the figure. Counselling to the case's organisation,
 * anonymous contacts to the NGO that logged them.
 */
export async function referralFacts(tx: Tx, q: FactQuery): Promise<ReferralFact[]> {
  const r = await sql<{
    district: string;
    offer_id: string | null;
    sent: string;
    deadline: string;
    acknowledged: string | null;
    accepted: string | null;
  }>`
    WITH r AS (
      SELECT r.*, (r.created_at AT TIME ZONE 'Europe/Copenhagen')::date AS sent_on,
        (SELECT min((e.at AT TIME ZONE 'Europe/Copenhagen')::date) FROM referral_event e
          WHERE e.referral_id = r.id AND e.status = 'accepted') AS accepted_on
      FROM referral r WHERE r.to_org_id = ${q.orgId}::uuid)
    SELECT coalesce((SELECT u.name FROM family f JOIN unit u ON u.id = f.district_unit_id
        WHERE f.id = r.family_id), ${noDistrict}) AS district,
      r.to_offer_id AS offer_id, to_char(r.sent_on, 'YYYY-MM-DD') AS sent,
      to_char(r.ack_due_on, 'YYYY-MM-DD') AS deadline,
      to_char((r.received_at AT TIME ZONE 'Europe/Copenhagen')::date, 'YYYY-MM-DD') AS acknowledged,
      to_char(r.accepted_on, 'YYYY-MM-DD') AS accepted
    FROM r
    WHERE r.sent_on BETWEEN ${q.from}::date AND ${q.to}::date
      OR r.accepted_on BETWEEN ${q.from}::date AND ${q.to}::date`.execute(tx);
  return r.rows.map((x) => ({
    district: x.district,
    offerId: x.offer_id,
    sentOn: x.sent,
    deadline: x.deadline,
    acknowledgedOn: x.acknowledged,
    acceptedOn: x.accepted,
    asOf: q.asOf,
  }));
}

/** The organisation's counselling cases open at some time in the window, with each goal's first and last score. */
export async function counsellingCaseFacts(tx: Tx, q: FactQuery): Promise<CounsellingCaseFact[]> {
  const r = await sql<{
    district: string;
    opened: string;
    closed: string | null;
    outcome: CounsellingOutcome | null;
    goals: { first: number; last: number }[] | null;
  }>`
    SELECT coalesce(u.name, ${noDistrict}) AS district, to_char(c.opened_on, 'YYYY-MM-DD') AS opened,
      to_char(c.closed_on, 'YYYY-MM-DD') AS closed, c.outcome,
      (SELECT json_agg(json_build_object('first', g.first, 'last', g.last)) FROM (
        SELECT (array_agg(s.score ORDER BY s.scored_on, s.scored_at))[1] AS first,
          (array_agg(s.score ORDER BY s.scored_on DESC, s.scored_at DESC))[1] AS last
        FROM counselling_goal_score s WHERE s.case_id = c.id
        GROUP BY s.goal_id HAVING count(*) >= 2) g) AS goals
    FROM counselling_case c LEFT JOIN unit u ON u.id = c.unit_id
    WHERE c.org_id = ${q.orgId}::uuid AND c.opened_on <= ${q.to}::date
      AND (c.closed_on IS NULL OR c.closed_on >= ${q.from}::date)`.execute(tx);
  return r.rows.map((x) => ({
    district: x.district,
    openedOn: x.opened,
    closedOn: x.closed,
    outcome: x.outcome,
    goals: (x.goals ?? []).map((g) => ({ first: Number(g.first), last: Number(g.last) })),
    asOf: q.asOf,
  }));
}

export async function anonymousContactFacts(tx: Tx, q: FactQuery): Promise<AnonymousContactFact[]> {
  const rows = await tx
    .selectFrom('anonymous_contact')
    .select([sql<string>`to_char(contact_date, 'YYYY-MM-DD')`.as('day'), 'topics'])
    .where('org_id', '=', q.orgId)
    .where('contact_date', '>=', q.from)
    .where('contact_date', '<=', q.to)
    .execute();
  return rows.map((x) => ({ contactOn: x.day, topics: x.topics }));
}

/**
 * The municipality's families with an open need today, from the same registry of open-need
 * sources as "Mellem to stole", measured on `asOf`: whether each has an active coordinator and
 * whether one of its referrals is overdue. Only the month of `asOf` can be measured.
 */
export async function openNeedSnapshotFacts(
  tx: Tx,
  q: FactQuery,
  now: Date,
): Promise<OpenNeedSnapshotFact[]> {
  if (q.asOf < q.from || q.asOf > q.to) return [];
  const parts = openNeedSources().map(
    (s) =>
      sql`SELECT n.family_id, ${s.kind === 'referral_overdue'}::boolean AS overdue
        FROM (${s.rows(tx, { orgId: q.orgId, today: q.asOf, now })}) AS n`,
  );
  if (parts.length === 0) return [];
  const r = await sql<FamilyDimRow & { has_coordinator: boolean; overdue: boolean }>`
    WITH need AS (${sql.join(parts, sql` UNION ALL `)}),
    fam AS (SELECT family_id, bool_or(overdue) AS overdue FROM need WHERE family_id IS NOT NULL GROUP BY family_id)
    SELECT n.overdue,
      EXISTS (SELECT 1 FROM coordinator_assignment c WHERE c.family_id = f.id AND c.ended_at IS NULL) AS has_coordinator,
      ${familyDimColumns()}
    FROM fam n JOIN family f ON f.id = n.family_id
    WHERE f.org_id = ${q.orgId}::uuid`.execute(tx);
  return r.rows.map((x) => ({
    ...familyDimsOf(x),
    measuredOn: q.asOf,
    hasCoordinator: x.has_coordinator,
    referralOverdue: x.overdue,
  }));
}
