import type { Worklist } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditOfRequest, buildCareSetting, type CareSetting, dayOnClock } from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { epdsAnswers, familyWithNewborn } from '../../../test/health-visiting';
import { expectProblem, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

describeEachDatabase('the item-10 alert’s two copies: one call, closed once', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  /** A family with a newborn, the given coordinator, and the mother's EPDS with item 10 above 0. */
  const alertedFamily = async (coordinatorId: string) => {
    const f = await familyWithNewborn(env, s, { daysAgo: 60 });
    const c = await s.sessions.healthVisitor.request('PUT', `/api/families/${f.familyId}/coordinator`, {
      staffUserId: coordinatorId,
    });
    expect(c.statusCode, c.body).toBe(200);
    const res = await s.sessions.healthVisitor.request('POST', '/api/screenings', {
      familyId: f.familyId,
      instrument: 'epds',
      respondentPersonId: f.motherId,
      childPersonId: f.childId,
      answers: epdsAnswers(3, 1),
      observedOn: dayOnClock(env),
    });
    expect(res.statusCode, res.body).toBe(201);
    const alerts = await system((tx) =>
      tx
        .selectFrom('task')
        .select(['id', 'assignee_user_id', 'assignee_unit_id'])
        .where('family_id', '=', f.familyId)
        .where('kind', '=', 'self_harm_alert')
        .execute(),
    );
    const personal = alerts.find((a) => a.assignee_user_id === coordinatorId);
    const unit = alerts.find((a) => a.assignee_unit_id === s.units.district.id);
    if (!personal || !unit) throw new Error('expected the coordinator’s and the district’s copy');
    return { ...f, personal: personal.id, unit: unit.id };
  };
  const system = <T>(fn: Parameters<typeof inScope<T>>[2]) =>
    inScope(env.database.db, { kind: 'system' }, fn);
  const taskState = (id: string) =>
    system((tx) =>
      tx.selectFrom('task').select(['state']).where('id', '=', id).executeTakeFirstOrThrow(),
    ).then((r) => r.state);
  const historyOf = (id: string) =>
    system((tx) =>
      tx
        .selectFrom('task_event')
        .selectAll()
        .where('task_id', '=', id)
        .where('state', '!=', 'ready') // the first row is the task's creation
        .orderBy('id')
        .execute(),
    );
  const nameOf = async (userId: string) =>
    (
      await system((tx) =>
        tx.selectFrom('staff_user').select('name').where('id', '=', userId).executeTakeFirstOrThrow(),
      )
    ).name;
  const worklist = async (session: Session) => {
    const res = await session.request('GET', '/api/tasks/mine?due=all&limit=500');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Worklist;
  };
  const complete = (session: Session, taskId: string, body: Record<string, unknown>) =>
    session.request('POST', `/api/tasks/${taskId}/complete`, body);

  it('the district’s health visitor completes the unit’s copy: the coordinator’s copy closes with it', async () => {
    const f = await alertedFamily(s.users.otherHealthVisitor.id);
    const res = await complete(s.sessions.healthVisitor, f.unit, { outcome: 'completed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await taskState(f.unit)).toBe('completed');
    expect(await taskState(f.personal)).toBe('completed');
    const [event, ...more] = await historyOf(f.personal);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ state: 'completed', by_user: s.users.healthVisitor.id });
    expect(event?.at.getTime()).toBe(env.clock.now().getTime());
    expect(event?.note).toContain(await nameOf(s.users.healthVisitor.id));
    expect(event?.note).toContain(`${dayOnClock(env)} kl. `);
    expect(event?.note).toContain('anden kopi');
    // The coordinator has nothing left to do about it, and acting on it again is a conflict.
    const theirs = await worklist(s.sessions.otherHealthVisitor);
    expect(theirs.items.map((t) => t.id)).not.toContain(f.personal);
    expectProblem(
      await complete(s.sessions.otherHealthVisitor, f.personal, { outcome: 'completed' }),
      409,
      'conflict',
    );
    const audit = await auditOfRequest(env.database.db, res);
    expect(audit.find((e) => e.entity_type === 'task')?.detail).toMatchObject({ copiesClosed: [f.personal] });
  });

  it('a cancellation of one copy cancels the other with the same reason', async () => {
    const f = await alertedFamily(s.users.otherHealthVisitor.id);
    const res = await complete(s.sessions.otherHealthVisitor, f.personal, {
      outcome: 'cancelled',
      reason: 'Registreret ved en fejl',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await taskState(f.unit)).toBe('cancelled');
    const [event] = await historyOf(f.unit);
    expect(event).toMatchObject({ state: 'cancelled', by_user: s.users.otherHealthVisitor.id });
    expect(event?.note).toContain('Registreret ved en fejl');
  });

  it('the coordinator in the district unit sees the alert once, the counts agree, and one close settles both', async () => {
    const f = await alertedFamily(s.users.healthVisitor.id);
    const list = await worklist(s.sessions.healthVisitor);
    const ids = list.items.map((t) => t.id);
    expect(ids).toContain(f.personal);
    expect(ids).not.toContain(f.unit);
    expect(list.counts.total).toBe(list.items.length);
    expect(list.counts.alerts).toBe(list.items.filter((t) => t.alert).length);
    // Hidden from her only: the unit's copy is still open for the district's other health visitors.
    expect(await taskState(f.unit)).toBe('ready');

    const res = await complete(s.sessions.healthVisitor, f.personal, { outcome: 'completed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await taskState(f.unit)).toBe('completed');
    const after = await worklist(s.sessions.healthVisitor);
    expect(after.items.map((t) => t.id)).not.toContain(f.unit);
    expect(after.counts.alerts).toBe(list.counts.alerts - 1);
  });

  it('closing an ordinary task closes no other', async () => {
    const f = await alertedFamily(s.users.otherHealthVisitor.id);
    const visitTask = await system((tx) =>
      tx
        .selectFrom('task')
        .select('id')
        .where('family_id', '=', f.familyId)
        .where('kind', '=', 'visit_due')
        .where('state', '=', 'ready')
        .executeTakeFirstOrThrow(),
    );
    const res = await complete(s.sessions.healthVisitor, visitTask.id, { outcome: 'completed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await taskState(f.personal)).toBe('ready');
    expect(await taskState(f.unit)).toBe('ready');
  });
});
