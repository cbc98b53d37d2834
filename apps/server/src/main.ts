import { buildApp } from './app';
import { systemClock } from './clock';
import { loadConfig } from './config';
import { openDatabase } from './db/open';
import { type Jobs, startJobs } from './jobs/jobs';
import { cleanUpAuthState } from './modules/auth/housekeeping';
import { refreshAllIndicators } from './modules/indicators/indicator-refresh';
import { seedDemo } from './seed/demo-seed';

const started = Date.now();
const config = loadConfig();
const database = await openDatabase(config.database);
if (config.demo) await seedDemo({ db: database.db, clock: systemClock, config });
const app = await buildApp({ config, database, clock: systemClock });
if (config.demo) {
  // The demo shows its figures at once, not after the first nightly refresh.
  const refreshStarted = Date.now();
  const refreshed = await refreshAllIndicators(database.db, systemClock.now());
  app.log.info({ ...refreshed, ms: Date.now() - refreshStarted }, 'demo indicators refreshed');
}

// Housekeeping still runs on a timer in each process (it could move to the job queue); the
// deletes are idempotent, so several processes doing it do no harm.
const housekeeping = setInterval(
  () => {
    cleanUpAuthState({ db: database.db, clock: systemClock }).catch((error: Error) =>
      app.log.warn({ err: { name: error.name, message: error.message } }, 'housekeeping failed'),
    );
  },
  15 * 60 * 1000,
);
housekeeping.unref();

// The nightly task rules and indicator refresh (pg-boss, on PostgreSQL and on PGlite alike); JOBS=0
// leaves them to another process.
const jobs: Jobs | null = config.jobs.enabled
  ? await startJobs({
      db: database.db,
      clock: systemClock,
      log: app.log,
      taskRulesCron: config.jobs.taskRulesCron,
      indicatorRefreshCron: config.jobs.indicatorRefreshCron,
    })
  : null;

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  clearInterval(housekeeping);
  app.log.info({ signal }, 'shutting down');
  // Before the database closes: a running job finishes (or is cut short and redone next night).
  await jobs?.stop();
  await app.close();
  // PGlite flushes its files on close; without this a restart could miss the last writes.
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ port: config.port, host: config.host });
app.log.info(
  {
    database: database.kind,
    demo: config.demo,
    jobs: config.jobs.enabled,
    migrationsApplied: database.applied.length,
    startupMs: Date.now() - started,
  },
  `Familiespor is running on http://${config.host}:${config.port}`,
);
