import type { Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import {
  defaultIndicatorRefreshCron,
  type IndicatorRefreshJobData,
  indicatorRefreshJobData,
  runIndicatorRefresh,
} from './indicator-refresh.job';
import { jobSchema, kyselyJobDb, queues } from './job-queue';
import { runNightlyTaskRules, type TaskRulesJobData } from './task-rules.job';

const taskRulesJobData = z.strictObject({ orgId: z.uuid().optional() });

export type JobLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
};

export type JobsOptions = {
  db: Kysely<DB>;
  clock: Clock;
  log: JobLog;
  /** Cron for the task-rule run, in Europe/Copenhagen time. */
  taskRulesCron: string;
  /** Cron for the indicators' nightly refresh (Europe/Copenhagen); after the task rules by default. */
  indicatorRefreshCron?: string;
  /** How often an idle worker asks for a job; a nightly job needs no more than every half minute. */
  pollingIntervalSeconds?: number;
};

export type Jobs = { boss: PgBoss; stop(): Promise<void> };

const timeZone = 'Europe/Copenhagen';

/**
 * Starts pg-boss on the application's database: the worker for the task rules and their daily
 * schedule. pg-boss's cron lets one server send the job per slot, and the queue's `singleton`
 * policy keeps a second run from starting while one is active, so any number of servers can
 * run this. The schema and queues are installed by the owner when the database opens.
 */
export async function startJobs(options: JobsOptions): Promise<Jobs> {
  const polling = options.pollingIntervalSeconds ?? 30;
  const boss = new PgBoss({
    db: kyselyJobDb(options.db),
    schema: jobSchema,
    migrate: false,
    // Cron checks every half minute at most: the nightly run may start up to a minute after 02:00.
    cronMonitorIntervalSeconds: Math.max(polling, 1),
    cronWorkerIntervalSeconds: Math.max(polling, 1),
  });
  boss.on('error', (error: Error) =>
    options.log.warn({ err: { name: error.name, message: error.message } }, 'job queue error'),
  );
  await boss.start();
  await boss.work<TaskRulesJobData>(
    queues.taskRules.name,
    { pollingIntervalSeconds: polling },
    async (batch) => {
      const started = Date.now();
      // One job at a time (batch size 1); its data is checked like any input from outside.
      const data = taskRulesJobData.parse(batch[0]?.data ?? {});
      const result = await runNightlyTaskRules(options.db, options.clock, data);
      options.log.info(
        { job: queues.taskRules.name, ...result, durationMs: Date.now() - started },
        'task rules ran',
      );
      return result;
    },
  );
  await boss.schedule(queues.taskRules.name, options.taskRulesCron, {}, { tz: timeZone });
  await boss.work<IndicatorRefreshJobData>(
    queues.indicatorRefresh.name,
    { pollingIntervalSeconds: polling },
    async (batch) => {
      const started = Date.now();
      const data = indicatorRefreshJobData.parse(batch[0]?.data ?? {});
      const result = await runIndicatorRefresh(options.db, options.clock, data);
      options.log.info(
        { job: queues.indicatorRefresh.name, ...result, durationMs: Date.now() - started },
        'indicators refreshed',
      );
      return result;
    },
  );
  await boss.schedule(
    queues.indicatorRefresh.name,
    options.indicatorRefreshCron ?? defaultIndicatorRefreshCron,
    {},
    { tz: timeZone },
  );
  return {
    boss,
    async stop() {
      // Waits for a running job to finish (up to 30 s); one cut short is redone by the next run.
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 30_000 });
    },
  };
}
