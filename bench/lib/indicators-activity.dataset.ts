/**
 * A year of the activity the indicators count, on top of the `indicators` data set's families and
 * visit plans: Familieiværksætterne courses with sessions and attendance, course-end surveys,
 * development at the 8–10-month visit, EPDS with follow-up tasks, referrals to family
 * counselling, counselling cases with goals, anonymous contacts, readmissions and tasks for
 * families with no coordinator. Each step is one transaction of set-based statements (INSERT …
 * SELECT over the families), never a use case per row, so a national year takes minutes. Shares
 * are plausible, not measured: they only need to give every indicator facts of a realistic volume.
 */
import { copenhagenDate, scoreEpds } from '@familiespor/domain';
import { sql } from 'kysely';
import type { Tx } from '../../apps/server/src/db/scope';

export type ActivityStep = { name: string; run(tx: Tx, now: Date): Promise<number> };

const prefix = 'Indikatorkommune %';
const rows = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0n);

/** The municipality's family counsellor, who acknowledges, decides and imports: an arbitrary but fixed one. */
const counsellorOf = (orgColumn: string) =>
  sql.raw(`(SELECT min(s.id::text)::uuid FROM staff_user s WHERE s.org_id = ${orgColumn}
    AND s.email LIKE 'counsellor.%@indicators.familiespor.test')`);

/**
 * Four in ten first-time pregnancies due from a year ago to five months ahead sign up for the
 * municipality's FIV course; cohorts of ten by due date, twelve sessions three weeks apart from
 * week 31, held when past. Finished courses: 85 % completed, 15 % dropped out (after session 4);
 * running ones 8 % dropped out. The partner comes along in 85 %. Present at a held session: mother
 * 88 %, partner 65 % (a dropped-out family only at the first four). A course-end survey per
 * finished cohort, answered by six in ten completing families.
 */
