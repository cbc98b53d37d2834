import { randomUUID } from 'node:crypto';
import {
  addDays,
  copenhagenDate,
  type EpdsRespondent,
  epdsFollowUps,
  scoreEpds,
  screeningFollowUpKey,
} from '@familiespor/domain';
import type { Insertable } from 'kysely';
import type { ScreeningTable, TaskEventTable, TaskTable } from '../db/schema';
import type { Tx } from '../db/scope';
import { mulberry32 } from './seeded-random';

const forwardScored = new Set([0, 1, 3]);
/** Item scores (0–3) → the option indexes a parent ticks (items 3 and 5–10 are reverse-scored). */
const answersOf = (scores: readonly number[]) => scores.map((s, i) => (forwardScored.has(i) ? s : 3 - s));

/** A parent doing well: mostly 0, now and then a 1 or 2; never on item 10. */
function wellScores(random: () => number): number[] {
  return Array.from({ length: 10 }, (_, i) => {
    if (i === 9) return 0;
    const r = random();
    return r < 0.06 ? 2 : r < 0.3 ? 1 : 0;
  });
}

/** A parent at or above the cut-off (11 for mothers, 10 for fathers and co-parents), item 10 aside. */
function positiveScores(random: () => number, selfHarm: boolean): number[] {
  const scores = Array.from({ length: 10 }, (_, i) =>
    i === 9 ? (selfHarm ? 1 : 0) : 1 + Math.floor(random() * 2.4),
  );
  for (let i = 0; scores.reduce((n, x) => n + x, 0) < 13; i = (i + 1) % 9)
    scores[i] = Math.min(3, (scores[i] ?? 0) + 1);
  return scores;
}

type Screened = {
  familyId: string;
  childId: string | null;
  personId: string;
  role: EpdsRespondent;
  on: string;
  visitId: string | null;
  staffId: string;
  assignee: { userId: string } | { unitId: string };
  unitId: string | null;
};

const row = (
  s: Screened,
  orgId: string,
  scores: readonly number[],
): Insertable<ScreeningTable> & { id: string } => {
  const answers = answersOf(scores);
  const r = scoreEpds(answers, s.role);
  return {
    id: randomUUID(),
    org_id: orgId,
    family_id: s.familyId,
    child_person_id: s.childId,
    respondent_person_id: s.personId,
    respondent_role: s.role,
    instrument: 'epds',
    answers,
    total: r.total,
    cutoff: r.cutoff,
    band: r.band,
    flags: r.flags,
    observed_on: s.on,
    in_pregnancy: false,
    visit_id: s.visitId,
    entered_by_kind: 'staff',
    recorded_by: s.staffId,
    created_at: new Date(`${s.on}T11:00:00Z`),
  };
};

/**
 * EPDS as a health visiting service screens: fathers and co-parents at the 2-month visit in about
 * half the families (mothers are screened there nearly always, part 0004), and a few parents at
 * or above the cut-off — about one in twelve — each followed up as the screening rule asks: a
 * repeat after two weeks (now and then a few days late), a referral when the repeat is still
 * high, and the two item-10 alerts handled the same day. Every follow-up is done, so no worklist
 * gains a task. The mothers' screenings of part 0004 all fell below the cut-off; a few of the
 * older ones are rescored here, so mothers have positives too.
 */
