import { randomUUID } from 'node:crypto';
import {
  addDays,
  copenhagenDate,
  daysBetween,
  defaultVisitProgramme,
  epdsFollowUps,
  planVisits,
  plausibleRange,
  scoreEpds,
  screeningFollowUp,
} from '@familiespor/domain';
import type { Insertable } from 'kysely';
import type { ChildVisitTable, ScreeningTable } from '../db/schema';
import type { Tx } from '../db/scope';
import { mulberry32 } from './seeded-random';

const rng = mulberry32;

const topicsByVisit: Record<string, string[]> = {
  early: ['amning', 'gulsot', 'navlepleje'],
  week1: ['amning', 'søvn', 'hud-mod-hud'],
  week3: ['amning', 'gråd', 'forældrenes trivsel'],
  month1: ['vægtøgning', 'søvn', 'D-vitamin'],
  month2: ['vaccinationer', 'forældrenes trivsel', 'samspil'],
  month4_6: ['overgangskost', 'motorik', 'søvn'],
  month8_10: ['tænder', 'ulykkesforebyggelse', 'sprog'],
  month12: ['mad og måltider', 'sprog', 'dagtilbud'],
};

/** The middle of the plausible range, give or take 8 %: a typical child of that age. */
function typical(measurement: 'weight_g' | 'length_cm' | 'head_cm', ageDays: number, random: () => number) {
  const { min, max } = plausibleRange(measurement, ageDays);
  const value = ((min + max) / 2) * (0.92 + random() * 0.16);
  return measurement === 'weight_g' ? Math.round(value) : Math.round(value * 10) / 10;
}

/**
 * Step 5 in the demo: Demo Kommune's visit programme (the default of DESIGN §1 and the issue),
 * a visit plan for every child, the past visits mostly done with measurements (some missed),
 * EPDS at the 2-month visits, one EPDS with an item-10 alert on Mette Sørensen's worklist, and
 * Mette trained in ADBB. Everything is relative to today, so the demo always looks current.
 */
