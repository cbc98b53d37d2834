import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCareSetting, type CareSetting } from '../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../test/harness';
import { familyWithNewborn } from '../../test/health-visiting';
import { inScope } from '../db/scope';
import { queues } from './job-queue';
import { type Jobs, startJobs } from './jobs';

describeEachDatabase('jobs: the nightly task rules on pg-boss', (kind) => {
  let env: TestEnv;
  let s: CareSetting;
  let jobs: Jobs | undefined;
  const logged: string[] = [];

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
    jobs = await startJobs({
      db: env.database.db,
      clock: env.clock,
      log: { info: (_o, msg) => logged.push(msg), warn: (_o, msg) => logged.push(`warn: ${msg}`) },
      taskRulesCron: '0 2 * * *',
      pollingIntervalSeconds: 0.5,
    });
  });
  afterAll(async () => {
    await jobs?.stop();
    await env?.close();
  });

  it('schedules the run daily at 02:00 Copenhagen time', async () => {
    const schedules = await jobs?.boss.getSchedules();
    expect(schedules?.find((x) => x.name === queues.taskRules.name)).toMatchObject({
      cron: '0 2 * * *',
      options: expect.objectContaining({ tz: 'Europe/Copenhagen' }),
    });
  });

  it('a task-rules job runs once through the worker and creates the tasks the rules call for', async () => {
    const boss = jobs?.boss;
    if (!boss) throw new Error('jobs did not start');
    const f = await familyWithNewborn(env, s, { daysAgo: 1 });
    // Eight days on, nobody coordinates the family: the run must raise assign_coordinator.
    env.clock.advance(8 * 86_400_000);
    const coordinatorTasks = () =>
      inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .selectFrom('task')
          .select(['id', 'assignee_unit_id'])
          .where('family_id', '=', f.familyId)
          .where('kind', '=', 'assign_coordinator')
          .execute(),
      );
    expect(await coordinatorTasks()).toEqual([]);

    // Only this test's municipality: other test files share the PostgreSQL database.
    const id = await boss.send(queues.taskRules.name, { orgId: s.municipality.id });
    if (!id) throw new Error('the job was not queued');
    let job = await boss.getJobById(queues.taskRules.name, id);
    for (let i = 0; i < 100 && job?.state !== 'completed' && job?.state !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await boss.getJobById(queues.taskRules.name, id);
    }
    expect(job?.state, JSON.stringify(job?.output)).toBe('completed');
    expect(job?.output).toMatchObject({ created: expect.any(Number), families: expect.any(Number) });
    expect(await coordinatorTasks()).toEqual([
      { id: expect.any(String), assignee_unit_id: s.units.district.id },
    ]);
    expect(logged).toContain('task rules ran');
    expect(logged.filter((m) => m.startsWith('warn'))).toEqual([]);
    env.clock.advance(-8 * 86_400_000);
  });
});
