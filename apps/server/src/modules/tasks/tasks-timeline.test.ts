import type { TimelineEntry } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCareSetting, type CareSetting, dayOnClock, loginAsParent } from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { epdsAnswers, familyWithNewborn } from '../../../test/health-visiting';
import type { Session } from '../../../test/http';
import { inScope } from '../../db/scope';

type Timeline = { entries: TimelineEntry[] };

describeEachDatabase('tasks in the family timeline: staff see them, parents do not', (kind) => {
  let env: TestEnv;
  let s: CareSetting;
  let f: Awaited<ReturnType<typeof familyWithNewborn>>;

  const timeline = async (session: Session, path: string) => {
    const res = await session.request('GET', path);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Timeline;
  };
  const taskEntries = (t: Timeline) => t.entries.filter((e) => e.kind.startsWith('task_'));
  const nameOf = async (userId: string) =>
    (
      await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx.selectFrom('staff_user').select('name').where('id', '=', userId).executeTakeFirstOrThrow(),
      )
    ).name;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
    f = await familyWithNewborn(env, s, { daysAgo: 60 });
    const coordinator = await s.sessions.healthVisitor.request(
      'PUT',
      `/api/families/${f.familyId}/coordinator`,
      {
        staffUserId: s.users.otherHealthVisitor.id,
      },
    );
    expect(coordinator.statusCode, coordinator.body).toBe(200);
    const res = await s.sessions.healthVisitor.request('POST', '/api/screenings', {
      familyId: f.familyId,
      instrument: 'epds',
      respondentPersonId: f.motherId,
      childPersonId: f.childId,
      answers: epdsAnswers(3, 1),
      observedOn: dayOnClock(env),
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(() => env?.close());

  it('the health visitor sees the item-10 alert once, with both holders, as a screening entry due today', async () => {
    const t = await timeline(s.sessions.healthVisitor, `/api/families/${f.familyId}/timeline`);
    const alerts = t.entries.filter((e) => e.kind === 'task_self_harm_alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      category: 'screening',
      status: 'due',
      date: null,
      window: { start: dayOnClock(env) },
      organisation: { id: s.municipality.id },
      params: {
        taskKind: 'self_harm_alert',
        due: dayOnClock(env),
        assignee: `${await nameOf(s.users.otherHealthVisitor.id)}, ${s.units.district.name}`,
        closedBy: null,
      },
    });
    // The visit tasks made at the birth are health-visiting entries.
    const visitTasks = taskEntries(t).filter((e) => e.kind === 'task_visit_due');
    expect(visitTasks.length).toBeGreaterThan(0);
    expect(visitTasks.every((e) => e.category === 'health_visit')).toBe(true);
  });

  it('a closed task stays, as done, naming who closed it', async () => {
    const hv = s.sessions.healthVisitor;
    const before = await timeline(hv, `/api/families/${f.familyId}/timeline`);
    const alert = before.entries.find((e) => e.kind === 'task_self_harm_alert');
    const taskId = alert?.id.replace(/^task:/, '');
    const res = await s.sessions.otherHealthVisitor.request('POST', `/api/tasks/${taskId}/complete`, {
      outcome: 'completed',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await timeline(hv, `/api/families/${f.familyId}/timeline`);
    const closed = after.entries.filter((e) => e.kind === 'task_self_harm_alert');
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({
      status: 'done',
      date: dayOnClock(env),
      window: null,
      params: { closedBy: await nameOf(s.users.otherHealthVisitor.id) },
    });
  });

  it('the parent does not see the tasks in her own timeline, though she sees the visits they are about', async () => {
    const mother = await loginAsParent(env.app, env.database.db, f.motherId);
    const t = await timeline(mother, `/api/portal/timeline?familyId=${f.familyId}`);
    expect(t.entries.some((e) => e.kind.startsWith('visit_'))).toBe(true);
    expect(taskEntries(t)).toEqual([]);
  });

  it('a midwife with the next pregnancy does not see the postnatal screening task', async () => {
    // The next pregnancy gives her a relationship to the family again; the first child's
    // screening follow-ups are still the municipality's screening data, not hers.
    const next = await s.sessions.midwife.request('POST', '/api/pregnancies', {
      ...f.body,
      dueDate: dayOnClock(env, 40 * 7),
    });
    expect(next.statusCode, next.body).toBe(201);
    const t = await timeline(s.sessions.midwife, `/api/families/${f.familyId}/timeline`);
    expect(t.entries.some((e) => e.category === 'pregnancy')).toBe(true);
    expect(t.entries.filter((e) => e.category === 'screening')).toEqual([]);
    expect(taskEntries(t).map((e) => e.kind)).not.toContain('task_self_harm_alert');
  });
});
