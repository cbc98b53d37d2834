/**
 * Visit plans and EPDS screenings for the `tasks` data set. The plans and the follow-ups come
 * from the domain's own functions (planVisits, scoreEpds, epdsFollowUps, screeningFollowUp), so
 * they cannot drift from what the app makes at a birth or a screening; the rows go in as one
 * `INSERT … SELECT FROM json_to_recordset($1)` per transaction instead of the app's per-child
 * path (a use case, an audit event and a round trip per birth), which would take hours here.
 */
import {
  addDays,
  copenhagenDate,
  daysBetween,
  defaultVisitProgramme,
  epdsFollowUps,
  planVisits,
  scoreEpds,
  screeningFollowUp,
} from '@familiespor/domain';
import { sql } from 'kysely';
import type { Tx } from '../../apps/server/src/db/scope';
import { mulberry32 } from '../../apps/server/src/seed/seeded-random';

const rng = mulberry32;

type BirthRow = {
  family_id: string;
  org_id: string;
  child_person_id: string;
  birth_time: Date;
  discharge_time: Date | null;
  due_date: string | null;
  care_level: number | null;
  first_child: boolean | null;
};

/**
 * Plans the visits of every child born in this transaction (the rows generateFamilies just
 * inserted: their xmin is this transaction), with statuses as a year of practice leaves them:
 * past windows 85 % done, 10 % missed and 5 % never recorded (overdue); an open window done in
 * half the families. Answers the number of children planned.
 */
export async function planChildVisits(tx: Tx, now: Date): Promise<number> {
  const today = copenhagenDate(now);
  const births = await sql<BirthRow>`
    SELECT b.family_id, b.family_org_id AS org_id, b.child_person_id, b.birth_time, b.discharge_time,
      to_char(p.due_date, 'YYYY-MM-DD') AS due_date, p.care_level, p.first_child
    FROM birth b LEFT JOIN pregnancy p ON p.id = b.pregnancy_id
    WHERE b.xmin = pg_current_xact_id()::xid`.execute(tx);
  if (births.rows.length === 0) return 0;
  const random = rng(births.rows.length * 7919 + Number(today.replaceAll('-', '')));
  const rows: Record<string, unknown>[] = [];
  for (const b of births.rows) {
    const birthDate = copenhagenDate(b.birth_time);
    const plan = planVisits(defaultVisitProgramme, {
      birthDate,
      dueDate: b.due_date,
      firstTimeParents: b.first_child ?? false,
      careLevel: b.care_level,
      earlyDischarge:
        b.discharge_time !== null && b.discharge_time.getTime() - b.birth_time.getTime() < 72 * 3_600_000,
    });
    for (const v of plan) {
      const past = v.end < today;
      const x = random();
      const done = v.start <= today && (past ? x < 0.85 : x < 0.5);
      const missed = past && !done && x < 0.95;
      const last = past ? v.end : today;
      const doneOn = done ? addDays(v.start, Math.floor(random() * (1 + daysBetween(v.start, last)))) : null;
      rows.push({
        org_id: b.org_id,
        family_id: b.family_id,
        child_person_id: b.child_person_id,
        visit_key: v.key,
        name: v.name,
        kind: v.kind,
        window_start: v.start,
        due: v.due,
        window_end: v.end,
        status: done ? 'done' : missed ? 'missed' : 'planned',
        status_reason: missed ? 'Familien var ikke hjemme' : null,
        done_on: doneOn,
        place: done ? (random() < 0.85 ? 'home' : 'clinic') : null,
        created_at: `${birthDate}T12:00:00Z`,
      });
    }
  }
  await sql`
    INSERT INTO child_visit (org_id, family_id, child_person_id, visit_key, name, kind, window_start, due,
      window_end, status, status_reason, done_on, place, created_at)
    SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(org_id uuid, family_id uuid,
      child_person_id uuid, visit_key text, name text, kind text, window_start date, due date, window_end date,
      status text, status_reason text, done_on date, place text, created_at timestamptz)`.execute(tx);
  return births.rows.length;
}

type VisitRow = {
  id: string;
  org_id: string;
  family_id: string;
  child_person_id: string;
  done_on: string;
  mother_id: string;
  district_unit_id: string | null;
  coordinator_id: string | null;
};

/**
 * The mother's EPDS at every 2-month visit done in the last 90 days, about one in ten at or
 * above the cut-off and one in two hundred with item 10 above 0, and the tasks the screening
 * rule gives for them at the time of the screening (as recordScreening writes them); visits
 * screened by an earlier call are left alone. Answers the number of screenings added.
 */
