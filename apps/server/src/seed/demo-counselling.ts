import { randomUUID } from 'node:crypto';
import { addDays, type CounsellingOutcome, copenhagenDate, startOfCopenhagenDay } from '@familiespor/domain';
import { type Insertable, sql } from 'kysely';
import type { CounsellingContactTable, CounsellingGoalScoreTable, CounsellingGoalTable } from '../db/schema';
import type { Tx } from '../db/scope';
import { familyCopy } from '../modules/counselling/counselling-family-copy';
import { type Member, type Plan, seedParties, seedReferral, timesUpTo } from './demo-counselling-links';
import { mulberry32 } from './seeded-random';

/**
 * Step 7 in the demo: Boligsocialt Sekretariat Demo's family counselling. Last year reads like
 * Vollsmose 2017 — 58 families counselled, 23 of them closed as no longer needing special support —
 * and Ahmed Hassan (familieraadgiver@demo.dk) has open cases now, with goals scaled over time,
 * contacts and collaborating parties. Deterministic and relative to today.
 */

const lastYearCounselled = 58;
/** Of the cases closed last year, by outcome: 23 no longer need special support. */
const closedLastYear: readonly [CounsellingOutcome, number][] = [
  ['no_special_support', 23],
  ['municipal_measure', 7],
  ['moved', 5],
  ['ended_by_family', 3],
  ['other', 2],
];
/** Cases still open at the end of last year that close this year, one every 20 days so far. */
const carriedOverClosing = 10;
const openedThisYear = [50, 25, 4];

const reasons = [
  'Mor er alene med to små børn og har svært ved at overskue hverdagen.',
  'Forældrene skændes meget og vil gerne have hjælp til at samarbejde om barnet.',
  'Familien er nyankommet og kender ikke de danske tilbud; far er bekymret for økonomien.',
  'Mor har haft en svær fødsel og er trist; familien har ikke netværk i byen.',
  'Barnet græder meget om natten, og forældrene er udkørte.',
  'Familien skal flytte og har brug for hjælp til kontakten med kommunen og boligselskabet.',
];
const goalTitles = [
  'Mor får struktur på hverdagen',
  'Barnet kommer i vuggestue eller dagpleje',
  'Forældrene kan tale sammen om barnet uden at skændes',
  'Familien bruger et tilbud i boligområdet',
  'Familien har styr på økonomien og regningerne',
  'Barnet sover igennem om natten',
];
const notes = [
  'Hjemmebesøg. Vi talte om søvn og faste rutiner; mor vil prøve en ugeplan.',
  'Samtale på kontoret. Far deltog; vi gennemgik budgettet sammen.',
  'Telefonsamtale. Mor fortæller, at det går bedre med nætterne.',
  'Fælles møde med sundhedsplejersken om barnets trivsel.',
  'Hjemmebesøg. Vi fulgte op på målene; familien har meldt sig til babysalmesang.',
  'Videosamtale. Mor har fået tid hos egen læge og har det lidt bedre.',
];
const forms = ['home_visit', 'office', 'phone', 'home_visit', 'with_partner', 'video'] as const;

