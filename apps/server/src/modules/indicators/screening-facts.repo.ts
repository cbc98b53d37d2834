import type { EpdsEligibleFact, EpdsScreeningFact, ParentRole } from '@familiespor/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/scope';
import { type FamilyDimRow, familyDimColumns, familyDimsOf } from './indicator-dims.repo';
import type { FactQuery } from './indicator-facts.registry';

/**
 * EPDS facts of one municipality's families. Follow-ups are what the screening module records:
 * a completed follow-up task keyed `<kind>:<screening id>:…` (repeat or referral), or a later
 * EPDS of the same parent; an item-10 alert is handled when its `self_harm_alert` task is completed.
 */

/** The programme visit at which the parents are offered EPDS (about 8 weeks after the birth). */
export const epdsVisitKey = 'month2';

/** Parents (mother, father, co-parent) of children whose EPDS visit fell due in the window. */
export async function epdsEligibleFacts(tx: Tx, q: FactQuery): Promise<EpdsEligibleFact[]> {
  const r = await sql<FamilyDimRow & { due: string; role: ParentRole; screened: boolean }>`
    SELECT to_char(v.due, 'YYYY-MM-DD') AS due, m.role, ${familyDimColumns()},
      EXISTS (SELECT 1 FROM screening s WHERE s.instrument = 'epds' AND NOT s.in_pregnancy
        AND s.respondent_person_id = m.person_id
        AND s.observed_on >= v.window_start) AS screened
    FROM child_visit v JOIN family f ON f.id = v.family_id
    JOIN family_member m ON m.family_id = v.family_id AND m.role IN ('mother', 'father', 'co_parent')
    WHERE f.org_id = ${q.orgId}::uuid AND v.visit_key = ${epdsVisitKey}
      AND v.status NOT IN ('rescheduled', 'cancelled')
      AND v.due BETWEEN ${q.from}::date AND ${q.to}::date AND v.due <= ${q.asOf}::date`.execute(tx);
  return r.rows.map((x) => ({
    ...familyDimsOf(x),
    eligibleOn: x.due,
    parentRole: x.role,
    screened: x.screened,
  }));
}

/** EPDS screenings in the window and what followed them. */
export async function epdsScreeningFacts(tx: Tx, q: FactQuery): Promise<EpdsScreeningFact[]> {
  const r = await sql<
    FamilyDimRow & {
      observed: string;
      role: ParentRole;
      positive: boolean;
      item10: boolean;
      follow_up: string | null;
      handled: string | null;
    }
  >`
    SELECT to_char(s.observed_on, 'YYYY-MM-DD') AS observed, s.respondent_role AS role,
      s.band = 'at_or_above_cutoff' AS positive, 'self_harm' = ANY (s.flags) AS item10,
      to_char(LEAST(
        (SELECT min((t.updated_at AT TIME ZONE 'Europe/Copenhagen')::date) FROM task t
          WHERE t.family_id = s.family_id AND t.state = 'completed'
            AND t.kind IN ('epds_repeat', 'epds_referral')
            AND split_part(t.key, ':', 2) = s.id::text),
        (SELECT min(later.observed_on) FROM screening later
          WHERE later.instrument = 'epds' AND later.respondent_person_id = s.respondent_person_id
            AND later.observed_on > s.observed_on)), 'YYYY-MM-DD') AS follow_up,
      (SELECT to_char(min((t.updated_at AT TIME ZONE 'Europe/Copenhagen')::date), 'YYYY-MM-DD') FROM task t
        WHERE t.family_id = s.family_id AND t.state = 'completed' AND t.kind = 'self_harm_alert'
          AND split_part(t.key, ':', 2) = s.id::text) AS handled,
      ${familyDimColumns()}
    FROM screening s JOIN family f ON f.id = s.family_id
    WHERE f.org_id = ${q.orgId}::uuid AND s.instrument = 'epds' AND s.respondent_role IS NOT NULL
      AND s.observed_on BETWEEN ${q.from}::date AND ${q.to}::date`.execute(tx);
  return r.rows.map((x) => ({
    ...familyDimsOf(x),
    screenedOn: x.observed,
    parentRole: x.role,
    positive: x.positive,
    followUpOn: x.follow_up,
    item10Alert: x.item10,
    alertHandledOn: x.handled,
  }));
}