async function courses(tx: Tx, now: Date): Promise<number> {
  const today = copenhagenDate(now);
  await sql`
    CREATE TEMP TABLE bench_enrol ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, f.id AS family_id, f.org_id, pr.due_date, pr.mother_person_id AS mother_id,
      o.id AS offer_id, random() AS x,
      (row_number() OVER (PARTITION BY f.org_id ORDER BY pr.due_date, f.id) - 1) / 10 AS c
    FROM pregnancy pr JOIN family f ON f.id = pr.family_id
    JOIN organisation m ON m.id = f.org_id AND m.name LIKE ${prefix}
    JOIN offer o ON o.org_id = f.org_id AND o.fiv
    WHERE pr.first_child AND pr.status <> 'ended'
      AND pr.due_date BETWEEN ${today}::date - 365 AND ${today}::date + 150 AND random() < 0.4`.execute(tx);
  await sql`
    CREATE TEMP TABLE bench_cohort ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, e.org_id, e.offer_id, e.c, min(e.due_date) AS due_from, max(e.due_date) AS due_to,
      (SELECT min(su.staff_user_id::text)::uuid FROM staff_user_unit su JOIN unit u ON u.id = su.unit_id
        WHERE u.org_id = e.org_id AND u.kind = 'district') AS facilitator,
      (min(e.due_date) - 63 + 11 * 21 + time '19:00') AT TIME ZONE 'Europe/Copenhagen' AS last_end
    FROM bench_enrol e GROUP BY e.org_id, e.offer_id, e.c`.execute(tx);
  await sql`
    INSERT INTO cohort (id, offer_id, org_id, name, language, facilitator_user_id, due_from, due_to, status, created_at)
    SELECT id, offer_id, org_id, format('Hold %s', c + 1), 'da', facilitator, due_from, due_to,
      CASE WHEN last_end < ${now} THEN 'ended' ELSE 'running' END, (due_from - 120)::timestamptz
    FROM bench_cohort`.execute(tx);
  await sql`
    INSERT INTO course_session (offer_id, org_id, cohort_id, number, title, starts_at, ends_at, place,
      facilitator_user_id, status)
    SELECT c.offer_id, c.org_id, c.id, k, format('Gang %s', k),
      (c.due_from - 63 + (k - 1) * 21 + time '17:00') AT TIME ZONE 'Europe/Copenhagen',
      (c.due_from - 63 + (k - 1) * 21 + time '19:00') AT TIME ZONE 'Europe/Copenhagen',
      'Sundhedshuset', c.facilitator,
      CASE WHEN (c.due_from - 63 + (k - 1) * 21 + time '19:00') AT TIME ZONE 'Europe/Copenhagen' < ${now}
        THEN 'held' ELSE 'planned' END
    FROM bench_cohort c CROSS JOIN generate_series(1, 12) k`.execute(tx);
  const enrolled = await sql`
    INSERT INTO enrollment (id, offer_id, org_id, family_id, family_org_id, status, due_date, cohort_id,
      signed_up_at, enrolled_at, ended_at, end_reason, created_by_kind, created_by)
    SELECT e.id, e.offer_id, e.org_id, e.family_id, e.org_id, s.status, e.due_date, c.id,
      (e.due_date - 100)::timestamptz, (e.due_date - 90)::timestamptz,
      CASE WHEN s.status = 'completed' THEN c.last_end
        WHEN s.status = 'dropped_out' THEN ((c.due_from - 63 + 4 * 21) + time '12:00') AT TIME ZONE 'Europe/Copenhagen' END,
      CASE WHEN s.status = 'dropped_out' THEN 'Familien har meldt fra' END, 'parent', e.mother_id
    FROM bench_enrol e JOIN bench_cohort c ON c.org_id = e.org_id AND c.c = e.c
    CROSS JOIN LATERAL (SELECT CASE
      WHEN c.last_end < ${now} THEN CASE WHEN e.x < 0.85 THEN 'completed' ELSE 'dropped_out' END
      WHEN e.x < 0.08 AND (c.due_from - 63 + 4 * 21) < ${today}::date THEN 'dropped_out'
      ELSE 'enrolled' END AS status) s`.execute(tx);
  await sql`
    INSERT INTO enrollment_participant (enrollment_id, person_id, org_id)
    SELECT e.id, m.person_id, e.org_id FROM bench_enrol e
    JOIN family_member m ON m.family_id = e.family_id
    WHERE m.role = 'mother' OR (m.role IN ('father', 'co_parent') AND hashtext(e.id::text) % 100 < 85)`.execute(
    tx,
  );
  await sql`
    INSERT INTO attendance (session_id, person_id, enrollment_id, org_id, present, recorded_by, recorded_at)
    SELECT s.id, p.person_id, en.id, en.org_id,
      (CASE WHEN m.role = 'mother' THEN 0.88 ELSE 0.65 END) > random(), s.facilitator_user_id, s.ends_at
    FROM enrollment en JOIN bench_enrol e ON e.id = en.id
    JOIN enrollment_participant p ON p.enrollment_id = en.id
    JOIN family_member m ON m.family_id = en.family_id AND m.person_id = p.person_id
    JOIN course_session s ON s.cohort_id = en.cohort_id
    WHERE s.status = 'held' AND (en.status <> 'dropped_out' OR s.number <= 4)`.execute(tx);
  await sql`
    CREATE TEMP TABLE bench_survey ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, c.id AS cohort_id, c.org_id, c.offer_id, c.facilitator, c.last_end
    FROM bench_cohort c WHERE c.last_end < ${now}`.execute(tx);
  await sql`
    INSERT INTO survey (id, org_id, occasion, offer_id, cohort_id, occasion_date, created_by, created_at)
    SELECT id, org_id, 'course_end', offer_id, cohort_id, (last_end AT TIME ZONE 'Europe/Copenhagen')::date,
      facilitator, last_end
    FROM bench_survey`.execute(tx);
  await sql`
    INSERT INTO survey_response (survey_id, org_id, offer_id, answered_on, can_act, heard, satisfied)
    SELECT s.id, s.org_id, s.offer_id,
      least(${today}::date, (s.last_end AT TIME ZONE 'Europe/Copenhagen')::date + (random() * 10)::int),
      3 + (random() * 2)::int, 3 + (random() * 2)::int, 2 + (random() * 3)::int
    FROM bench_survey s JOIN enrollment en ON en.cohort_id = s.cohort_id
    WHERE en.status = 'completed' AND random() < 0.6`.execute(tx);
  return rows(enrolled);
}

/** Development recorded at every 8–10-month visit done: 7 % with a concern. */
async function development(tx: Tx): Promise<number> {
  const r = await sql`
    UPDATE child_visit v SET development = CASE WHEN random() < 0.07 THEN 'concern' ELSE 'age_appropriate' END
    FROM organisation o
    WHERE o.id = v.org_id AND o.name LIKE ${prefix} AND v.visit_key = 'month8_10' AND v.status = 'done'
      AND v.development IS NULL`.execute(tx);
  return rows(r);
}