/** When each case opened and closed: last year's 58, then this year's new ones. */
function plans(today: string, random: () => number): Plan[] {
  const year = Number(today.slice(0, 4));
  const lastYear = { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  const jan1 = `${year}-01-01`;
  const out: Plan[] = [];
  const closings = closedLastYear.flatMap(([outcome, n]) => Array.from({ length: n }, () => outcome));
  // Spread the outcomes over the year rather than in blocks of one kind (a seeded shuffle).
  for (let i = closings.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [closings[i], closings[j]] = [closings[j] as CounsellingOutcome, closings[i] as CounsellingOutcome];
  }
  closings.forEach((outcome, i) => {
    const closedOn = addDays(lastYear.from, 8 + Math.floor((i * 350) / closings.length));
    const duration = 100 + Math.floor(random() * 300);
    out.push({ openedOn: addDays(closedOn, -duration), closedOn, outcome });
  });
  const carried = lastYearCounselled - closings.length;
  for (let i = 0; i < carried; i++) {
    const openedOn = addDays(lastYear.from, 30 + Math.floor((i * 320) / carried));
    const plannedClose = addDays(jan1, 20 * (i + 1));
    const closes = i < carriedOverClosing && plannedClose < today;
    const outcome: CounsellingOutcome = i % 3 === 2 ? 'municipal_measure' : 'no_special_support';
    out.push({ openedOn, closedOn: closes ? plannedClose : null, outcome: closes ? outcome : null });
  }
  for (const back of openedThisYear) {
    const day = addDays(today, -back);
    out.push({ openedOn: day < jan1 ? jan1 : day, closedOn: null, outcome: null });
  }
  return out;
}

export async function seedCounselling(tx: Tx, now: Date): Promise<void> {
  const today = copenhagenDate(now);
  const at = timesUpTo(now);
  const random = mulberry32(20270107);
  const id = async (table: 'organisation' | 'unit', name: string) =>
    (await tx.selectFrom(table).select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const staff = async (email: string) =>
    (await tx.selectFrom('staff_user').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const kommune = await id('organisation', 'Demo Kommune');
  const bolig = await id('organisation', 'Boligsocialt Sekretariat Demo');
  const frg = await id('unit', 'Familierådgivningen i boligområdet');
  const ahmed = await staff('familieraadgiver@demo.dk');
  const mette = await staff('sundhedsplejerske@demo.dk');
  const demoMother = await tx
    .selectFrom('person')
    .select('id')
    .where('email', '=', 'mor@demo.dk')
    .executeTakeFirst();

  const schedule = plans(today, random);
  // Families of the municipality with a parent with custody, in a fixed order (their CPR numbers
  // come from the seeded generator), leaving the demo parents' own family alone.
  const families = await sql<{ family_id: string }>`
    SELECT m.family_id FROM family_member m JOIN person p ON p.id = m.person_id JOIN family f ON f.id = m.family_id
    WHERE f.org_id = ${kommune}::uuid AND m.role <> 'child' AND m.custody AND p.cpr IS NOT NULL
      AND m.family_id NOT IN (SELECT family_id FROM family_member WHERE person_id = ${demoMother?.id ?? null}::uuid)
    GROUP BY m.family_id ORDER BY min(p.cpr) LIMIT ${schedule.length}`.execute(tx);
  const familyIds = families.rows.map((r) => r.family_id);
  const members = await tx
    .selectFrom('family_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select([
      'm.family_id',
      'm.person_id',
      'm.role',
      'm.custody',
      'p.given_name',
      'p.family_name',
      'p.birth_date',
    ])
    .where('m.family_id', 'in', familyIds.length > 0 ? familyIds : ['00000000-0000-0000-0000-000000000000'])
    .orderBy(sql`CASE m.role WHEN 'mother' THEN 1 WHEN 'father' THEN 2 WHEN 'co_parent' THEN 3 ELSE 4 END`)
    .orderBy('p.given_name')
    .execute();

  const goals: Insertable<CounsellingGoalTable>[] = [];
  const scores: Insertable<CounsellingGoalScoreTable>[] = [];
  const contacts: Insertable<CounsellingContactTable>[] = [];
  for (const [i, plan] of schedule.entries()) {
    const familyId = familyIds[i];
    if (!familyId) break; // a demo with fewer families than cases
    const own = members.filter((m) => m.family_id === familyId);
    const parent = own.find((m) => m.role !== 'child' && m.custody) as Member;
    const end = plan.closedOn ?? today;
    const fromReferral = i % 3 === 0;
    const involvement = await tx
      .insertInto('involvement')
      .values({
        family_id: familyId,
        family_org_id: kommune,
        org_id: bolig,
        unit_id: frg,
        staff_user_id: ahmed,
        kind: 'counselling',
        reason: 'Familierådgivning: et rådgivningsforløb er åbnet',
        started_at: at(plan.openedOn),
        ended_at: plan.closedOn ? at(plan.closedOn, 3) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const referralId = fromReferral
      ? await seedReferral(tx, at, { familyId, kommune, bolig, frg, mette, ahmed, plan })
      : null;
    const consentId = fromReferral
      ? null
      : (
          await tx
            .insertInto('consent')
            .values({
              family_id: familyId,
              family_org_id: kommune,
              granted_by_person_id: parent.person_id,
              categories: ['identity'],
              from_org_id: kommune,
              to_org_id: bolig,
              purpose: 'Familien har selv bedt om familierådgivning',
              valid_from: at(plan.openedOn),
              valid_to: startOfCopenhagenDay(addDays(plan.openedOn, 731)),
              captured_how: i % 2 === 0 ? 'verbal' : 'paper',
              captured_by: ahmed,
              captured_at: at(plan.openedOn),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    const c = await tx
      .insertInto('counselling_case')
      .values({
        org_id: bolig,
        unit_id: frg,
        family_id: familyId,
        family_org_id: kommune,
        counsellor_id: ahmed,
        family_copy: JSON.stringify(familyCopy(own)),
        reason: reasons[i % reasons.length] as string,
        opened_from: fromReferral ? 'referral' : 'own_request',
        referral_id: referralId,
        requested_by_person_id: fromReferral ? null : parent.person_id,
        request_how: fromReferral ? null : i % 2 === 0 ? 'verbal' : 'paper',
        consent_id: consentId,
        involvement_id: involvement.id,
        opened_on: plan.openedOn,
        opened_at: at(plan.openedOn),
        opened_by: ahmed,
        status: plan.closedOn ? 'closed' : 'open',
        closed_on: plan.closedOn,
        closed_at: plan.closedOn ? at(plan.closedOn, 3) : null,
        closed_by: plan.closedOn ? ahmed : null,
        outcome: plan.outcome,
        closing_note:
          plan.outcome === 'other'
            ? 'Familien fik hjælp gennem et andet projekt i boligområdet.'
            : plan.outcome === 'no_special_support'
              ? 'Familien klarer hverdagen selv og ved, hvor de kan få hjælp.'
              : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Goals agreed at the start, scored at the start, along the way and (closed) at the end.
    const span = Math.max(0, Math.round((Date.parse(end) - Date.parse(plan.openedOn)) / 86_400_000));
    const goalCount = 2 + (i % 2);
    for (let g = 0; g < goalCount; g++) {
      const goalId = randomUUID();
      goals.push({
        id: goalId,
        case_id: c.id,
        org_id: bolig,
        title: goalTitles[(i + g) % goalTitles.length] as string,
        position: g,
        created_on: plan.openedOn,
        created_at: at(plan.openedOn, 1),
        created_by: ahmed,
      });
      const start = 1 + Math.floor(random() * 3);
      const target =
        plan.outcome === 'no_special_support' ? 7 + Math.floor(random() * 3) : 3 + Math.floor(random() * 4);
      const points = Math.min(4, 1 + Math.floor(span / 45));
      for (let k = 0; k < points; k++) {
        const day =
          points === 1 ? plan.openedOn : addDays(plan.openedOn, Math.floor((span * k) / (points - 1)));
        scores.push({
          goal_id: goalId,
          case_id: c.id,
          org_id: bolig,
          score: Math.min(10, Math.round(start + ((target - start) * k) / Math.max(1, points - 1))),
          scored_on: day,
          note: null,
          scored_by: ahmed,
          scored_at: at(day, 2),
        });
      }
    }
    // A contact every three weeks or so, at most eight per case.
    const contactCount = Math.min(8, 1 + Math.floor(span / 21));
    for (let k = 0; k < contactCount; k++) {
      const day = addDays(plan.openedOn, Math.floor((span * k) / Math.max(1, contactCount)));
      contacts.push({
        case_id: c.id,
        org_id: bolig,
        contact_on: day,
        form: forms[(i + k) % forms.length] as (typeof forms)[number],
        duration_minutes: 30 + 15 * Math.floor(random() * 5),
        participants:
          k % 3 === 1
            ? ['mother', 'father_co_parent']
            : k % 3 === 2
              ? ['mother', 'child', 'health_visitor']
              : ['mother', 'child'],
        note: notes[(i + k) % notes.length] as string,
        recorded_by: ahmed,
        recorded_at: at(day, 4),
      });
    }
    if (!plan.closedOn)
      await seedParties(tx, at, {
        caseId: c.id,
        bolig,
        ahmed,
        parent,
        index: i,
        openedOn: plan.openedOn,
        today,
        familyId,
        kommune,
      });
  }
  for (let k = 0; k < goals.length; k += 500)
    await tx
      .insertInto('counselling_goal')
      .values(goals.slice(k, k + 500))
      .execute();
  for (let k = 0; k < scores.length; k += 500)
    await tx
      .insertInto('counselling_goal_score')
      .values(scores.slice(k, k + 500))
      .execute();
  for (let k = 0; k < contacts.length; k += 500)
    await tx
      .insertInto('counselling_contact')
      .values(contacts.slice(k, k + 500))
      .execute();
}
