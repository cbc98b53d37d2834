import type { ChildVisit, TimelineEntry } from '@familiespor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  dayOnClock,
  deniedEventsOf,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { countHealthVisitRows, familyWithNewborn, visitsOf } from '../../../test/health-visiting';
import { expectProblem } from '../../../test/http';

describeEachDatabase(
  'recordVisit and addTargetedVisit: the visit record, who may write it, the timeline',
  (kind) => {
    let env: TestEnv;
    let s: CareSetting;

    beforeAll(async () => {
      env = await startTestApp(kind);
      s = await buildCareSetting(env.app, env.database.db);
    });
    afterAll(() => env?.close());

    const lastDenied = async (actorId: string) => (await deniedEventsOf(env.database.db, actorId)).at(-1);
    const record = (visitId: string, body: Record<string, unknown>, session = s.sessions.healthVisitor) =>
      session.request('POST', `/api/visits/${visitId}/record`, body);
    const byKey = (visits: ChildVisit[], key: string) => visits.find((v) => v.key === key) as ChildVisit;

    describe('recordVisit', () => {
      it('the health visitor records the visit within week 1 with measurements, topics and development', async () => {
        const f = await familyWithNewborn(env, s, { daysAgo: 5 });
        const week1 = byKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
        const res = await record(week1.id, {
          outcome: 'done',
          doneOn: dayOnClock(env),
          place: 'home',
          weightG: 3650,
          lengthCm: 51.5,
          headCm: 35,
          topics: ['amning', 'søvn'],
          development: { status: 'age_appropriate' },
          pkuDone: true,
          hearingDone: false,
          notes: 'Mor er træt, far har orlov',
        });
        expect(res.statusCode, res.body).toBe(200);
        const { visit, rescheduledTo } = res.json() as { visit: ChildVisit; rescheduledTo: null };
        expect(rescheduledTo).toBeNull();
        expect(visit).toMatchObject({
          status: 'done',
          record: {
            doneOn: dayOnClock(env),
            place: 'home',
            weightG: 3650,
            lengthCm: 51.5,
            headCm: 35,
            topics: ['amning', 'søvn'],
            development: 'age_appropriate',
            developmentNote: null,
            pkuDone: true,
            hearingDone: false,
            recordedBy: { id: s.users.healthVisitor.id },
          },
        });
        const audit = await auditOfRequest(env.database.db, res);
        expect(audit).toEqual([
          expect.objectContaining({
            action: 'update',
            entity_type: 'child_visit',
            entity_id: week1.id,
            family_id: f.familyId,
            basis: 'own_org',
          }),
        ]);
        // A recorded visit cannot be recorded again.
        expectProblem(await record(week1.id, { outcome: 'cancelled', reason: 'x' }), 409, 'conflict');
      });

      it('a concern about development needs its text', async () => {
        const f = await familyWithNewborn(env, s, { daysAgo: 5 });
        const week1 = byKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
        const bad = expectProblem(
          await record(week1.id, {
            outcome: 'done',
            doneOn: dayOnClock(env),
            place: 'clinic',
            development: { status: 'concern' },
          }),
          400,
          'validation',
        );
        expect(bad.errors.map((e) => e.path)).toContain('development.note');
        const ok = await record(week1.id, {
          outcome: 'done',
          doneOn: dayOnClock(env),
          place: 'clinic',
          development: { status: 'concern', note: 'Løfter ikke hovedet' },
        });
        expect(ok.statusCode, ok.body).toBe(200);
        expect((ok.json() as { visit: ChildVisit }).visit.record).toMatchObject({
          development: 'concern',
          developmentNote: 'Løfter ikke hovedet',
          weightG: null,
        });
      });

      it('a 40 kg infant or a 6 cm length → 400 with field errors, and nothing is written', async () => {
        const f = await familyWithNewborn(env, s, { daysAgo: 5 });
        const week1 = byKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
        const before = await countHealthVisitRows(env.database.db, f.familyId);
        const res = await record(week1.id, {
          outcome: 'done',
          doneOn: dayOnClock(env),
          place: 'home',
          weightG: 40_000,
          lengthCm: 6,
          headCm: 35,
        });
        const problem = expectProblem(res, 400, 'validation');
        expect(problem.errors).toEqual([
          expect.objectContaining({ path: 'weightG', code: 'implausible' }),
          expect.objectContaining({ path: 'lengthCm', code: 'implausible' }),
        ]);
        const future = expectProblem(
          await record(week1.id, { outcome: 'done', doneOn: dayOnClock(env, 1), place: 'home' }),
          400,
        );
        expect(future.errors).toEqual([expect.objectContaining({ path: 'doneOn', code: 'in_future' })]);
        expect(await countHealthVisitRows(env.database.db, f.familyId)).toEqual(before);
        expect(await auditOfRequest(env.database.db, res)).toEqual([]);
      });

      it('a missed visit is rescheduled into a new planned visit; without a new window it stays missed', async () => {
        const f = await familyWithNewborn(env, s, { daysAgo: 5 });
        const visits = await visitsOf(s.sessions.healthVisitor, f.familyId);
        const week1 = byKey(visits, 'week1');
        const res = await record(week1.id, {
          outcome: 'missed',
          reason: 'Familien var ikke hjemme',
          rescheduleTo: { start: dayOnClock(env, 1), end: dayOnClock(env, 3) },
        });
        expect(res.statusCode, res.body).toBe(200);
        const { visit, rescheduledTo } = res.json() as { visit: ChildVisit; rescheduledTo: ChildVisit };
        expect(visit).toMatchObject({ status: 'rescheduled', statusReason: 'Familien var ikke hjemme' });
        expect(rescheduledTo).toMatchObject({
          key: 'week1',
          name: week1.name,
          status: 'planned',
          rescheduledFrom: week1.id,
          window: { start: dayOnClock(env, 1), end: dayOnClock(env, 3) },
        });
        expect(await visitsOf(s.sessions.healthVisitor, f.familyId)).toHaveLength(visits.length + 1);

        const week3 = byKey(visits, 'week3');
        const missed = await record(week3.id, { outcome: 'missed' });
        expect(missed.statusCode, missed.body).toBe(200);
        expect(missed.json()).toMatchObject({ visit: { status: 'missed' }, rescheduledTo: null });

        const before = await countHealthVisitRows(env.database.db, f.familyId);
        const backwards = expectProblem(
          await record(byKey(visits, 'month1').id, {
            outcome: 'missed',
            rescheduleTo: { start: dayOnClock(env, 5), end: dayOnClock(env, 2) },
          }),
          400,
        );
        expect(backwards.errors).toEqual([
          expect.objectContaining({ path: 'rescheduleTo.end', code: 'window_order' }),
        ]);
        expect(await countHealthVisitRows(env.database.db, f.familyId)).toEqual(before);
      });
    });

    describe('addTargetedVisit', () => {
      it('a targeted extra visit is added with its reason', async () => {
        const f = await familyWithNewborn(env, s, { daysAgo: 10 });
        const res = await s.sessions.healthVisitor.request('POST', `/api/families/${f.familyId}/visits`, {
          childPersonId: f.childId,
          name: 'Ekstra besøg: amning',
          reason: 'Barnet tager ikke nok på',
          windowStart: dayOnClock(env, 2),
          windowEnd: dayOnClock(env, 6),
        });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json()).toMatchObject({
          kind: 'targeted',
          key: 'targeted',
          reason: 'Barnet tager ikke nok på',
          status: 'planned',
          window: { start: dayOnClock(env, 2), due: dayOnClock(env, 6), end: dayOnClock(env, 6) },
        });
        expect((await auditOfRequest(env.database.db, res))[0]).toMatchObject({
          action: 'create',
          entity_type: 'child_visit',
          family_id: f.familyId,
        });
      });

      it('a window that ends before it starts, or a person who is not the family’s child → 400, nothing written', async () => {
        const f = await familyWithNewborn(env, s, { daysAgo: 10 });
        const before = await countHealthVisitRows(env.database.db, f.familyId);
        const res = await s.sessions.healthVisitor.request('POST', `/api/families/${f.familyId}/visits`, {
          childPersonId: f.motherId,
          name: 'Ekstra besøg',
          reason: 'Bekymring',
          windowStart: dayOnClock(env, 6),
          windowEnd: dayOnClock(env, 2),
        });
        expect(expectProblem(res, 400, 'validation').errors.map((e) => `${e.path}:${e.code}`)).toEqual([
          'childPersonId:not_a_child_of_family',
          'windowEnd:window_order',
        ]);
        const noReason = await s.sessions.healthVisitor.request(
          'POST',
          `/api/families/${f.familyId}/visits`,
          {
            childPersonId: f.childId,
            name: 'Ekstra besøg',
            windowStart: dayOnClock(env, 2),
            windowEnd: dayOnClock(env, 6),
          },
        );
        expect(expectProblem(noReason, 400, 'validation').errors.map((e) => e.path)).toEqual(['reason']);
        expect(await countHealthVisitRows(env.database.db, f.familyId)).toEqual(before);
      });
    });

    describe('forbidden access', () => {
      it('an NGO counsellor cannot list a child’s visits, a midwife cannot record one → 403, audited', async () => {
        const f = await familyWithNewborn(env, s, { daysAgo: 5 });
        const week1 = byKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
        const before = await countHealthVisitRows(env.database.db, f.familyId);

        expectProblem(
          await s.sessions.ngo.request('GET', `/api/families/${f.familyId}/visits`),
          403,
          'forbidden',
        );
        expect(await lastDenied(s.users.ngo.id)).toMatchObject({
          entity_type: 'child_visit',
          family_id: f.familyId,
          data_org_id: s.municipality.id,
          outcome: 'failure',
        });

        const midwife = await record(
          week1.id,
          { outcome: 'done', doneOn: dayOnClock(env), place: 'home' },
          s.sessions.midwife,
        );
        expectProblem(midwife, 403, 'forbidden');
        expect(await lastDenied(s.users.midwife.id)).toMatchObject({
          entity_type: 'child_visit',
          entity_id: week1.id,
          detail: expect.objectContaining({ attempted: 'write' }),
        });
        // The other district's health visitor has no relationship to the family.
        expectProblem(
          await record(week1.id, { outcome: 'cancelled', reason: 'x' }, s.sessions.otherHealthVisitor),
          403,
        );
        expect(await countHealthVisitRows(env.database.db, f.familyId)).toEqual(before);
      });
    });

    describe('the family timeline', () => {
      it('shows the planned and the done visits to the health visitor, not to the daycare educator', async () => {
        const f = await familyWithNewborn(env, s, { daysAgo: 5 });
        const week1 = byKey(await visitsOf(s.sessions.healthVisitor, f.familyId), 'week1');
        await record(week1.id, { outcome: 'done', doneOn: dayOnClock(env), place: 'home' });
        const res = await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}/timeline`);
        expect(res.statusCode, res.body).toBe(200);
        const entries = (res.json() as { entries: TimelineEntry[] }).entries.filter(
          (e) => e.category === 'health_visit',
        );
        expect(entries.find((e) => e.id === `child_visit:${week1.id}`)).toMatchObject({
          kind: 'visit_done',
          status: 'done',
          date: dayOnClock(env),
          organisation: { id: s.municipality.id },
        });
        expect(entries.filter((e) => e.kind === 'visit_planned')).toHaveLength(6);
        expect(
          (await auditOfRequest(env.database.db, res)).map(
            (e) => (e.detail as { category?: string }).category,
          ),
        ).toContain('health_visit');
      });
    });
  },
);