/** Typical answers score 0; a positive screening scores 2 on items 3–9, an alert adds item 10. */
const epdsAnswers = {
  alert: [1, 1, 2, 1, 2, 2, 2, 2, 2, 2],
  positive: [1, 1, 1, 1, 1, 1, 1, 1, 1, 3],
  typical: [0, 0, 3, 0, 3, 3, 3, 3, 3, 3],
} as const;

/**
 * EPDS at every 2-month visit done in the last year: the mother in 95 %, a father or co-parent in
 * 35 %, by the family's coordinator (a family nobody coordinates is screened by nobody). Answers as
 * in the `tasks` data set (0.5 % with an item-10 alert, 9.5 % more positive), scored by scoreEpds.
 * A positive screening's repeat task is completed within two weeks in 75 % (the rest stay open: an
 * open need); an alert's self_harm_alert task is completed the same day in 85 %.
 */
async function epds(tx: Tx, now: Date): Promise<number> {
  const today = copenhagenDate(now);
  const scored = (['mother', 'father'] as const).flatMap((role) =>
    (Object.keys(epdsAnswers) as (keyof typeof epdsAnswers)[]).map((pattern) => {
      const result = scoreEpds(epdsAnswers[pattern], role);
      return {
        role,
        pattern,
        answers: `{${epdsAnswers[pattern].join(',')}}`,
        total: result.total,
        cutoff: result.cutoff,
        band: result.band,
        flags: `{${result.flags.join(',')}}`,
      };
    }),
  );
  await sql`
    CREATE TEMP TABLE bench_epds ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, v.org_id, v.family_id, v.child_person_id, m.person_id, m.role, v.done_on,
      v.id AS visit_id, ca.staff_user_id AS recorded_by, f.district_unit_id,
      CASE WHEN x.r < 0.005 THEN 'alert' WHEN x.r < 0.1 THEN 'positive' ELSE 'typical' END AS pattern,
      random() AS y
    FROM child_visit v
    JOIN organisation o ON o.id = v.org_id AND o.name LIKE ${prefix}
    JOIN family f ON f.id = v.family_id
    JOIN coordinator_assignment ca ON ca.family_id = v.family_id AND ca.ended_at IS NULL
    JOIN family_member m ON m.family_id = v.family_id AND m.role IN ('mother', 'father', 'co_parent')
    CROSS JOIN LATERAL (SELECT random() AS r, random() AS who) x
    WHERE v.visit_key = 'month2' AND v.status = 'done' AND v.done_on >= ${today}::date - 365
      AND x.who < CASE WHEN m.role = 'mother' THEN 0.95 ELSE 0.35 END`.execute(tx);
  const inserted = await sql`
    INSERT INTO screening (id, org_id, family_id, child_person_id, respondent_person_id, respondent_role, instrument,
      answers, total, cutoff, band, flags, observed_on, in_pregnancy, visit_id, entered_by_kind, recorded_by,
      created_at)
    SELECT e.id, e.org_id, e.family_id, e.child_person_id, e.person_id, e.role, 'epds', s.answers, s.total, s.cutoff,
      s.band, s.flags, e.done_on, false, e.visit_id, 'staff', e.recorded_by, e.done_on + time '11:00'
    FROM bench_epds e
    JOIN json_to_recordset(${JSON.stringify(scored)}::json) AS s(role text, pattern text, answers smallint[],
      total smallint, cutoff smallint, band text, flags text[])
      ON s.pattern = e.pattern AND s.role = CASE WHEN e.role = 'mother' THEN 'mother' ELSE 'father' END`.execute(
    tx,
  );
  await sql`
    INSERT INTO task (org_id, family_id, assignee_user_id, kind, key, window_start, due, window_end, state, reason,
      rule, created_at, updated_at)
    SELECT e.org_id, e.family_id, e.recorded_by, t.kind, format('%s:%s:1', t.kind, e.id), e.done_on,
      e.done_on + t.days, e.done_on + 2 * t.days,
      CASE WHEN e.y < t.share AND e.done_on + t.days <= ${today}::date THEN 'completed' ELSE 'ready' END,
      t.reason, 'screening_follow_up', e.done_on + time '11:00',
      CASE WHEN e.y < t.share AND e.done_on + t.days <= ${today}::date
        THEN e.done_on + (e.y * t.days)::int + time '15:00' ELSE e.done_on + time '11:00' END
    FROM bench_epds e
    JOIN (VALUES ('epds_repeat', 14, 0.75, 'EPDS over grænseværdien: gentag screeningen'),
      ('self_harm_alert', 0, 0.85, 'EPDS spørgsmål 10: tal med forælderen i dag')) AS t(kind, days, share, reason)
      ON (t.kind = 'epds_repeat' AND e.pattern IN ('alert', 'positive')) OR (t.kind = 'self_harm_alert' AND e.pattern = 'alert')`.execute(
    tx,
  );
  return rows(inserted);
}

