import { randomUUID } from 'node:crypto';
import { addDays, causeOfIcd10, copenhagenDate } from '@familiespor/domain';
import type { Insertable } from 'kysely';
import type { InfantAdmissionTable, SurveyLinkTable, SurveyResponseTable, SurveyTable } from '../db/schema';
import type { Tx } from '../db/scope';
import { hashSurveyToken, newSurveyToken } from '../modules/surveys/survey-tokens';
import { type SeededCohort, seedOutcomeCohorts } from './demo-outcome-cohorts';
import { seedOutcomeScreenings } from './demo-outcome-screenings';
import { mulberry32 } from './seeded-random';

/**
 * Why an infant is admitted in its first weeks, with how often each is seen among admissions
 * (jaundice and feeding problems most). 'J21.0' (bronchiolitis) is an admission the indicator
 * leaves out.
 */
const admissionCodes: [string, number][] = [
  ['P59.9', 0.34],
  ['P92.1', 0.2],
  ['E86', 0.16],
  ['R62.8', 0.1],
  ['J21.0', 0.2],
];

/** The entry a number in [0, 1) falls on, each entry taking its share. */
function pick(shares: readonly [string, number][], x: number): string {
  let left = x;
  for (const [code, share] of shares) {
    left -= share;
    if (left < 0) return code;
  }
  return shares[0]?.[0] as string;
}

/**
 * The region's file of infant admissions, as the midwife would have imported it month by month:
 * about one child in twenty admitted within four weeks of the birth, mostly for jaundice or
 * feeding problems, and a few admissions for other reasons.
 */
async function seedReadmissions(tx: Tx, now: Date): Promise<void> {
  const today = copenhagenDate(now);
  const random = mulberry32(20261127);
  const importer = await tx
    .selectFrom('staff_user')
    .select(['id', 'org_id'])
    .where('email', '=', 'jordemoder@demo.dk')
    .executeTakeFirstOrThrow();
  const births = await tx
    .selectFrom('birth as b')
    .innerJoin('family as f', 'f.id', 'b.family_id')
    .innerJoin('organisation as o', 'o.id', 'f.org_id')
    .innerJoin('person as c', 'c.id', 'b.child_person_id')
    .select(['b.family_id', 'b.child_person_id', 'c.birth_date', 'f.org_id'])
    .where('o.name', '=', 'Demo Kommune')
    .where('c.birth_date', '>=', addDays(today, -730))
    .where('c.birth_date', '<=', addDays(today, -35))
    .orderBy('c.birth_date')
    .orderBy('c.cpr')
    .execute();
  const rows: Insertable<InfantAdmissionTable>[] = [];
  for (const b of births) {
    if (random() >= 0.065) continue;
    const code = pick(admissionCodes, random());
    const cause = causeOfIcd10(code);
    const admitted = addDays(
      b.birth_date as string,
      cause === 'other' ? 10 + Math.floor(random() * 40) : 2 + Math.floor(random() * 18),
    );
    const discharged = addDays(admitted, 1 + Math.floor(random() * 4));
    // The region sends its file at the start of the next month.
    const imported = new Date(
      Math.min(
        now.getTime(),
        Date.parse(`${addDays(`${admitted.slice(0, 7)}-01`, 35).slice(0, 7)}-03T08:00:00Z`),
      ),
    );
    rows.push({
      org_id: b.org_id,
      family_id: b.family_id,
      child_person_id: b.child_person_id,
      admitted_on: admitted,
      discharged_on: discharged,
      icd10: code,
      cause,
      imported_by: importer.id,
      imported_by_org_id: importer.org_id,
      imported_at: imported,
    });
  }
  if (rows.length > 0) await tx.insertInto('infant_admission').values(rows).execute();
}

/** Scores leaning to agreement, as such surveys do; now and then a lower one. */
function score(random: () => number): number {
  const r = random();
  return r < 0.04 ? 2 : r < 0.18 ? 3 : r < 0.55 ? 4 : 5;
}

