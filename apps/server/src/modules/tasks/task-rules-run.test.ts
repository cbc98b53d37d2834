import type { VisitTimeliness } from '@familiespor/contracts';
import { addDays, visitDueHorizon } from '@familiespor/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCareSetting, type CareSetting, dayOnClock } from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { familyWithNewborn, visitsOf } from '../../../test/health-visiting';
import { expectProblem } from '../../../test/http';
import { inScope } from '../../db/scope';
import { runTaskRulesForFamilies } from './task-rules-run';

describeEachDatabase('task rules: run after changes and over every family; timeliness', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const tasksOf = (familyId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .selectFrom('task')
        .select(['id', 'kind', 'key', 'state', 'assignee_unit_id', 'assignee_user_id', 'due', 'window_end'])
        .where('family_id', '=', familyId)
        .orderBy('key')
        .execute(),
    );
  const historyOf = (taskId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('task_event').selectAll().where('task_id', '=', taskId).orderBy('id').execute(),
    );

  it('the birth puts the visits due within two weeks on the district’s worklist; re-running adds nothing', async () => {
    const f = await familyWithNewborn(env, s, { daysAgo: 1 });
    const today = dayOnClock(env);
    const visits = await visitsOf(s.sessions.healthVisitor, f.familyId);
    const expected = visits
      .filter((v) => v.status === 'planned' && v.window.start <= addDays(today, visitDueHorizon.daysAhead))
      .map((v) => `visit_due:${f.childId}:${v.key}`)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const tasks = (await tasksOf(f.familyId)).filter((t) => t.kind === 'visit_due');
    expect(tasks.map((t) => t.key)).toEqual(expected);
    expect(tasks.every((t) => t.assignee_unit_id === s.units.district.id && t.state === 'ready')).toBe(true);
    for (const t of tasks) expect((await historyOf(t.id)).map((e) => e.state)).toEqual(['ready']);

    const before = await tasksOf(f.familyId);
    const again = await runTaskRulesForFamilies(env.database.db, env.clock.now(), [f.familyId]);
    expect(again).toMatchObject({ families: 1, created: 0 });
    expect(again.drafts).toBeGreaterThanOrEqual(expected.length);
    expect(await tasksOf(f.familyId)).toEqual(before);
  });

  it('recording a visit settles its task: done completes it, a new window moves it', async () => {
    const f = await familyWithNewborn(env, s, { daysAgo: 5 });
    const visits = await visitsOf(s.sessions.healthVisitor, f.familyId);
    const tasks = await tasksOf(f.familyId);
    const [first, second] = visits.filter((v) => tasks.some((t) => t.key.endsWith(`:${v.key}`)));
    if (!first || !second) throw new Error('expected two visits with tasks');
    const done = await s.sessions.healthVisitor.request('POST', `/api/visits/${first.id}/record`, {
      outcome: 'done',
      doneOn: dayOnClock(env),
      place: 'home',
    });
    expect(done.statusCode, done.body).toBe(200);
    const moved = { start: dayOnClock(env, 20), end: dayOnClock(env, 27) };
    const missed = await s.sessions.healthVisitor.request('POST', `/api/visits/${second.id}/record`, {
      outcome: 'missed',
      reason: 'Familien var ikke hjemme',
      rescheduleTo: moved,
    });
    expect(missed.statusCode, missed.body).toBe(200);

    const after = await tasksOf(f.familyId);
    const firstTask = after.find((t) => t.key === `visit_due:${f.childId}:${first.key}`);
    const secondTask = after.find((t) => t.key === `visit_due:${f.childId}:${second.key}`);
    expect(firstTask?.state).toBe('completed');
    expect((await historyOf(firstTask?.id as string)).map((e) => [e.state, e.by_user])).toEqual([
      ['ready', null],
      ['completed', s.users.healthVisitor.id],
    ]);
    expect(secondTask).toMatchObject({ state: 'ready', due: moved.end, window_end: moved.end });
    // The rescheduled visit is the same visit: no second task for it, now or in a later run.
    expect(after.filter((t) => t.key === secondTask?.key)).toHaveLength(1);
    expect((await runTaskRulesForFamilies(env.database.db, env.clock.now(), [f.familyId])).created).toBe(0);
  });

  it('the full run finds the family without a coordinator and the ending consent; a second run adds nothing', async () => {
    const f = await familyWithNewborn(env, s, { daysAgo: 1 });
    const g = await familyWithNewborn(env, s, { daysAgo: 2 });
    const consentId = await inScope(env.database.db, { kind: 'system' }, async (tx) => {
      const { id } = await tx
        .insertInto('consent')
        .values({
          family_id: f.familyId,
          family_org_id: s.municipality.id,
          granted_by_person_id: f.motherId,
          categories: ['health_visit'],
          from_org_id: s.municipality.id,
          to_org_id: s.ngo.id,
          purpose: 'Test: samarbejde om familien',
          valid_from: env.clock.now(),
          valid_to: new Date(env.clock.now().getTime() + 30 * 86_400_000),
          captured_how: 'paper',
          captured_at: env.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    });
    // A week and a day later: nobody has become the families' coordinator.
    env.clock.advance(8 * 86_400_000);
    const before = { f: await tasksOf(f.familyId), g: await tasksOf(g.familyId) };
    // Only this test's municipality: other test files share the PostgreSQL database.
    const run = await runTaskRulesForFamilies(env.database.db, env.clock.now(), undefined, {
      batchSize: 1,
      orgId: s.municipality.id,
    });
    expect(run.families).toBeGreaterThanOrEqual(2);
    expect(run.created).toBeGreaterThanOrEqual(4);

    const fTasks = await tasksOf(f.familyId);
    const kinds = (ts: { kind: string }[]) => ts.map((t) => t.kind);
    expect(kinds(fTasks)).toContain('assign_coordinator');
    expect(kinds(await tasksOf(g.familyId))).toContain('assign_coordinator');
    expect(fTasks.find((t) => t.key === `consent_expiring:${consentId}`)).toMatchObject({
      assignee_unit_id: s.units.district.id,
      state: 'ready',
    });
    expect(fTasks.length).toBeGreaterThan(before.f.length);

    const snapshot = { f: fTasks, g: await tasksOf(g.familyId) };
    const second = await runTaskRulesForFamilies(env.database.db, env.clock.now(), [g.familyId, f.familyId], {
      batchSize: 1,
    });
    expect(second).toMatchObject({ families: 2, created: 0 });
    expect({ f: await tasksOf(f.familyId), g: await tasksOf(g.familyId) }).toEqual(snapshot);
    env.clock.advance(-8 * 86_400_000);
  });

  it('getVisitTimeliness: per visit type, done inside the window, late, not done and cancelled', async () => {
    const f = await familyWithNewborn(env, s, { daysAgo: 100 });
    const visits = await visitsOf(s.sessions.healthVisitor, f.familyId);
    const byKey = (key: string) => {
      const v = visits.find((x) => x.key === key);
      if (!v) throw new Error(`no ${key} visit`);
      return v;
    };
    const week1 = byKey('week1');
    const month1 = byKey('month1');
    const week3 = byKey('week3');
    await inScope(env.database.db, { kind: 'system' }, async (tx) => {
      const set = (id: string, values: { status: 'done' | 'cancelled'; done_on?: string; place?: 'home' }) =>
        tx
          .updateTable('child_visit')
          .set({ ...values, status_reason: values.status === 'cancelled' ? 'Test' : null })
          .where('id', '=', id)
          .execute();
      await set(week1.id, { status: 'done', done_on: week1.window.end, place: 'home' });
      await set(month1.id, { status: 'done', done_on: addDays(month1.window.end, 3), place: 'home' });
      await set(week3.id, { status: 'cancelled' });
    });

    const res = await s.sessions.programmeLead.request('GET', '/api/visit-timeliness');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as VisitTimeliness;
    expect(body.period.to).toBe(dayOnClock(env, -1));
    const row = (key: string) => body.visitTypes.find((t) => t.key === key);
    expect(row('week1')).toMatchObject({
      due: 1,
      doneInWindow: 1,
      doneLate: 0,
      notDone: 0,
      shareInWindow: 1,
    });
    expect(row('month1')).toMatchObject({
      due: 1,
      doneInWindow: 0,
      doneLate: 1,
      notDone: 0,
      shareInWindow: 0,
    });
    expect(row('week3')).toMatchObject({ due: 0, cancelled: 1, shareInWindow: null });
    const month2 = byKey('month2');
    if (month2.window.end < dayOnClock(env)) {
      expect(row('month2')).toMatchObject({ due: 1, doneInWindow: 0, notDone: 1 });
    }
    // The programme's order: week 1 before month 1.
    const keys = body.visitTypes.map((t) => t.key);
    expect(keys.indexOf('week1')).toBeLessThan(keys.indexOf('month1'));

    // A period that ends before the visits' windows counts none of them.
    const early = await s.sessions.programmeLead.request(
      'GET',
      `/api/visit-timeliness?from=${dayOnClock(env, -400)}&to=${dayOnClock(env, -200)}`,
    );
    expect((early.json() as VisitTimeliness).visitTypes).toEqual([]);
  });

  it('getVisitTimeliness is for the programme lead: a health visitor gets 403; a reversed period 400', async () => {
    expectProblem(await s.sessions.healthVisitor.request('GET', '/api/visit-timeliness'), 403, 'forbidden');
    expectProblem(
      await s.sessions.programmeLead.request(
        'GET',
        `/api/visit-timeliness?from=${dayOnClock(env, -1)}&to=${dayOnClock(env, -30)}`,
      ),
      400,
      'validation',
    );
  });
});