/**
 * Referrals from the coordinator to the municipality's family counselling for 4 % of families with
 * a child, sent in the last year, three working days to acknowledge (due five days later). 80 %
 * are acknowledged in time, 10 % late, 10 % not yet; of the acknowledged, 70 % accepted 1–10 days
 * later and 10 % rejected.
 */
async function referrals(tx: Tx, now: Date): Promise<number> {
  await sql`
    CREATE TEMP TABLE bench_referral ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, f.id AS family_id, f.org_id, ca.staff_user_id AS sender,
      u.id AS to_unit, ${counsellorOf('f.org_id')} AS counsellor, x.sent, x.ack, x.decide,
      CASE WHEN x.ack < 0.9 AND x.sent + (CASE WHEN x.ack < 0.8 THEN 1 + x.r * 3 ELSE 6 + x.r * 6 END)
          * interval '1 day' < ${now} THEN x.sent + (CASE WHEN x.ack < 0.8 THEN 1 + x.r * 3 ELSE 6 + x.r * 6 END)
          * interval '1 day' END AS received_at
    FROM family f
    JOIN organisation o ON o.id = f.org_id AND o.name LIKE ${prefix}
    JOIN unit u ON u.org_id = f.org_id AND u.kind = 'department'
    JOIN coordinator_assignment ca ON ca.family_id = f.id AND ca.ended_at IS NULL
    CROSS JOIN LATERAL (SELECT ${now}::timestamptz - random() * interval '365 days' AS sent, random() AS ack,
      random() AS r, random() AS decide) x
    WHERE EXISTS (SELECT 1 FROM birth b WHERE b.family_id = f.id) AND random() < 0.04`.execute(tx);
  await sql`
    CREATE TEMP TABLE bench_referral_done ON COMMIT DROP AS
    SELECT r.*, CASE WHEN r.received_at IS NULL THEN 'requested' WHEN r.decide < 0.7 THEN 'accepted'
        WHEN r.decide < 0.8 THEN 'rejected' ELSE 'received' END AS status,
      CASE WHEN r.received_at IS NOT NULL AND r.decide < 0.8 THEN least(${now}::timestamptz,
        r.received_at + (1 + r.decide * 12) * interval '1 day') END AS decided_at
    FROM bench_referral r`.execute(tx);
  const r = await sql`
    INSERT INTO referral (id, org_id, family_id, family_org_id, sender_user_id, to_org_id, to_unit_id, reason, urgency,
      status, ack_working_days, ack_due_on, created_at, received_at, received_by, decided_at, decided_by,
      rejection_reason, updated_at)
    SELECT id, org_id, family_id, org_id, sender, org_id, to_unit, 'Forældrene ønsker hjælp til samlivet', 'normal',
      status, 3, (sent AT TIME ZONE 'Europe/Copenhagen')::date + 5, sent, received_at,
      CASE WHEN received_at IS NOT NULL THEN counsellor END, decided_at,
      CASE WHEN decided_at IS NOT NULL THEN counsellor END,
      CASE WHEN status = 'rejected' THEN 'Familien hører under et andet tilbud' END,
      coalesce(decided_at, received_at, sent)
    FROM bench_referral_done`.execute(tx);
  await sql`
    INSERT INTO referral_event (referral_id, org_id, to_org_id, status, at, by_user)
    SELECT id, org_id, org_id, 'requested', sent, sender FROM bench_referral_done
    UNION ALL SELECT id, org_id, org_id, 'received', received_at, counsellor FROM bench_referral_done
      WHERE received_at IS NOT NULL
    UNION ALL SELECT id, org_id, org_id, status, decided_at, counsellor FROM bench_referral_done
      WHERE decided_at IS NOT NULL`.execute(tx);
  return rows(r);
}