/**
 * Satisfaction surveys of the new cohorts: after every fourth held session to the parents who
 * came, and at the end of a finished course to all its parents; about three in five answer, a day
 * or two later.
 */
async function seedCohortSurveys(tx: Tx, now: Date, cohorts: readonly SeededCohort[]): Promise<void> {
  const today = copenhagenDate(now);
  const random = mulberry32(20261128);
  const surveys: Insertable<SurveyTable>[] = [];
  const links: Insertable<SurveyLinkTable>[] = [];
  const responses: Insertable<SurveyResponseTable>[] = [];
  for (const c of cohorts) {
    const held = c.sessions.filter((s) => s.held);
    const last = held.at(-1);
    const occasions = [
      ...held.filter((s) => s.number % 4 === 0).map((s) => ({ session: s, atEnd: false })),
      ...(c.ended && last ? [{ session: last, atEnd: true }] : []),
    ];
    for (const { session, atEnd } of occasions) {
      const surveyId = randomUUID();
      surveys.push({
        id: surveyId,
        org_id: c.orgId,
        occasion: atEnd ? 'course_end' : 'session',
        offer_id: c.offerId,
        session_id: atEnd ? null : session.id,
        cohort_id: atEnd ? c.id : null,
        case_id: null,
        occasion_date: session.day,
        created_by: c.facilitator,
        created_at: session.startsAt,
      });
      const parents = atEnd
        ? await tx
            .selectFrom('enrollment_participant as ep')
            .innerJoin('enrollment as e', 'e.id', 'ep.enrollment_id')
            .innerJoin('person as p', 'p.id', 'ep.person_id')
            .select(['ep.person_id', 'e.family_id'])
            .where('e.id', 'in', c.enrollmentIds)
            .where('e.status', '=', 'completed')
            .orderBy('p.cpr')
            .execute()
        : await tx
            .selectFrom('attendance as a')
            .innerJoin('enrollment as e', 'e.id', 'a.enrollment_id')
            .innerJoin('person as p', 'p.id', 'a.person_id')
            .select(['a.person_id', 'e.family_id'])
            .where('a.session_id', '=', session.id)
            .where('a.present', '=', true)
            .orderBy('p.cpr')
            .execute();
      for (const p of parents) {
        const answeredOn = addDays(session.day, Math.floor(random() * 3));
        const answered = random() < 0.6 && answeredOn <= today;
        links.push({
          survey_id: surveyId,
          org_id: c.orgId,
          token_hash: hashSurveyToken(newSurveyToken()),
          person_id: p.person_id,
          family_id: p.family_id,
          answered,
          created_at: session.startsAt,
        });
        if (!answered) continue;
        responses.push({
          survey_id: surveyId,
          org_id: c.orgId,
          offer_id: c.offerId,
          answered_on: answeredOn,
          can_act: score(random),
          heard: score(random),
          satisfied: score(random),
          free_text: null,
        });
      }
    }
  }
  for (const [table, rows] of [
    ['survey', surveys],
    ['survey_link', links],
    ['survey_response', responses],
  ] as const) {
    for (let i = 0; i < rows.length; i += 500)
      // The rows above match each table; Kysely's typing cannot follow the table name in the loop.
      await tx
        .insertInto(table)
        .values(rows.slice(i, i + 500) as never)
        .execute();
  }
}

/**
 * Step 8 in the demo: the activity the outcome figures are made of, so a programme lead opening
 * "Tal og resultater" sees Demo Kommune as a working service over the last two years — reach around
 * 75–80 %, attendance by mothers and fathers, some dropout, EPDS for both parents with positives
 * followed up, readmissions and satisfaction answers. Only synthetic families born by now take
 * part, their cohorts are led by the Syd district's health visitors and every follow-up is done:
 * the demo family, the demo health visitor's cohorts and every worklist stay as they were.
 */
export async function seedOutcomes(tx: Tx, now: Date): Promise<void> {
  const cohorts = await seedOutcomeCohorts(tx, now);
  await seedOutcomeScreenings(tx, now);
  await seedReadmissions(tx, now);
  await seedCohortSurveys(tx, now, cohorts);
}
