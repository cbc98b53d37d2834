import type { Worklist } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  dayOnClock,
  deniedEventsOf,
  testCpr,
} from '../../../test/care-setting';
import { type BuiltFamily, buildFamily } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

describeEachDatabase('tasks: the worklist "I dag", completing and assigning', (kind) => {
  let env: TestEnv;
  let s: CareSetting;
  let family: BuiltFamily;
  let otherFamily: BuiltFamily;
  const ids: Record<string, string> = {};
  const cprs = [testCpr('1990-04-02', 'female'), testCpr('1988-07-09', 'male')];

  /** A task as a rule would have made it; the rules themselves are tested in the domain and the run. */
  const addTask = (
    name: string,
    t: { familyId: string; kind: string; due: number; user?: string; unit?: string; state?: 'completed' },
  ) =>
    inScope(env.database.db, { kind: 'system' }, async (tx) => {
      const at = env.clock.now();
      const { id } = await tx
        .insertInto('task')
        .values({
          org_id: s.municipality.id,
          family_id: t.familyId,
          assignee_user_id: t.user ?? null,
          assignee_unit_id: t.unit ?? null,
          kind: t.kind,
          key: `test:${name}:${crypto.randomUUID()}`,
          window_start: dayOnClock(env, t.due - 3),
          due: dayOnClock(env, t.due),
          window_end: dayOnClock(env, t.due + 7),
          state: t.state ?? 'ready',
          reason: `Test ${name}`,
          rule: 'test',
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids[name] = id;
    });
  const historyOf = (taskId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('task_event').selectAll().where('task_id', '=', taskId).orderBy('id').execute(),
    );
  const stateOf = async (taskId: string) =>
    (
      await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx.selectFrom('task').select('state').where('id', '=', taskId).executeTakeFirstOrThrow(),
      )
    ).state;
  const worklist = async (session: Session, query = '') => {
    const res = await session.request('GET', `/api/tasks/mine${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return { res, body: res.json() as Worklist };
  };

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
    const district = s.units.district.id;
    family = await buildFamily(env.database.db, s.municipality.id, {
      districtUnitId: district,
      parentCprs: cprs,
    });
    otherFamily = await buildFamily(env.database.db, s.municipality.id, {
      districtUnitId: s.units.otherDistrict.id,
    });
    const hv = s.users.healthVisitor.id;
    await addTask('overdue', { familyId: family.id, kind: 'visit_due', due: -3, unit: district });
    await addTask('today', { familyId: family.id, kind: 'visit_due', due: 0, user: hv });
    await addTask('upcoming', { familyId: family.id, kind: 'epds_repeat', due: 10, unit: district });
    await addTask('alert', { familyId: family.id, kind: 'self_harm_alert', due: 1, user: hv });
    await addTask('elsewhere', {
      familyId: otherFamily.id,
      kind: 'visit_due',
      due: 0,
      unit: s.units.otherDistrict.id,
    });
    await addTask('done', {
      familyId: family.id,
      kind: 'visit_due',
      due: -1,
      unit: district,
      state: 'completed',
    });
  });
  afterAll(() => env?.close());

  it('lists the tasks of the user and her units: alerts first, then by due date, with counts', async () => {
    const { res, body } = await worklist(s.sessions.healthVisitor);
    expect(body.items.map((t) => t.id)).toEqual([ids.alert, ids.overdue, ids.today, ids.upcoming]);
    expect(body.counts).toEqual({ alerts: 1, overdue: 1, today: 1, upcoming: 2, total: 4 });
    const alert = body.items[0];
    expect(alert).toMatchObject({
      kind: 'self_harm_alert',
      alert: true,
      state: 'ready',
      assignee: { user: { id: s.users.healthVisitor.id } },
      window: { due: dayOnClock(env, 1) },
    });
    expect(body.items[1]?.assignee).toEqual({
      unit: { id: s.units.district.id, name: s.units.district.name },
    });
    // The family is named as lists name it: the mother first, the CPR masked.
    expect(alert?.family?.id).toBe(family.id);
    expect(alert?.family?.names).toHaveLength(2);
    expect(alert?.family?.names[0]).toMatch(/^Test Mor /);
    expect(alert?.family?.names[1]).toMatch(/^Test Far /);
    expect(alert?.family?.cprMasked).toBe(`${cprs[0]?.slice(0, 6)}-xxxx`);
    for (const cpr of cprs) {
      expect(res.body).not.toContain(cpr);
      expect(res.body).not.toContain(`${cpr.slice(0, 6)}-${cpr.slice(6)}`);
    }
    // The read of the families' data is audited.
    const events = await auditOfRequest(env.database.db, res);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'read', entity_type: 'task', purpose: 'worklist' });
    expect(events[0]?.detail).toMatchObject({ familyIds: [family.id] });
  });

  it('filters by due today, overdue and upcoming; the counts stay whole', async () => {
    const hv = s.sessions.healthVisitor;
    expect((await worklist(hv, '?due=today')).body.items.map((t) => t.id)).toEqual([ids.today]);
    expect((await worklist(hv, '?due=overdue')).body.items.map((t) => t.id)).toEqual([ids.overdue]);
    const upcoming = (await worklist(hv, '?due=upcoming')).body;
    expect(upcoming.items.map((t) => t.id)).toEqual([ids.alert, ids.upcoming]);
    expect(upcoming.counts.total).toBe(4);
    expectProblem(await hv.request('GET', '/api/tasks/mine?due=yesterday'), 400, 'validation');
  });

  it('shows another district’s health visitor only her own district’s tasks', async () => {
    const { body } = await worklist(s.sessions.otherHealthVisitor);
    expect(body.items.map((t) => t.id)).toEqual([ids.elsewhere]);
    expect(body.counts.total).toBe(1);
  });

  it('refuses a stranger 403, audited, and writes nothing', async () => {
    const res = await s.sessions.otherHealthVisitor.request('POST', `/api/tasks/${ids.today}/complete`, {
      outcome: 'completed',
    });
    expectProblem(res, 403, 'forbidden');
    expect(await stateOf(ids.today as string)).toBe('ready');
    expect(await historyOf(ids.today as string)).toHaveLength(0);
    const denied = await deniedEventsOf(env.database.db, s.users.otherHealthVisitor.id);
    expect(denied.at(-1)).toMatchObject({ entity_type: 'task', entity_id: ids.today, outcome: 'failure' });
    const parentless = await s.sessions.ngo.request('POST', `/api/tasks/${ids.today}/complete`, {
      outcome: 'completed',
    });
    expectProblem(parentless, 403, 'forbidden');
  });

  it('refuses a cancellation without a reason with 400, and writes nothing', async () => {
    const res = await s.sessions.healthVisitor.request('POST', `/api/tasks/${ids.overdue}/complete`, {
      outcome: 'cancelled',
    });
    const problem = expectProblem(res, 400, 'validation');
    expect(problem.errors.map((e) => e.path)).toContain('reason');
    expect(await stateOf(ids.overdue as string)).toBe('ready');
    expect(await historyOf(ids.overdue as string)).toHaveLength(0);
  });

  it('completes a task held by the user, keeping the change in its history; a second close is 409', async () => {
    const hv = s.sessions.healthVisitor;
    const res = await hv.request('POST', `/api/tasks/${ids.today}/complete`, { outcome: 'completed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id: ids.today, state: 'completed' });
    const history = await historyOf(ids.today as string);
    expect(history.map((e) => [e.state, e.by_user])).toEqual([['completed', s.users.healthVisitor.id]]);
    const events = await auditOfRequest(env.database.db, res);
    expect(events[0]).toMatchObject({ action: 'update', entity_type: 'task', entity_id: ids.today });

    const again = await hv.request('POST', `/api/tasks/${ids.today}/complete`, {
      outcome: 'cancelled',
      reason: 'Dobbeltregistrering',
    });
    expectProblem(again, 409, 'conflict');
    expect(await historyOf(ids.today as string)).toHaveLength(1);
    expect(await stateOf(ids.today as string)).toBe('completed');
    expect((await worklist(hv)).body.counts).toMatchObject({ today: 0, total: 3 });
  });

  it('lets a member of the assignee unit cancel with a reason, and the programme lead act on any', async () => {
    const res = await s.sessions.healthVisitor.request('POST', `/api/tasks/${ids.overdue}/complete`, {
      outcome: 'cancelled',
      reason: 'Familien er flyttet til en anden kommune',
    });
    expect(res.statusCode, res.body).toBe(200);
    const history = await historyOf(ids.overdue as string);
    expect(history[0]).toMatchObject({
      state: 'cancelled',
      note: 'Familien er flyttet til en anden kommune',
    });

    const lead = await s.sessions.programmeLead.request('POST', `/api/tasks/${ids.elsewhere}/complete`, {
      outcome: 'completed',
    });
    expect(lead.statusCode, lead.body).toBe(200);
  });

  it('assigns a task to a colleague, who then sees it; not to someone outside the organisation', async () => {
    const hv = s.sessions.healthVisitor;
    const res = await hv.request('POST', `/api/tasks/${ids.upcoming}/assign`, {
      userId: s.users.otherHealthVisitor.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const theirs = (await worklist(s.sessions.otherHealthVisitor)).body;
    expect(theirs.items.map((t) => t.id)).toContain(ids.upcoming);
    expect((await historyOf(ids.upcoming as string)).at(-1)).toMatchObject({ state: 'ready' });

    const outside = await s.sessions.otherHealthVisitor.request('POST', `/api/tasks/${ids.upcoming}/assign`, {
      userId: s.users.midwife.id,
    });
    expectProblem(outside, 400, 'validation');
  });

  it('answers 404 for a task that does not exist', async () => {
    const res = await s.sessions.healthVisitor.request('POST', `/api/tasks/${crypto.randomUUID()}/complete`, {
      outcome: 'completed',
    });
    expectProblem(res, 404, 'not_found');
  });
});