export async function seedOutcomeScreenings(tx: Tx, now: Date): Promise<void> {
  const today = copenhagenDate(now);
  const random = mulberry32(20261126);
  const org = await tx
    .selectFrom('organisation')
    .select('id')
    .where('name', '=', 'Demo Kommune')
    .executeTakeFirstOrThrow();
  const mette = await tx
    .selectFrom('staff_user')
    .select('id')
    .where('email', '=', 'sundhedsplejerske@demo.dk')
    .executeTakeFirstOrThrow();
  // The 2-month visits done in the last two years, with each family's parents and coordinator.
  const visits = await tx
    .selectFrom('child_visit as v')
    .innerJoin('family as f', 'f.id', 'v.family_id')
    .innerJoin('family_member as m', 'm.family_id', 'v.family_id')
    .innerJoin('person as child', 'child.id', 'v.child_person_id')
    .leftJoin('coordinator_assignment as c', (j) =>
      j.onRef('c.family_id', '=', 'v.family_id').on('c.ended_at', 'is', null),
    )
    .select([
      'v.id',
      'v.family_id',
      'v.child_person_id',
      'v.done_on',
      'v.recorded_by',
      'm.person_id',
      'm.role',
      'f.district_unit_id',
      'c.staff_user_id as coordinator',
    ])
    .where('f.org_id', '=', org.id)
    .where('v.visit_key', '=', 'month2')
    .where('v.status', '=', 'done')
    .where('v.done_on', '>=', addDays(today, -730))
    .where('m.role', 'in', ['mother', 'father', 'co_parent'])
    .orderBy('v.done_on')
    .orderBy('child.cpr')
    .orderBy('m.role')
    .execute();
  const mothersScreenings = new Map(
    (
      await tx
        .selectFrom('screening as s')
        .select(['s.id', 's.respondent_person_id', 's.observed_on'])
        .where('s.org_id', '=', org.id)
        .where('s.instrument', '=', 'epds')
        .where('s.respondent_role', '=', 'mother')
        .where('s.in_pregnancy', '=', false)
        .execute()
    ).map((s) => [`${s.respondent_person_id}|${s.observed_on}`, s.id]),
  );

  const screenings: (Insertable<ScreeningTable> & { id: string })[] = [];
  const tasks: (Insertable<TaskTable> & { id: string })[] = [];
  const taskEvents: Insertable<TaskEventTable>[] = [];
  let alerts = 0;
  let mothersSeen = 0;
  let positives = 0;
  let partnersSeen = 0;

  const task = (
    s: Screened,
    kind: 'epds_repeat' | 'epds_referral' | 'self_harm_alert',
    screeningId: string,
    window: { start: string; due: string; end: string },
    assignee: { userId: string } | { unitId: string },
    doneOn: string,
    reason: string,
  ) => {
    const id = randomUUID();
    const created = new Date(`${s.on}T11:05:00Z`);
    const done = new Date(`${doneOn}T${kind === 'self_harm_alert' ? '14' : '12'}:30:00Z`);
    tasks.push({
      id,
      org_id: org.id,
      family_id: s.familyId,
      assignee_user_id: 'userId' in assignee ? assignee.userId : null,
      assignee_unit_id: 'unitId' in assignee ? assignee.unitId : null,
      kind,
      key: screeningFollowUpKey(kind, screeningId, assignee),
      window_start: window.start,
      due: window.due,
      window_end: window.end,
      state: 'completed',
      reason,
      rule: 'screening_follow_up',
      created_at: created,
      updated_at: done,
    });
    taskEvents.push(
      { task_id: id, org_id: org.id, state: 'ready', at: created, note: reason },
      { task_id: id, org_id: org.id, state: 'completed', at: done, by_user: s.staffId, note: null },
    );
  };

  /** A positive screening's follow-up: the repeat, and a referral if the repeat is high too. */
  const followUp = (s: Screened, screeningId: string, scores: readonly number[]) => {
    const result = scoreEpds(answersOf(scores), s.role);
    for (const fu of epdsFollowUps(result, s.on, false)) {
      if (fu.kind === 'self_harm_alert') {
        // Two alerts handled the same day; the third the morning after.
        const handledOn = alerts === 3 ? addDays(s.on, 1) : s.on;
        for (const a of [s.assignee, ...(s.unitId && 'userId' in s.assignee ? [{ unitId: s.unitId }] : [])])
          task(
            s,
            fu.kind,
            screeningId,
            fu.window,
            a,
            handledOn,
            'EPDS spørgsmål 10: tanker om at skade sig selv — tag kontakt i dag',
          );
      }
    }
    const repeatWindow = epdsFollowUps(result, s.on, false).find((f) => f.kind === 'epds_repeat')?.window;
    if (!repeatWindow) return;
    // On the first day of the window, but one in seven a few days late.
    const repeatOn = addDays(s.on, ++positives % 7 === 0 ? 15 + Math.floor(random() * 9) : 14);
    task(
      s,
      'epds_repeat',
      screeningId,
      repeatWindow,
      s.assignee,
      repeatOn,
      'EPDS over grænseværdien: gentag om 2–3 uger',
    );
    // One in four is still high at the repeat and is referred.
    const stillHigh = positives % 4 === 2;
    const repeatScores = stillHigh ? positiveScores(random, false) : wellScores(random);
    const repeat = row({ ...s, on: repeatOn, visitId: null }, org.id, repeatScores);
    screenings.push(repeat);
    if (stillHigh) {
      const again = scoreEpds(repeat.answers as number[], s.role);
      const referral = epdsFollowUps(again, repeatOn, true).find((f) => f.kind === 'epds_referral');
      if (referral)
        task(
          { ...s, on: repeatOn },
          'epds_referral',
          repeat.id,
          referral.window,
          s.assignee,
          addDays(repeatOn, 3 + Math.floor(random() * 5)),
          'EPDS fortsat over grænseværdien: henvis',
        );
    }
  };

  for (const v of visits) {
    const on = v.done_on as string;
    const s: Screened = {
      familyId: v.family_id,
      childId: v.child_person_id,
      personId: v.person_id,
      role: v.role as EpdsRespondent,
      on,
      visitId: v.id,
      staffId: v.recorded_by ?? mette.id,
      assignee: v.coordinator
        ? { userId: v.coordinator }
        : v.district_unit_id
          ? { unitId: v.district_unit_id }
          : { userId: mette.id },
      unitId: v.district_unit_id,
    };
    // Old enough that every follow-up lies in the past, and clear of part 0004's item-10 alert.
    const settled = on <= addDays(today, -45);
    if (v.role === 'mother') {
      const id = mothersScreenings.get(`${v.person_id}|${on}`);
      if (!id || !settled) continue;
      // About one mother in twelve, spread over the months rather than left to chance.
      if (++mothersSeen % 12 !== 5) continue;
      const scores = positiveScores(random, alerts < 3 && on >= addDays(today, -330));
      if (scores[9]) alerts++;
      const answers = answersOf(scores);
      const r = scoreEpds(answers, 'mother');
      await tx
        .updateTable('screening')
        .set({ answers, total: r.total, cutoff: r.cutoff, band: r.band, flags: r.flags })
        .where('id', '=', id)
        .execute();
      followUp(s, id, scores);
      continue;
    }
    if (random() >= 0.55) continue;
    const positive = settled && ++partnersSeen % 11 === 3;
    const scores = positive ? positiveScores(random, false) : wellScores(random);
    const screening = row(s, org.id, scores);
    screenings.push(screening);
    if (screening.band === 'at_or_above_cutoff') followUp(s, screening.id, scores);
  }

  for (let i = 0; i < screenings.length; i += 500)
    await tx
      .insertInto('screening')
      .values(screenings.slice(i, i + 500))
      .execute();
  for (let i = 0; i < tasks.length; i += 500)
    await tx
      .insertInto('task')
      .values(tasks.slice(i, i + 500))
      .execute();
  for (let i = 0; i < taskEvents.length; i += 500)
    await tx
      .insertInto('task_event')
      .values(taskEvents.slice(i, i + 500))
      .execute();
}
