import type { cohortPlan, confirmedCohorts, Enrollment, FamilyDetail, Offer } from '@familiespor/contracts';
import { addDays, fivTemplate } from '@familiespor/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  countOfferRows,
  createTestOffer,
  dayOnClock,
  deniedEventsOf,
  enrollAsStaff,
  registerFamily,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, type Session } from '../../../test/http';

type Plan = z.infer<typeof cohortPlan>;
type Confirmed = z.infer<typeof confirmedCohorts>;

/** Date, weekday and wall-clock time of an instant in Copenhagen. */
function copenhagen(iso: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: get('weekday'),
    time: `${get('hour')}:${get('minute')}`,
  };
}

describeEachDatabase('planCohorts and confirmCohortPlan', (kind) => {
  let env: TestEnv;
  let s: CareSetting;
  let offer: Offer;
  /** Two clusters of six couples each: due in about 16 and about 24 weeks. */
  const clusters: { early: Enrollment[]; late: Enrollment[] } = { early: [], late: [] };
  const familyOf = new Map<string, FamilyDetail>();

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
    offer = await createTestOffer(s, { capacity: 100 });
    for (const [key, start] of [
      ['early', 110],
      ['late', 165],
    ] as const) {
      for (let i = 0; i < 6; i++) {
        const { family } = await registerFamily(env, s, { dueInDays: start + i });
        const enrollment = await enrollAsStaff(s.sessions.healthVisitor, offer.id, family);
        clusters[key].push(enrollment);
        familyOf.set(enrollment.id, family);
      }
    }
  });
  afterAll(() => env?.close());

  const preview = (session: Session, body: Record<string, unknown>) =>
    session.request('POST', '/api/cohort-plans/preview', body);
  const confirm = (session: Session, body: Record<string, unknown>) =>
    session.request('POST', '/api/cohort-plans', body);
  const period = () => ({ offerId: offer.id, dueFrom: dayOnClock(env), dueTo: dayOnClock(env, 250) });
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
  const lastDenied = async (actorId: string) => (await deniedEventsOf(env.database.db, actorId)).at(-1);
  const cohortBody = (enrollmentIds: string[], overrides: Record<string, unknown> = {}) => ({
    offerId: offer.id,
    cohorts: [
      {
        name: 'Hold forår 2027',
        siteId: offer.sites[0]?.id,
        language: 'da',
        enrollmentIds,
        facilitatorUserId: s.users.healthVisitor.id,
        ...overrides,
      },
    ],
  });

  describe('preview', () => {
    it('groups the couples by due date: two cohorts of six by cluster, not 10 + 2; nothing saved; audited', async () => {
      const res = await preview(s.sessions.programmeLead, period());
      expect(res.statusCode, res.body).toBe(200);
      const plan = res.json() as Plan;
      expect(plan.cohorts.map((c) => c.families.length)).toEqual([6, 6]);
      expect(plan.cohorts[0]?.families.map((f) => f.enrollmentId).sort()).toEqual(ids(clusters.early));
      expect(plan.cohorts[1]?.families.map((f) => f.enrollmentId).sort()).toEqual(ids(clusters.late));
      expect(plan.cohorts[0]).toMatchObject({
        siteId: offer.sites[0]?.id,
        dueFrom: dayOnClock(env, 110),
        dueTo: dayOnClock(env, 115),
        spreadDays: 5,
        language: 'da',
      });
      expect(plan.unassigned).toEqual([]);
      expect(plan.stats).toMatchObject({ cohorts: 2, couples: 12, maxSpread: 5 });
      expect(await countOfferRows(env.database.db, offer.id)).toMatchObject({
        cohorts: 0,
        sessions: 0,
        inCohorts: 0,
      });

      const audit = (await auditOfRequest(env.database.db, res)).find((e) => e.action === 'read');
      expect(audit).toMatchObject({
        entity_type: 'enrollment',
        purpose: 'cohort_planning',
        actor_id: s.users.programmeLead.id,
      });
      const families = (audit?.detail as { familyIds?: string[] } | undefined)?.familyIds ?? [];
      expect([...families].sort()).toEqual(
        [...clusters.early, ...clusters.late].map((e) => e.familyId).sort(),
      );

      const early = (
        await preview(s.sessions.programmeLead, { ...period(), dueTo: dayOnClock(env, 140) })
      ).json() as Plan;
      expect(early.cohorts.map((c) => c.families.length)).toEqual([6]);
    });

    it('families beyond what the site can run are left unassigned (no_capacity)', async () => {
      const small = await createTestOffer(s, {
        sites: [{ name: 'Lille sundhedshus', address: 'Torvet 2, 5000 Odense C', maxCohorts: 1 }],
      });
      for (const e of [...clusters.early, ...clusters.late.slice(0, 5)]) {
        await enrollAsStaff(s.sessions.healthVisitor, small.id, familyOf.get(e.id) as FamilyDetail);
      }
      const res = await preview(s.sessions.programmeLead, { ...period(), offerId: small.id });
      const plan = res.json() as Plan;
      expect(plan.cohorts.map((c) => c.families.length)).toEqual([10]);
      expect(plan.unassigned).toEqual([
        expect.objectContaining({ familyId: clusters.late[4]?.familyId, reason: 'no_capacity' }),
      ]);
    });

    it('a daycare educator may not plan cohorts (403, denied row); bad periods and fields are 400', async () => {
      const res = await preview(s.sessions.daycare, period());
      expectProblem(res, 403, 'forbidden');
      expect(await lastDenied(s.users.daycare.id)).toMatchObject({
        entity_type: 'cohort_plan',
        detail: { attempted: 'read' },
      });
      expectProblem(await preview(s.sessions.healthVisitor, period()), 403, 'forbidden');
      const backwards = expectProblem(
        await preview(s.sessions.programmeLead, {
          ...period(),
          dueFrom: dayOnClock(env, 10),
          dueTo: dayOnClock(env),
        }),
        400,
        'validation',
      );
      expect(backwards.errors).toContainEqual(expect.objectContaining({ path: 'dueTo' }));
      expectProblem(
        await preview(s.sessions.programmeLead, { ...period(), maxCouples: 12 }),
        400,
        'validation',
      );
      expectProblem(
        await preview(s.sessions.programmeLead, { ...period(), offerId: crypto.randomUUID() }),
        404,
      );
    });
  });

  describe('confirm', () => {
    it('creates the cohort, assigns its families and lays out 16 sessions on the weekday and local time, with guests', async () => {
      const enrollmentIds = clusters.early.map((e) => e.id);
      const guests = [
        {
          name: 'Lise Berg',
          organisation: 'Fynske Bank',
          topic: 'Økonomi som nye forældre',
          sessionNumber: 1,
        },
        { name: 'Omar Ali', organisation: 'Frivilligcenter Odense', topic: 'Netværk', sessionNumber: 9 },
      ];
      const res = await confirm(
        s.sessions.programmeLead,
        cohortBody(enrollmentIds, {
          weekday: 3,
          startTime: '16:30',
          durationMinutes: 150,
          room: 'Lokale 2',
          guestPresenters: guests,
        }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const [cohort] = (res.json() as Confirmed).cohorts;
      if (!cohort) throw new Error('no cohort');
      expect(cohort.name).toBe('Hold forår 2027');
      expect(cohort.sessions.map((x) => x.number)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
      expect(cohort.sessions.map((x) => x.title)).toEqual(fivTemplate.map((t) => t.title));
      for (const session of cohort.sessions) {
        // Wednesday 16:30 in Copenhagen, winter and summer time alike.
        expect(copenhagen(session.startsAt)).toMatchObject({ weekday: 'Wed', time: '16:30' });
        expect(Date.parse(session.endsAt) - Date.parse(session.startsAt)).toBe(150 * 60_000);
        expect(session).toMatchObject({
          cohort: { id: cohort.id },
          facilitator: { id: s.users.healthVisitor.id },
          place: `Lokale 2, ${offer.sites[0]?.name}, ${offer.sites[0]?.address}`,
          status: 'planned',
        });
      }
      const median = dayOnClock(env, 112); // the middle due date of the six (110 … 115)
      const first = copenhagen(cohort.sessions[0]?.startsAt as string).date;
      expect(first >= addDays(median, -98) && first <= addDays(median, -92)).toBe(true);
      expect(cohort.sessions[0]?.guestPresenters).toEqual([
        { name: 'Lise Berg', organisation: 'Fynske Bank', topic: 'Økonomi som nye forældre' },
      ]);
      expect(cohort.sessions[8]?.guestPresenters).toEqual([
        { name: 'Omar Ali', organisation: 'Frivilligcenter Odense', topic: 'Netværk' },
      ]);
      expect(cohort.sessions.filter((x) => x.guestPresenters.length > 0)).toHaveLength(2);

      const familyView = await s.sessions.healthVisitor.request(
        'GET',
        `/api/families/${clusters.early[0]?.familyId}/enrollments`,
      );
      expect((familyView.json() as Enrollment[]).find((e) => e.offerId === offer.id)?.cohortId).toBe(
        cohort.id,
      );
      expect(await countOfferRows(env.database.db, offer.id)).toMatchObject({
        cohorts: 1,
        sessions: 16,
        inCohorts: 6,
      });
      expect(
        (await auditOfRequest(env.database.db, res)).find((e) => e.entity_type === 'cohort'),
      ).toMatchObject({
        action: 'create',
        entity_id: cohort.id,
        actor_id: s.users.programmeLead.id,
      });
    });

    it('a cohort planned late starts a week from today and catches up weekly; no session lies in the past', async () => {
      const late: Enrollment[] = [];
      for (let i = 0; i < 3; i++) {
        // Due in about 11 weeks (pregnancy week 29): session 1 by the template was 3 weeks ago.
        const { family } = await registerFamily(env, s, { dueInDays: 75 + i });
        late.push(await enrollAsStaff(s.sessions.healthVisitor, offer.id, family));
      }
      const res = await confirm(
        s.sessions.programmeLead,
        cohortBody(
          late.map((e) => e.id),
          { name: 'Hold sent', weekday: 2 },
        ),
      );
      expect(res.statusCode, res.body).toBe(201);
      const [cohort] = (res.json() as Confirmed).cohorts;
      const days = (cohort?.sessions ?? []).map((x) => copenhagen(x.startsAt).date);
      expect(days).toHaveLength(16);
      expect(days[0] && days[0] >= dayOnClock(env, 7) && days[0] <= dayOnClock(env, 13)).toBe(true);
      expect(days[1]).toBe(addDays(days[0] as string, 7));
      for (const [i, d] of days.entries()) if (i > 0) expect(d > (days[i - 1] as string)).toBe(true);
    });

    it('the same families cannot be planned twice: 400 not_plannable, nothing written', async () => {
      const before = await countOfferRows(env.database.db, offer.id);
      const res = await confirm(s.sessions.programmeLead, cohortBody(clusters.early.map((e) => e.id)));
      const problem = expectProblem(res, 400, 'validation');
      expect(problem.errors).toHaveLength(6);
      expect(problem.errors[0]).toMatchObject({ path: 'cohorts.0.enrollmentIds.0', code: 'not_plannable' });
      const twice = [clusters.late[0]?.id, clusters.late[0]?.id] as string[];
      const dup = expectProblem(await confirm(s.sessions.programmeLead, cohortBody(twice)), 400);
      expect(dup.errors).toEqual([
        expect.objectContaining({ path: 'cohorts.0.enrollmentIds.1', code: 'not_plannable' }),
      ]);
      expect(await countOfferRows(env.database.db, offer.id)).toEqual(before);
    });

    it('the facilitator must be a health visitor of the offer’s organisation; guests need a real session; 400, nothing written', async () => {
      const before = await countOfferRows(env.database.db, offer.id);
      const lateIds = clusters.late.map((e) => e.id);
      for (const who of ['midwife', 'daycare'] as const) {
        const res = await confirm(
          s.sessions.programmeLead,
          cohortBody(lateIds, { facilitatorUserId: s.users[who].id }),
        );
        expect(expectProblem(res, 400).errors).toEqual([
          { path: 'cohorts.0.facilitatorUserId', code: 'not_eligible', message: expect.any(String) },
        ]);
      }
      const guest = { name: 'Gæst', organisation: 'Firma', topic: 'Emne', sessionNumber: 17 };
      const res = await confirm(s.sessions.programmeLead, cohortBody(lateIds, { guestPresenters: [guest] }));
      expect(expectProblem(res, 400).errors).toContainEqual(
        expect.objectContaining({
          path: 'cohorts.0.guestPresenters.0.sessionNumber',
          code: 'invalid_reference',
        }),
      );
      expectProblem(
        await confirm(s.sessions.programmeLead, cohortBody(lateIds, { weekday: 6 })),
        400,
        'validation',
      );
      expectProblem(
        await confirm(s.sessions.programmeLead, { ...cohortBody(lateIds), draft: true }),
        400,
        'validation',
      );
      expect(await countOfferRows(env.database.db, offer.id)).toEqual(before);
    });

    it('a daycare educator or a health visitor may not confirm a plan: 403 and a denied row', async () => {
      const before = await countOfferRows(env.database.db, offer.id);
      for (const who of ['daycare', 'healthVisitor'] as const) {
        expectProblem(
          await confirm(s.sessions[who], cohortBody(clusters.late.map((e) => e.id))),
          403,
          'forbidden',
        );
        expect(await lastDenied(s.users[who].id)).toMatchObject({
          entity_type: 'cohort',
          detail: { attempted: 'create' },
        });
      }
      expect(await countOfferRows(env.database.db, offer.id)).toEqual(before);
    });

    it('a session that would fall after the oldest child’s third birthday is refused (400 after_third_birthday)', async () => {
      // Valid as a template (the last session is 35 months 25 days after the birth), but the
      // cohort's dates follow its median due date, which is later than the oldest child's.
      const course = await createTestOffer(s, {
        fiv: false,
        name: 'Forældrekursus 0–3 år',
        template: [
          {
            key: 'start',
            title: 'Velkommen',
            theme: 'pregnancy_parenthood_birth',
            offset: { from: 'due_date', days: -98 },
          },
          {
            key: 'end',
            title: 'Farvel',
            theme: 'network_relations',
            offset: { from: 'birth', months: 35, days: 25 },
          },
        ],
      });
      const enrollments: Enrollment[] = [];
      // Due in 110, 165 and 166 days: the median is 55 days after the oldest child's due date.
      for (const e of [clusters.early[0], clusters.late[0], clusters.late[1]] as Enrollment[]) {
        enrollments.push(
          await enrollAsStaff(s.sessions.healthVisitor, course.id, familyOf.get(e.id) as FamilyDetail),
        );
      }
      const before = await countOfferRows(env.database.db, course.id);
      const res = await confirm(s.sessions.programmeLead, {
        ...cohortBody(enrollments.map((e) => e.id)),
        offerId: course.id,
        cohorts: [
          {
            ...cohortBody([]).cohorts[0],
            siteId: course.sites[0]?.id,
            enrollmentIds: enrollments.map((e) => e.id),
          },
        ],
      });
      expect(expectProblem(res, 400).errors).toEqual([
        { path: 'cohorts.0', code: 'after_third_birthday', message: expect.stringContaining('Session 2') },
      ]);
      expect(await countOfferRows(env.database.db, course.id)).toEqual(before);
    });
  });
});
