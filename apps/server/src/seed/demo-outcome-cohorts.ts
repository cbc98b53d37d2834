import { randomUUID } from 'node:crypto';
import {
  addDays,
  copenhagenDate,
  copenhagenLocalToInstant,
  daysBetween,
  fivTemplate,
  sessionDate,
  type TemplateSession,
} from '@familiespor/domain';
import type { Insertable } from 'kysely';
import type {
  AttendanceTable,
  CohortTable,
  CourseSessionTable,
  EnrollmentEventTable,
  EnrollmentParticipantTable,
  EnrollmentTable,
} from '../db/schema';
import type { Tx } from '../db/scope';
import { mulberry32 } from './seeded-random';

/** How far back the demo's cohorts reach: the indicators' refresh window of two years. */
const historyDays = 730;
/** Families due within this many days share a cohort, as the programme lead would plan them. */
const cohortSpanDays = 56;

const danishMonths = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];

const dropoutReasons = [
  'Flyttet fra kommunen',
  'Kunne ikke få det til at passe med arbejdet',
  'Familien ønskede ikke at fortsætte',
];

type Family = { familyId: string; due: string; parents: { id: string; role: string }[] };

export type SeededCohort = {
  id: string;
  offerId: string;
  orgId: string;
  facilitator: string;
  ended: boolean;
  sessions: { id: string; number: number; day: string; startsAt: Date; held: boolean }[];
  enrollmentIds: string[];
};

const chunked = async <T>(rows: readonly T[], insert: (part: T[]) => Promise<unknown>) => {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
};

/**
 * First-time parents of the last two years who were never offered a place, so Familieiværksætterne
 * reached only the few families of the three named cohorts. Ordered by due date and the mother's
 * CPR number, so the same families are chosen every time the demo is created.
 */
async function unenrolledFirstTimeFamilies(tx: Tx, orgId: string, offerId: string, today: string) {
  const rows = await tx
    .selectFrom('pregnancy as p')
    .innerJoin('family as f', 'f.id', 'p.family_id')
    .innerJoin('person as m', 'm.id', 'p.mother_person_id')
    .select(['p.family_id', 'p.due_date'])
    .where('f.org_id', '=', orgId)
    .where('p.first_child', '=', true)
    .where('p.status', '=', 'born')
    .where('p.due_date', '>=', addDays(today, -historyDays))
    .where('p.due_date', '<', today)
    .where((eb) =>
      eb.not(
        eb.or([
          eb.exists(
            eb
              .selectFrom('enrollment as e')
              .select('e.id')
              .whereRef('e.family_id', '=', 'p.family_id')
              .where('e.offer_id', '=', offerId),
          ),
          // The demo parents' own family stays as the browser tests know it.
          eb.exists(
            eb
              .selectFrom('family_member as fm')
              .innerJoin('parent_account as pa', 'pa.person_id', 'fm.person_id')
              .select('pa.person_id')
              .whereRef('fm.family_id', '=', 'p.family_id'),
          ),
        ]),
      ),
    )
    .orderBy('p.due_date')
    .orderBy('m.cpr')
    .execute();
  const members = await tx
    .selectFrom('family_member')
    .select(['family_id', 'person_id', 'role'])
    .where('org_id', '=', orgId)
    .where('role', 'in', ['mother', 'father', 'co_parent'])
    .orderBy('role')
    .execute();
  const byFamily = new Map<string, { id: string; role: string }[]>();
  for (const m of members) {
    const list = byFamily.get(m.family_id) ?? [];
    list.push({ id: m.person_id, role: m.role });
    byFamily.set(m.family_id, list);
  }
  return rows.map(
    (r): Family => ({ familyId: r.family_id, due: r.due_date, parents: byFamily.get(r.family_id) ?? [] }),
  );
}

/**
 * Familieiværksætterne for the first-time parents of the last two years, as a municipality that
 * reaches most of them (the Aarhus trial reached 80 %): cohorts of families due within eight weeks
 * of each other, about four in five families on one, mothers and fathers checked in one by one
 * (about 70 % and 66 % of the sessions, as the trial's 8.4 and 7.9 of 12), a few families
 * dropping out on the way. Cohorts whose last session is held are over (their parents completed);
 * the later ones are still running. They are led by the Syd district's health visitors, so the
 * demo health visitor's "Mine hold" keeps the two cohorts the browser tests know.
 */