/**
 * Counselling cases at the municipality's family counselling for 1.2 % of families, opened in the
 * last 400 days on the family's own request; 65 % closed 20–150 days later (no special support
 * needed 55 %, a municipal measure 20 %, ended by the family 20 %, moved 5 %). One goal each,
 * scored at opening and, after a month, again (usually higher).
 */
async function counselling(tx: Tx, now: Date): Promise<number> {
  const today = copenhagenDate(now);
  await sql`
    CREATE TEMP TABLE bench_case ON COMMIT DROP AS
    SELECT gen_random_uuid() AS id, gen_random_uuid() AS involvement_id, gen_random_uuid() AS goal_id,
      f.id AS family_id, f.org_id, u.id AS unit_id, ${counsellorOf('f.org_id')} AS counsellor,
      (SELECT m.person_id FROM family_member m WHERE m.family_id = f.id AND m.role = 'mother') AS mother_id,
      x.opened, CASE WHEN x.c < 0.65 AND x.opened + x.len < ${today}::date THEN x.opened + x.len END AS closed,
      CASE WHEN x.o < 0.55 THEN 'no_special_support' WHEN x.o < 0.75 THEN 'municipal_measure'
        WHEN x.o < 0.95 THEN 'ended_by_family' ELSE 'moved' END AS outcome, x.first
    FROM family f
    JOIN organisation o ON o.id = f.org_id AND o.name LIKE ${prefix}
    JOIN unit u ON u.org_id = f.org_id AND u.kind = 'department'
    CROSS JOIN LATERAL (SELECT ${today}::date - (random() * 400)::int AS opened, random() AS c, random() AS o,
      20 + (random() * 130)::int AS len, 2 + (random() * 4)::int AS first) x
    WHERE random() < 0.012`.execute(tx);
  await sql`
    INSERT INTO involvement (id, family_id, family_org_id, org_id, unit_id, staff_user_id, kind, reason, started_at,
      ended_at)
    SELECT involvement_id, family_id, org_id, org_id, unit_id, counsellor, 'counselling', 'Familierådgivning',
      opened + time '10:00', closed + time '15:00'
    FROM bench_case`.execute(tx);
  const r = await sql`
    INSERT INTO counselling_case (id, org_id, unit_id, family_id, family_org_id, counsellor_id, family_copy, reason,
      opened_from, requested_by_person_id, request_how, involvement_id, opened_on, opened_at, opened_by, status,
      closed_on, closed_at, closed_by, outcome)
    SELECT id, org_id, unit_id, family_id, org_id, counsellor, '{}'::jsonb, 'Familien har selv bedt om rådgivning',
      'own_request', mother_id, 'verbal', involvement_id, opened, opened + time '10:00', counsellor,
      CASE WHEN closed IS NULL THEN 'open' ELSE 'closed' END, closed, closed + time '15:00',
      CASE WHEN closed IS NOT NULL THEN counsellor END, CASE WHEN closed IS NOT NULL THEN outcome END
    FROM bench_case`.execute(tx);
  await sql`
    INSERT INTO counselling_goal (id, case_id, org_id, title, position, created_on, created_at, created_by)
    SELECT goal_id, id, org_id, 'Vi taler bedre sammen', 0, opened, opened + time '10:00', counsellor
    FROM bench_case`.execute(tx);
  await sql`
    INSERT INTO counselling_goal_score (goal_id, case_id, org_id, score, scored_on, scored_by, scored_at)
    SELECT goal_id, id, org_id, first, opened, counsellor, opened + time '10:30' FROM bench_case
    UNION ALL
    SELECT goal_id, id, org_id, least(10, first + (random() * 5)::int - 1), coalesce(closed, opened + 30), counsellor,
      coalesce(closed, opened + 30) + time '14:00'
    FROM bench_case WHERE coalesce(closed, opened + 30) <= ${today}::date`.execute(tx);
  return rows(r);
}

