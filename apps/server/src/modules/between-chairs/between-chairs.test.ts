import type { BetweenChairsPage } from '@familiespor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCareSetting, type CareSetting, dayOnClock, deniedEventsOf } from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { epdsAnswers, familyWithNewborn } from '../../../test/health-visiting';
import { expectProblem } from '../../../test/http';
import { inScope } from '../../db/scope';

describeEachDatabase('listFamiliesBetweenChairs', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  type Newborn = Awaited<ReturnType<typeof familyWithNewborn>>;
  const positiveEpds = async (f: Newborn) => {
    const res = await s.sessions.healthVisitor.request('POST', '/api/screenings', {
      familyId: f.familyId,
      instrument: 'epds',
      respondentPersonId: f.motherId,
      childPersonId: f.childId,
      answers: epdsAnswers(14),
      observedOn: dayOnClock(env),
    });
    if (res.statusCode !== 201) throw new Error(`recordScreening: ${res.statusCode} ${res.body}`);
  };
  const list = async (query = 'limit=200') => {
    const res = await s.sessions.programmeLead.request('GET', `/api/families/between-chairs?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as BetweenChairsPage;
  };
  const tasksOf = (familyId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .selectFrom('task')
        .select(['id', 'key', 'kind', 'org_id', 'assignee_user_id', 'rule'])
        .where('family_id', '=', familyId)
        .where('rule', '=', 'between_chairs')
        .execute(),
    );

  describe('the list', () => {
    it('holds families with an open need and no coordinator, each once with a task; computing again creates none', async () => {
      const screened = await familyWithNewborn(env, s, { daysAgo: 60 });
      await positiveEpds(screened);
      const coordinated = await familyWithNewborn(env, s, { daysAgo: 60 });
      await positiveEpds(coordinated);
      const assigned = await s.sessions.healthVisitor.request(
        'PUT',
        `/api/families/${coordinated.familyId}/coordinator`,
        {
          staffUserId: s.users.healthVisitor.id,
        },
      );
      expect(assigned.statusCode, assigned.body).toBe(200);
      const quiet = await familyWithNewborn(env, s, { daysAgo: 60 });
      // The task rules found a family without a coordinator.
      const flagged = await familyWithNewborn(env, s, { daysAgo: 60 });
      await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .insertInto('task')
          .values({
            org_id: s.municipality.id,
            family_id: flagged.familyId,
            assignee_unit_id: s.units.district.id,
            kind: 'assign_coordinator',
            key: `assign_coordinator:${flagged.familyId}:test`,
            window_start: dayOnClock(env, -3),
            due: dayOnClock(env),
            window_end: dayOnClock(env, 10),
            reason: 'Familien har ingen tovholder',
            rule: 'coordinator_missing',
            created_at: env.clock.now(),
            updated_at: env.clock.now(),
          })
          .execute(),
      );

      const first = await list();
      const byId = new Map(first.items.map((i) => [i.family.id, i]));
      expect(byId.get(screened.familyId)).toMatchObject({
        needs: [{ kind: 'positive_screening', since: dayOnClock(env) }],
        coordinatorMissing: true,
        task: { state: 'ready' },
      });
      expect(byId.get(screened.familyId)?.family.parents[0]?.name).toContain('Amira');
      expect(byId.get(flagged.familyId)?.needs.map((n) => n.kind)).toEqual(['coordinator_task']);
      expect(byId.has(coordinated.familyId)).toBe(false);
      expect(byId.has(quiet.familyId)).toBe(false);
      expect(first.tasksCreated).toBeGreaterThanOrEqual(2);

      const [task] = await tasksOf(screened.familyId);
      expect(task).toMatchObject({
        key: `between_chairs:${screened.familyId}`,
        kind: 'assign_coordinator',
        org_id: s.municipality.id,
        assignee_user_id: s.users.programmeLead.id,
      });
      const again = await list();
      expect(again.tasksCreated).toBe(0);
      expect(await tasksOf(screened.familyId)).toEqual([task]);
      expect(again.total).toBe(first.total);

      // A coordinator takes the family: it is no longer between chairs.
      await s.sessions.healthVisitor.request('PUT', `/api/families/${screened.familyId}/coordinator`, {
        staffUserId: s.users.healthVisitor.id,
      });
      expect((await list()).items.map((i) => i.family.id)).not.toContain(screened.familyId);
    });

    it('an ADBB of concern stays an open need until a later ADBB of the same child is fine', async () => {
      await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .insertInto('staff_training')
          .values({
            staff_user_id: s.users.healthVisitor.id,
            org_id: s.municipality.id,
            instrument: 'adbb',
            since: dayOnClock(env, -100),
          })
          .onConflict((oc) => oc.doNothing())
          .execute(),
      );
      const f = await familyWithNewborn(env, s, { daysAgo: 70 });
      const adbb = async (answers: number[], daysAgo: number) => {
        const res = await s.sessions.healthVisitor.request('POST', '/api/screenings', {
          familyId: f.familyId,
          instrument: 'adbb',
          childPersonId: f.childId,
          answers,
          observedOn: dayOnClock(env, -daysAgo),
        });
        expect(res.statusCode, res.body).toBe(201);
      };
      // An earlier, fine observation and the worrying one itself must not close the need.
      await adbb([0, 0, 0, 0, 0, 0, 0, 0], 20);
      await adbb([1, 1, 1, 1, 1, 1, 0, 0], 10);
      const needs = async () => (await list()).items.find((i) => i.family.id === f.familyId)?.needs ?? [];
      expect(await needs()).toEqual([{ kind: 'positive_screening', since: dayOnClock(env, -10) }]);
      await adbb([0, 0, 1, 0, 0, 0, 0, 0], 2);
      expect(await needs()).toEqual([]);
    });

    it('is paged, longest between chairs first', async () => {
      for (let i = 0; i < 2; i++) await positiveEpds(await familyWithNewborn(env, s, { daysAgo: 60 }));
      const all = await list();
      expect(all.total).toBeGreaterThanOrEqual(2);
      const one = await list('limit=1&offset=1');
      expect(one.total).toBe(all.total);
      expect(one.items.map((i) => i.family.id)).toEqual([all.items[1]?.family.id]);
      const since = all.items.map((i) => i.since);
      expect([...since].sort()).toEqual(since);
    });
  });

  describe('forbidden and bad input', () => {
    it('a health visitor → 403, audited', async () => {
      const res = await s.sessions.healthVisitor.request('GET', '/api/families/between-chairs');
      expectProblem(res, 403, 'forbidden');
      expect((await deniedEventsOf(env.database.db, s.users.healthVisitor.id)).at(-1)).toMatchObject({
        entity_type: 'between_chairs',
      });
    });

    it('a limit out of range → 400', async () => {
      expectProblem(
        await s.sessions.programmeLead.request('GET', '/api/families/between-chairs?limit=0'),
        400,
        'validation',
      );
    });
  });
});