export async function seedOutcomeCohorts(tx: Tx, now: Date): Promise<SeededCohort[]> {
  const today = copenhagenDate(now);
  const random = mulberry32(20261125);
  const org = await tx
    .selectFrom('organisation')
    .select('id')
    .where('name', '=', 'Demo Kommune')
    .executeTakeFirstOrThrow();
  const offer = await tx
    .selectFrom('offer')
    .select('id')
    .where('org_id', '=', org.id)
    .where('fiv', '=', true)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const sites = await tx
    .selectFrom('offer_site')
    .select(['id', 'name', 'address'])
    .where('offer_id', '=', offer.id)
    .orderBy('name')
    .execute();
  const facilitators = (
    await tx
      .selectFrom('staff_user')
      .select('id')
      .where('email', 'in', ['nadia.karimi@demo.dk', 'birthe.lund@demo.dk'])
      .orderBy('email')
      .execute()
  ).map((s) => s.id);
  const registeredBy = await tx
    .selectFrom('staff_user')
    .select('id')
    .where('email', '=', 'jordemoder@demo.dk')
    .executeTakeFirstOrThrow();
  if (sites.length === 0 || facilitators.length === 0) return [];

  const families = await unenrolledFirstTimeFamilies(tx, org.id, offer.id, today);
  // Families due within eight weeks of each other, oldest first; a window with too few families
  // for a cohort of its own joins the next one, as a programme lead would plan them.
  const windows = new Map<number, Family[]>();
  for (const f of families) {
    const k = Math.floor(daysBetween(f.due, today) / cohortSpanDays);
    windows.set(k, [...(windows.get(k) ?? []), f]);
  }
  const groups: Family[][] = [];
  let waiting: Family[] = [];
  for (const [, group] of [...windows.entries()].sort((a, b) => b[0] - a[0])) {
    // Reach varies from window to window, around four in five of the families.
    const share = 0.68 + random() * 0.16;
    const order = group.map((f) => ({ f, r: random() })).sort((a, b) => a.r - b.r);
    waiting.push(...order.slice(0, Math.round(group.length * share)).map((x) => x.f));
    if (waiting.length >= 5) {
      groups.push(waiting.slice(0, 10));
      waiting = waiting.slice(10);
    }
  }
  if (waiting.length > 0) groups.push(waiting);

  const cohorts: Insertable<CohortTable>[] = [];
  const sessions: Insertable<CourseSessionTable>[] = [];
  const enrollments: Insertable<EnrollmentTable>[] = [];
  const participants: Insertable<EnrollmentParticipantTable>[] = [];
  const events: Insertable<EnrollmentEventTable>[] = [];
  const attendance: Insertable<AttendanceTable>[] = [];
  const seeded: SeededCohort[] = [];
  const names = new Set<string>();
  let underway = 0;
  for (const [k, chosen] of groups.entries()) {
    const dues = chosen.map((f) => f.due).sort();
    const anchor = dues[Math.floor((dues.length - 1) / 2)] as string;
    const site = sites[k % sites.length] as (typeof sites)[number];
    const facilitator = facilitators[k % facilitators.length] as string;
    const cohortId = randomUUID();
    const plan = (fivTemplate as readonly TemplateSession[]).map((t, i) => {
      const day = sessionDate(t.offset, anchor);
      const startsAt = copenhagenLocalToInstant(`${day} 17:00`) ?? new Date(`${day}T16:00:00Z`);
      return { id: randomUUID(), number: i + 1, day, startsAt, held: day < today, template: t };
    });
    const ended = plan.every((s) => s.held);
    const lastDay = (plan.at(-1) as (typeof plan)[number]).day;
    const month = `Hold ${danishMonths[Number(anchor.slice(5, 7)) - 1]} ${anchor.slice(0, 4)}`;
    const name = names.has(month) ? `${month} II` : month;
    names.add(name);
    cohorts.push({
      id: cohortId,
      offer_id: offer.id,
      org_id: org.id,
      site_id: site.id,
      name,
      language: 'da',
      facilitator_user_id: facilitator,
      due_from: dues[0] as string,
      due_to: dues.at(-1) as string,
      // Over for a good while: the parents' network has gone its own way.
      status: !ended ? 'running' : addDays(lastDay, 120) < today ? 'ended' : 'network',
      created_at: new Date(`${addDays(anchor, -120)}T09:00:00Z`),
    });
    for (const s of plan) {
      sessions.push({
        id: s.id,
        offer_id: offer.id,
        org_id: org.id,
        cohort_id: cohortId,
        number: s.number,
        template_key: s.template.key,
        title: s.template.title,
        theme: s.template.theme,
        starts_at: s.startsAt,
        ends_at: new Date(s.startsAt.getTime() + 2 * 3_600_000),
        place: `${site.name}, ${site.address}`,
        facilitator_user_id: facilitator,
        guest_presenters: '[]',
        status: s.held ? 'held' : 'planned',
      });
    }
    const held = plan.filter((s) => s.held);
    const enrollmentIds: string[] = [];
    for (const f of chosen) {
      const id = randomUUID();
      enrollmentIds.push(id);
      const signedUp = new Date(`${addDays(anchor, -130 + Math.floor(random() * 21))}T09:00:00Z`);
      // Most couples come together; now and then only the mother is signed up.
      const who = f.parents.filter((p) => p.role === 'mother' || random() < 0.9);
      // Some families stop on the way: after a few sessions, not before the first.
      const dropAfter =
        held.length >= 4 && ++underway % 13 === 6 ? 2 + Math.floor(random() * (held.length - 3)) : null;
      const dropped = dropAfter === null ? null : (held[dropAfter - 1] as (typeof held)[number]);
      const endedAt = dropped
        ? new Date(`${addDays(dropped.day, 3)}T10:00:00Z`)
        : ended
          ? new Date((plan.at(-1) as (typeof plan)[number]).startsAt.getTime() + 2 * 3_600_000)
          : null;
      const status = dropped ? 'dropped_out' : ended ? 'completed' : 'enrolled';
      const reason = dropped
        ? (dropoutReasons[Math.floor(random() * dropoutReasons.length)] as string)
        : null;
      enrollments.push({
        id,
        offer_id: offer.id,
        org_id: org.id,
        family_id: f.familyId,
        family_org_id: org.id,
        status,
        due_date: f.due,
        cohort_id: cohortId,
        signed_up_at: signedUp,
        enrolled_at: signedUp,
        ended_at: endedAt,
        end_reason: reason,
        created_by_kind: 'staff',
        created_by: registeredBy.id,
      });
      participants.push(...who.map((p) => ({ enrollment_id: id, person_id: p.id, org_id: org.id })));
      events.push({ enrollment_id: id, org_id: org.id, status: 'enrolled', at: signedUp, by_kind: 'staff' });
      if (endedAt)
        events.push({ enrollment_id: id, org_id: org.id, status, at: endedAt, by_kind: 'staff', reason });
      // How keen the family is: some come nearly every time, some now and then.
      const keen = 0.8 + random() * 0.3;
      for (const s of dropAfter === null ? held : held.slice(0, dropAfter)) {
        for (const p of who) {
          const likely = (p.role === 'mother' ? 0.74 : 0.7) * keen;
          attendance.push({
            session_id: s.id,
            person_id: p.id,
            enrollment_id: id,
            org_id: org.id,
            present: random() < Math.min(0.97, likely),
            recorded_by: facilitator,
            recorded_at: new Date(s.startsAt.getTime() + 2 * 3_600_000),
          });
        }
      }
    }
    seeded.push({
      id: cohortId,
      offerId: offer.id,
      orgId: org.id,
      facilitator,
      ended,
      sessions: plan.map(({ template: _t, ...s }) => s),
      enrollmentIds,
    });
  }

  await chunked(cohorts, (part) => tx.insertInto('cohort').values(part).execute());
  await chunked(sessions, (part) => tx.insertInto('course_session').values(part).execute());
  await chunked(enrollments, (part) => tx.insertInto('enrollment').values(part).execute());
  await chunked(participants, (part) => tx.insertInto('enrollment_participant').values(part).execute());
  await chunked(events, (part) => tx.insertInto('enrollment_event').values(part).execute());
  await chunked(attendance, (part) => tx.insertInto('attendance').values(part).execute());
  return seeded;
}
