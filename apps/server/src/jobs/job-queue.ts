import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import { appRole } from '../db/connect';
import type { DB } from '../db/schema';

/** pg-boss's own schema, created and owned by the database owner (like our migrations). */
export const jobSchema = 'pgboss';

/** Every queue the application works, with its policy; created by the owner at start. */
export const queues = {
  /** The nightly task-rule run: `singleton`, so at most one run is active across all servers. */
  taskRules: { name: 'task-rules', policy: 'singleton' },
  /** The nightly refresh of the indicators' pre-aggregates (step 8): one run at a time. */
  indicatorRefresh: { name: 'indicator-refresh', policy: 'singleton' },
} as const;

/** pg-boss's internal queue for cron schedules; it creates it itself, but only an owner can. */
const scheduleQueue = '__pgboss__send-it';
/** Any constant: processes that start at once install and grant one after the other. */
const installLockKey = 7_401_552_002;

type PgBossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * pg-boss over the application's own Kysely connections, so it runs as the application role
 * with the rights granted below, on PostgreSQL and on PGlite alike. On PGlite the pool has one
 * connection: each pg-boss statement waits for a running use case to finish and then holds
 * the connection for that one statement only (pg-boss sends its transactions as one string),
 * so its polling can delay a request by one short query but never deadlock with it.
 */
export function kyselyJobDb(db: Kysely<DB>): PgBossDb {
  return {
    async executeSql(text, values = []) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: [...result.rows] };
    },
  };
}

/**
 * Creates (or migrates) pg-boss's schema and the application's queues as the owner, then lets
 * the application role use them. A queue is a partition of `pgboss.job`, and attaching a
 * partition needs the owner, so the app role cannot create queues itself.
 */
export async function installJobQueue(owner: pg.ClientBase): Promise<void> {
  await owner.query('SELECT pg_advisory_lock($1)', [installLockKey]);
  try {
    const boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => owner.query(text, values) },
      schema: jobSchema,
      migrate: true,
      supervise: false,
      schedule: false,
    });
    boss.on('error', () => undefined); // surfaced by the awaited calls below
    await boss.start();
    for (const q of Object.values(queues)) await boss.createQueue(q.name, { name: q.name, policy: q.policy });
    await boss.createQueue(scheduleQueue);
    await boss.stop({ graceful: false, close: false });
    await owner.query(`GRANT USAGE ON SCHEMA ${jobSchema} TO ${appRole}`);
    await owner.query(
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${jobSchema} TO ${appRole}`,
    );
  } finally {
    await owner.query('SELECT pg_advisory_unlock($1)', [installLockKey]);
  }
}