export async function insertEpdsScreenings(tx: Tx, now: Date): Promise<number> {
  const today = copenhagenDate(now);
  const visits = await sql<VisitRow>`
    SELECT v.id, v.org_id, v.family_id, v.child_person_id, to_char(v.done_on, 'YYYY-MM-DD') AS done_on,
      m.person_id AS mother_id, f.district_unit_id, ca.staff_user_id AS coordinator_id
    FROM child_visit v
    JOIN family f ON f.id = v.family_id
    JOIN family_member m ON m.family_id = v.family_id AND m.role = 'mother'
    LEFT JOIN coordinator_assignment ca ON ca.family_id = v.family_id AND ca.ended_at IS NULL
    WHERE v.visit_key = 'month2' AND v.status = 'done' AND v.done_on >= ${addDays(today, -90)}::date
      AND NOT EXISTS (SELECT 1 FROM screening s WHERE s.visit_id = v.id)
    ORDER BY v.id`.execute(tx);
  const random = rng(20_261_202);
  const screenings: Record<string, unknown>[] = [];
  const tasks: Record<string, unknown>[] = [];
  for (const v of visits.rows) {
    const x = random();
    // Screenings are recorded by staff: a family nobody coordinates was screened by nobody here.
    if (!v.coordinator_id) continue;
    // Typical answers score 0; a positive screening scores 2 on items 3–9, an alert adds item 10.
    const answers =
      x < 0.005
        ? [1, 1, 2, 1, 2, 2, 2, 2, 2, 2]
        : x < 0.1
          ? [1, 1, 1, 1, 1, 1, 1, 1, 1, 3]
          : [0, 0, 3, 0, 3, 3, 3, 3, 3, 3];
    const result = scoreEpds(answers, 'mother');
    const id = crypto.randomUUID();
    const at = `${v.done_on}T11:00:00Z`;
    screenings.push({
      id,
      org_id: v.org_id,
      family_id: v.family_id,
      child_person_id: v.child_person_id,
      respondent_person_id: v.mother_id,
      respondent_role: 'mother',
      instrument: 'epds',
      answers: `{${answers.join(',')}}`,
      total: result.total,
      cutoff: result.cutoff,
      band: result.band,
      flags: `{${result.flags.join(',')}}`,
      observed_on: v.done_on,
      in_pregnancy: false,
      visit_id: v.id,
      entered_by_kind: 'staff',
      recorded_by: v.coordinator_id,
      created_at: at,
    });
    const drafts = screeningFollowUp(
      {
        familyId: v.family_id,
        orgId: v.org_id,
        districtUnitId: v.district_unit_id,
        coordinatorUserId: v.coordinator_id,
        openInvolvementSince: null,
        children: [],
        screenings: [
          {
            id,
            takenOn: v.done_on,
            respondentId: v.mother_id,
            followUps: epdsFollowUps(result, v.done_on, false),
            superseded: false,
          },
        ],
        consents: [],
      },
      today,
    );
    for (const d of drafts) {
      tasks.push({
        id: crypto.randomUUID(),
        org_id: v.org_id,
        family_id: v.family_id,
        assignee_user_id: 'userId' in d.assignee ? d.assignee.userId : null,
        assignee_unit_id: 'unitId' in d.assignee ? d.assignee.unitId : null,
        kind: d.kind,
        key: d.key,
        window_start: d.window.start,
        due: d.window.due,
        window_end: d.window.end,
        reason: d.reason,
        rule: d.rule,
        at,
      });
    }
  }
  await sql`
    INSERT INTO screening (id, org_id, family_id, child_person_id, respondent_person_id, respondent_role, instrument,
      answers, total, cutoff, band, flags, observed_on, in_pregnancy, visit_id, entered_by_kind, recorded_by,
      created_at)
    SELECT * FROM json_to_recordset(${JSON.stringify(screenings)}::json) AS x(id uuid, org_id uuid, family_id uuid,
      child_person_id uuid, respondent_person_id uuid, respondent_role text, instrument text, answers smallint[],
      total smallint, cutoff smallint, band text, flags text[], observed_on date, in_pregnancy boolean,
      visit_id uuid, entered_by_kind text, recorded_by uuid, created_at timestamptz)`.execute(tx);
  await sql`
    WITH t AS (
      INSERT INTO task (id, org_id, family_id, assignee_user_id, assignee_unit_id, kind, key, window_start, due,
        window_end, reason, rule, created_at, updated_at)
      SELECT id, org_id, family_id, assignee_user_id, assignee_unit_id, kind, key, window_start, due, window_end,
        reason, rule, at, at
      FROM json_to_recordset(${JSON.stringify(tasks)}::json) AS x(id uuid, org_id uuid, family_id uuid,
        assignee_user_id uuid, assignee_unit_id uuid, kind text, key text, window_start date, due date,
        window_end date, reason text, rule text, at timestamptz)
      RETURNING id, org_id, reason, created_at
    )
    INSERT INTO task_event (task_id, org_id, state, at, note)
    SELECT id, org_id, 'ready', created_at, reason FROM t`.execute(tx);
  return screenings.length;
}
