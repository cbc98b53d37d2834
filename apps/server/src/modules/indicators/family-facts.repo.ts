import type {
  BirthFact,
  CourseParticipantFact,
  DevelopmentVisitFact,
  DueVisitFact,
  FirstPregnancyFact,
} from '@familiespor/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/scope';
import { type FamilyDimRow, familyDimColumns, familyDimsOf } from './indicator-dims.repo';
import type { FactQuery } from './indicator-facts.registry';

/**
 * Facts about families of one municipality, each a single set-based statement. Every row is
 * attributed to the family's municipality (family.org_id), wherever the record was made.
 */

const day = (expr: string) => sql.raw(`to_char(${expr}, 'YYYY-MM-DD')`);

/** First-time pregnancies due in the window, and whether the family is on a FIV course. */
export async function firstPregnancyFacts(tx: Tx, q: FactQuery): Promise<FirstPregnancyFact[]> {
  const r = await sql<FamilyDimRow & { due: string; enrolled: boolean }>`
    SELECT ${day('pr.due_date')} AS due, ${familyDimColumns()},
      EXISTS (SELECT 1 FROM enrollment e JOIN offer o ON o.id = e.offer_id
        WHERE e.family_id = f.id AND o.fiv AND e.status IN ('enrolled', 'completed')) AS enrolled
    FROM pregnancy pr JOIN family f ON f.id = pr.family_id
    WHERE f.org_id = ${q.orgId}::uuid AND pr.first_child AND pr.status <> 'ended'
      AND pr.due_date BETWEEN ${q.from}::date AND ${q.to}::date`.execute(tx);
  return r.rows.map((x) => ({ ...familyDimsOf(x), dueDate: x.due, enrolled: x.enrolled }));
}

/** One row per parent on a course whose first session lies in the window. */
export async function courseParticipantFacts(tx: Tx, q: FactQuery): Promise<CourseParticipantFact[]> {
  const r = await sql<
    FamilyDimRow & {
      offer_id: string;
      role: 'mother' | 'father' | 'co_parent';
      course_start: string;
      attended: number;
      status: 'enrolled' | 'completed' | 'dropped_out';
      course_ended: boolean;
    }
  >`
    WITH course AS (
      SELECT s.cohort_id,
        min((s.starts_at AT TIME ZONE 'Europe/Copenhagen')::date) AS first_day,
        max(s.ends_at) AS last_end
      FROM course_session s WHERE s.cohort_id IS NOT NULL AND s.status <> 'cancelled'
      GROUP BY s.cohort_id)
    SELECT e.offer_id, m.role, ${day('c.first_day')} AS course_start, e.status,
      c.last_end < ${q.asOf}::date AS course_ended,
      (SELECT count(*)::int FROM attendance a
        WHERE a.enrollment_id = e.id AND a.person_id = ep.person_id AND a.present) AS attended,
      ${familyDimColumns()}
    FROM enrollment e
    JOIN course c ON c.cohort_id = e.cohort_id
    JOIN enrollment_participant ep ON ep.enrollment_id = e.id
    JOIN family f ON f.id = e.family_id
    JOIN family_member m ON m.family_id = e.family_id AND m.person_id = ep.person_id
    WHERE e.family_org_id = ${q.orgId}::uuid
      AND e.status IN ('enrolled', 'completed', 'dropped_out')
      AND m.role IN ('mother', 'father', 'co_parent')
      AND c.first_day BETWEEN ${q.from}::date AND ${q.to}::date`.execute(tx);
  return r.rows.map((x) => ({
    ...familyDimsOf(x),
    offerId: x.offer_id,
    parentRole: x.role,
    courseStart: x.course_start,
    sessionsAttended: Number(x.attended),
    status: x.status,
    courseEnded: x.course_ended,
  }));
}

/** Programme visits whose window closed in the window and before today (rescheduled ones are replaced). */
export async function dueVisitFacts(tx: Tx, q: FactQuery): Promise<DueVisitFact[]> {
  const r = await sql<FamilyDimRow & { visit_key: string; ws: string; we: string; done_on: string | null }>`
    SELECT v.visit_key, ${day('v.window_start')} AS ws, ${day('v.window_end')} AS we,
      CASE WHEN v.status = 'done' THEN ${day('v.done_on')} END AS done_on, ${familyDimColumns()}
    FROM child_visit v JOIN family f ON f.id = v.family_id
    WHERE f.org_id = ${q.orgId}::uuid AND v.status NOT IN ('rescheduled', 'cancelled')
      AND v.window_end BETWEEN ${q.from}::date AND ${q.to}::date AND v.window_end < ${q.asOf}::date`.execute(
    tx,
  );
  return r.rows.map((x) => ({
    ...familyDimsOf(x),
    visitType: x.visit_key,
    windowStart: x.ws,
    windowEnd: x.we,
    doneOn: x.done_on,
  }));
}

/** Live births in the window and the child's first health-visiting visit after the birth. */
export async function birthFacts(tx: Tx, q: FactQuery): Promise<BirthFact[]> {
  const r = await sql<FamilyDimRow & { born: string; discharged: string | null; first_visit: string | null }>`
    SELECT ${day("(b.birth_time AT TIME ZONE 'Europe/Copenhagen')::date")} AS born,
      ${day("(b.discharge_time AT TIME ZONE 'Europe/Copenhagen')::date")} AS discharged,
      (SELECT ${day('min(v.done_on)')} FROM child_visit v
        WHERE v.child_person_id = b.child_person_id AND v.status = 'done' AND v.visit_key <> 'pregnancy'
          AND v.done_on >= (b.birth_time AT TIME ZONE 'Europe/Copenhagen')::date) AS first_visit,
      ${familyDimColumns()}
    FROM birth b JOIN family f ON f.id = b.family_id
    WHERE f.org_id = ${q.orgId}::uuid
      AND (b.birth_time AT TIME ZONE 'Europe/Copenhagen')::date BETWEEN ${q.from}::date AND ${q.to}::date`.execute(
    tx,
  );
  return r.rows.map((x) => ({
    ...familyDimsOf(x),
    birthDate: x.born,
    dischargeDate: x.discharged,
    firstVisitOn: x.first_visit,
  }));
}

/** The 8–10-month visits done in the window, with the development the health visitor recorded. */
export async function developmentVisitFacts(tx: Tx, q: FactQuery): Promise<DevelopmentVisitFact[]> {
  const r = await sql<FamilyDimRow & { done: string; concern: boolean }>`
    SELECT ${day('v.done_on')} AS done, v.development = 'concern' AS concern, ${familyDimColumns()}
    FROM child_visit v JOIN family f ON f.id = v.family_id
    WHERE f.org_id = ${q.orgId}::uuid AND v.visit_key = 'month8_10' AND v.status = 'done'
      AND v.development IS NOT NULL
      AND v.done_on BETWEEN ${q.from}::date AND ${q.to}::date`.execute(tx);
  return r.rows.map((x) => ({ ...familyDimsOf(x), visitOn: x.done, developmentConcern: x.concern }));
}