/** Anonymous contacts logged by each municipality's open counselling: one a year per 40 families. */
async function anonymousContacts(tx: Tx, now: Date): Promise<number> {
  const today = copenhagenDate(now);
  const r = await sql`
    INSERT INTO anonymous_contact (org_id, contact_date, channel, who, child_age_band, topics, duration_minutes,
      outcomes)
    SELECT o.id, ${today}::date - (random() * 364)::int,
      (ARRAY['walk_in', 'phone', 'chat'])[1 + floor(random() * 3)::int],
      (ARRAY['pregnant', 'mother', 'father', 'other'])[1 + floor(random() * 4)::int],
      (ARRAY['expecting', 'under_1', 'age_1_to_3', 'not_stated'])[1 + floor(random() * 4)::int],
      CASE WHEN random() < 0.3 THEN ARRAY[t1, CASE WHEN t1 = 'finances' THEN 'housing' ELSE 'finances' END]
        ELSE ARRAY[t1] END,
      15 + (random() * 45)::int, ARRAY['advice']
    FROM organisation o
    CROSS JOIN LATERAL generate_series(1, greatest(5, (SELECT count(*) FROM family f WHERE f.org_id = o.id) / 40)::int) n
    CROSS JOIN LATERAL (SELECT (ARRAY['divorce', 'finances', 'child_wellbeing', 'relationship', 'co_parenting',
      'housing', 'other'])[1 + floor(random() * 7 + n * 0)::int] AS t1) t
    WHERE o.name LIKE ${prefix}`.execute(tx);
  return rows(r);
}

/**
 * Hospital admissions imported from the region for 3.5 % of the births of the last 400 days in their
 * first 28 days, and 1 % later, with the causes the catalogue counts.
 */
async function readmissions(tx: Tx, now: Date): Promise<number> {
  const today = copenhagenDate(now);
  const r = await sql`
    INSERT INTO infant_admission (org_id, family_id, child_person_id, admitted_on, discharged_on, icd10, cause,
      imported_by, imported_by_org_id, imported_at)
    SELECT b.family_org_id, b.family_id, b.child_person_id, a.on, a.on + 1 + (random() * 3)::int, c.icd10, c.cause,
      ${counsellorOf('b.family_org_id')}, b.family_org_id, ${now}
    FROM (SELECT b.*, random() AS x, random() AS k FROM birth b
      JOIN organisation o ON o.id = b.family_org_id AND o.name LIKE ${prefix}
      WHERE b.birth_time >= ${now}::timestamptz - interval '400 days') b
    -- Drawn in the subquery's select list, so once per birth (an uncorrelated LATERAL may run once).
    CROSS JOIN LATERAL (SELECT (b.birth_time AT TIME ZONE 'Europe/Copenhagen')::date
      + CASE WHEN b.x < 0.035 THEN 2 + (b.k * 25)::int ELSE 30 + (b.k * 200)::int END AS on) a
    JOIN (VALUES (0, 'E86', 'dehydration'), (1, 'P59.9', 'jaundice'), (2, 'R62.8', 'poor_thriving'),
      (3, 'P92.9', 'feeding_problems'), (4, 'J21.9', 'other')) AS c(n, icd10, cause)
      ON c.n = (b.k * 1000)::int % 5
    WHERE b.x < 0.045 AND a.on <= ${today}::date`.execute(tx);
  return rows(r);
}

/**
 * Four in ten families with a child and no coordinator have the task rules' open
 * assign_coordinator task (the nightly run is not part of this data set): "between chairs".
 */
async function coordinatorTasks(tx: Tx, now: Date): Promise<number> {
  const today = copenhagenDate(now);
  const r = await sql`
    INSERT INTO task (org_id, family_id, assignee_unit_id, kind, key, window_start, due, window_end, state, reason,
      rule, created_at, updated_at)
    SELECT f.org_id, f.id, f.district_unit_id, 'assign_coordinator', format('assign_coordinator:bench:%s', f.id),
      ${today}::date - 10, ${today}::date - 3, ${today}::date + 7, 'ready', 'Familien har ingen tovholder',
      'coordinator_missing', ${now}::timestamptz - interval '10 days', ${now}::timestamptz - interval '10 days'
    FROM family f JOIN organisation o ON o.id = f.org_id AND o.name LIKE ${prefix}
    WHERE f.district_unit_id IS NOT NULL AND random() < 0.4
      AND NOT EXISTS (SELECT 1 FROM coordinator_assignment ca WHERE ca.family_id = f.id AND ca.ended_at IS NULL)
      AND EXISTS (SELECT 1 FROM birth b WHERE b.family_id = f.id)`.execute(tx);
  return rows(r);
}

export const activitySteps: readonly ActivityStep[] = [
  { name: 'courses', run: courses },
  { name: 'development', run: (tx) => development(tx) },
  { name: 'epds', run: epds },
  { name: 'referrals', run: referrals },
  { name: 'counselling', run: counselling },
  { name: 'anonymous_contacts', run: anonymousContacts },
  { name: 'readmissions', run: readmissions },
  { name: 'coordinator_tasks', run: coordinatorTasks },
];