export async function seedVisits(tx: Tx, now: Date): Promise<void> {
  const today = copenhagenDate(now);
  const random = rng(20261124);
  const kommune = (
    await tx
      .selectFrom('organisation')
      .select('id')
      .where('name', '=', 'Demo Kommune')
      .executeTakeFirstOrThrow()
  ).id;
  const staff = new Map(
    (await tx.selectFrom('staff_user').select(['id', 'email']).execute()).map((s) => [s.email, s.id]),
  );
  const mette = staff.get('sundhedsplejerske@demo.dk') as string;

  await tx
    .insertInto('visit_programme')
    .values({
      org_id: kommune,
      visit_types: JSON.stringify(defaultVisitProgramme),
      updated_by: staff.get('ledende.sundhedsplejerske@demo.dk') ?? null,
      updated_at: now,
    })
    .execute();
  await tx
    .insertInto('staff_training')
    .values({ staff_user_id: mette, org_id: kommune, instrument: 'adbb', since: addDays(today, -400) })
    .execute();

  const children = await tx
    .selectFrom('birth as b')
    .innerJoin('person as c', 'c.id', 'b.child_person_id')
    .innerJoin('family as f', 'f.id', 'b.family_id')
    .leftJoin('pregnancy as pr', 'pr.id', 'b.pregnancy_id')
    .select([
      'b.family_id',
      'b.child_person_id',
      'b.birth_time',
      'b.discharge_time',
      'c.birth_date',
      'c.cpr',
      'f.district_unit_id',
      'pr.care_level',
      'pr.first_child',
      'pr.due_date',
    ])
    .where('b.family_org_id', '=', kommune)
    .orderBy('c.birth_date', 'desc')
    .orderBy('c.cpr')
    .execute();
  const mothers = new Map(
    (
      await tx
        .selectFrom('family_member')
        .select(['family_id', 'person_id'])
        .where('org_id', '=', kommune)
        .where('role', '=', 'mother')
        .execute()
    ).map((m) => [m.family_id, m.person_id]),
  );
  const metteUnits = new Set(
    (
      await tx.selectFrom('staff_user_unit').select('unit_id').where('staff_user_id', '=', mette).execute()
    ).map((u) => u.unit_id),
  );

  const visits: Insertable<ChildVisitTable>[] = [];
  const screenings: (Insertable<ScreeningTable> & { id: string })[] = [];
  let alertFamily: {
    familyId: string;
    districtUnitId: string | null;
    screeningId: string;
    on: string;
  } | null = null;
  for (const child of children) {
    const birthDate = child.birth_date ?? copenhagenDate(child.birth_time);
    const plan = planVisits(defaultVisitProgramme, {
      birthDate,
      dueDate: child.due_date,
      firstTimeParents: child.first_child ?? false,
      careLevel: child.care_level,
      earlyDischarge:
        child.discharge_time !== null &&
        child.discharge_time.getTime() - child.birth_time.getTime() < 72 * 3_600_000,
    });
    for (const v of plan) {
      const id = randomUUID();
      const past = v.end < today;
      // Past visits: nine in ten done inside their window, the rest missed; a visit whose window
      // is open now is done in half the families, on a day of the window up to today.
      const done = v.start <= today && random() < (past ? 0.9 : 0.5);
      const last = past ? v.end : today;
      const doneOn = done ? addDays(v.start, Math.floor(random() * (1 + daysBetween(v.start, last)))) : null;
      const ageDays = doneOn ? daysBetween(birthDate, doneOn) : 0;
      visits.push({
        id,
        org_id: kommune,
        family_id: child.family_id,
        child_person_id: child.child_person_id,
        visit_key: v.key,
        name: v.name,
        kind: v.kind,
        window_start: v.start,
        due: v.due,
        window_end: v.end,
        status: done ? 'done' : past ? 'missed' : 'planned',
        status_reason: past && !done ? 'Familien var ikke hjemme' : null,
        created_at: new Date(`${birthDate}T12:00:00Z`),
        ...(doneOn
          ? {
              done_on: doneOn,
              place: random() < 0.85 ? 'home' : 'clinic',
              weight_g: typical('weight_g', ageDays, random),
              length_cm: typical('length_cm', ageDays, random),
              head_cm: typical('head_cm', ageDays, random),
              topics: topicsByVisit[v.key] ?? [],
              development: random() < 0.93 ? 'age_appropriate' : 'concern',
              pku_done: v.key === 'early' || v.key === 'week1' ? true : null,
              hearing_done: v.key === 'week1' ? true : null,
              recorded_by: mette,
              recorded_at: new Date(`${doneOn}T11:00:00Z`),
            }
          : {}),
      });
      const visit = visits.at(-1) as Insertable<ChildVisitTable>;
      if (visit.development === 'concern') visit.development_note = 'Følges ved næste besøg';
      // The mother's EPDS at the 2-month visit; the first one in Mette's district within the
      // last month gets an answer above 0 on item 10 — the demo's alert.
      const mother = mothers.get(child.family_id);
      if (doneOn && v.key === 'month2' && mother) {
        const alert =
          alertFamily === null &&
          child.district_unit_id !== null &&
          metteUnits.has(child.district_unit_id) &&
          doneOn >= addDays(today, -30);
        const answers = alert
          ? [1, 1, 2, 1, 2, 2, 2, 2, 2, 2]
          : [0, 0, 3, 0, 3, 3, 3, 3, 3, 3].map((a, i) =>
              i === 9 ? a : random() < 0.2 ? Math.max(0, Math.min(3, a + (i < 2 || i === 3 ? 1 : -1))) : a,
            );
        const result = scoreEpds(answers, 'mother');
        const screeningId = randomUUID();
        screenings.push({
          id: screeningId,
          org_id: kommune,
          family_id: child.family_id,
          child_person_id: child.child_person_id,
          respondent_person_id: mother,
          respondent_role: 'mother',
          instrument: 'epds',
          answers,
          total: result.total,
          cutoff: result.cutoff,
          band: result.band,
          flags: result.flags,
          observed_on: doneOn,
          in_pregnancy: false,
          visit_id: id,
          entered_by_kind: 'staff',
          recorded_by: mette,
          created_at: new Date(`${doneOn}T11:00:00Z`),
        });
        if (alert)
          alertFamily = {
            familyId: child.family_id,
            districtUnitId: child.district_unit_id,
            screeningId,
            on: doneOn,
          };
      }
    }
  }
  for (let i = 0; i < visits.length; i += 500)
    await tx
      .insertInto('child_visit')
      .values(visits.slice(i, i + 500))
      .execute();
  for (let i = 0; i < screenings.length; i += 500)
    await tx
      .insertInto('screening')
      .values(screenings.slice(i, i + 500))
      .execute();

  // The alert's tasks, made by the same rule as when a health visitor records the screening.
  if (alertFamily) {
    const coordinator = await tx
      .selectFrom('coordinator_assignment')
      .select('staff_user_id')
      .where('family_id', '=', alertFamily.familyId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    const screening = screenings.find((x) => x.id === alertFamily?.screeningId) as Insertable<ScreeningTable>;
    const result = scoreEpds(screening.answers as number[], 'mother');
    const drafts = screeningFollowUp(
      {
        familyId: alertFamily.familyId,
        orgId: kommune,
        districtUnitId: alertFamily.districtUnitId,
        coordinatorUserId: coordinator?.staff_user_id ?? mette,
        openInvolvementSince: null,
        children: [],
        screenings: [
          {
            id: alertFamily.screeningId,
            takenOn: alertFamily.on,
            respondentId: screening.respondent_person_id as string,
            followUps: epdsFollowUps(result, alertFamily.on, false),
            superseded: false,
          },
        ],
        consents: [],
      },
      today,
    );
    for (const d of drafts) {
      const { id } = await tx
        .insertInto('task')
        .values({
          org_id: kommune,
          family_id: alertFamily.familyId,
          assignee_user_id: 'userId' in d.assignee ? d.assignee.userId : null,
          assignee_unit_id: 'unitId' in d.assignee ? d.assignee.unitId : null,
          kind: d.kind,
          key: d.key,
          window_start: d.window.start,
          due: d.window.due,
          window_end: d.window.end,
          reason: d.reason,
          rule: d.rule,
          created_at: new Date(`${alertFamily.on}T11:05:00Z`),
          updated_at: new Date(`${alertFamily.on}T11:05:00Z`),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('task_event')
        .values({
          task_id: id,
          org_id: kommune,
          state: 'ready',
          at: new Date(`${alertFamily.on}T11:05:00Z`),
          note: d.reason,
        })
        .execute();
    }
  }
}
