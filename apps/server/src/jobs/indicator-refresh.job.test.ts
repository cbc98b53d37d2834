import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildOrganisation } from '../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../test/harness';
import { countIndicatorRows } from '../../test/indicators';
import { inScope } from '../db/scope';
import { queues } from './job-queue';
import { type Jobs, startJobs } from './jobs';

describeEachDatabase('jobs: the nightly indicator refresh on pg-boss', (kind) => {
  let env: TestEnv;
  let jobs: Jobs | undefined;
  const logged: string[] = [];

  beforeAll(async () => {
    env = await startTestApp(kind);
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

  it('is scheduled nightly at 03:00 Copenhagen time, after the task rules', async () => {
    const schedules = await jobs?.boss.getSchedules();
    expect(schedules?.find((x) => x.name === queues.indicatorRefresh.name)).toMatchObject({
      cron: '0 3 * * *',
      options: expect.objectContaining({ tz: 'Europe/Copenhagen' }),
    });
  });

  it('a job refreshes one organisation through the worker and logs the run', async () => {
    const boss = jobs?.boss;
    if (!boss) throw new Error('jobs did not start');
    const org = await buildOrganisation(env.database.db);
    // Only this organisation: other test files share the PostgreSQL database.
    const id = await boss.send(queues.indicatorRefresh.name, { orgId: org.id });
    if (!id) throw new Error('the job was not queued');
    let job = await boss.getJobById(queues.indicatorRefresh.name, id);
    for (let i = 0; i < 100 && job?.state !== 'completed' && job?.state !== 'failed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await boss.getJobById(queues.indicatorRefresh.name, id);
    }
    expect(job?.state, JSON.stringify(job?.output)).toBe('completed');
    expect(job?.output).toMatchObject({ organisations: 1, failedIndicators: 0 });
    // Nothing to count, but the states measured at the month's end are measured zeros.
    expect(await countIndicatorRows(env.database.db, org.id)).toEqual({ cells: 2, runs: 1 });
    const run = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .selectFrom('indicator_refresh_run')
        .selectAll()
        .where('org_id', '=', org.id)
        .executeTakeFirstOrThrow(),
    );
    expect(run).toMatchObject({ trigger: 'nightly', requested_by: null, cells_written: 2, errors: [] });
    expect(logged).toContain('indicators refreshed');
    expect(logged.filter((m) => m.startsWith('warn'))).toEqual([]);
  });
});
