import { readFileSync } from 'node:fs';
import { describe, inject } from 'vitest';
import { type App, buildApp } from '../src/app';
import type { Clock } from '../src/clock';
import { type Config, loadConfig } from '../src/config';
import type { Database } from '../src/db/connect';
import { openDatabase } from '../src/db/open';

export type DatabaseKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL names a server (CI does). */
export const testDatabases: DatabaseKind[] = process.env.TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** Runs a suite once per available database. */
export function describeEachDatabase(name: string, fn: (kind: DatabaseKind) => void): void {
  for (const kind of testDatabases) describe(`${name} [${kind}]`, () => fn(kind));
}

export type TestClock = Clock & { set(date: Date): void; advance(ms: number): void };

export function testClock(start = new Date('2026-11-23T09:00:00.000Z')): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (d) => {
      current = d.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export function testConfig(kind: DatabaseKind, overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }, process.cwd());
  const database: Config['database'] =
    kind === 'pglite'
      ? { kind: 'pglite', dataDir: null }
      : { kind: 'postgres', url: process.env.TEST_DATABASE_URL as string, poolSize: 5 };
  return { ...base, database, demo: false, ...overrides };
}

export type TestEnv = {
  app: App;
  database: Database;
  clock: TestClock;
  config: Config;
  close(): Promise<void>;
};

let template: Blob | undefined;

/** The migrated dump of pglite-template.setup.ts, read once per test process. */
function pgliteTemplate(): Blob {
  template ??= new Blob([readFileSync(inject('pgliteTemplate'))]);
  return template;
}

/**
 * A migrated database (a fresh in-memory PGlite started from the migrated dump, or the shared
 * PostgreSQL test database) and an app on it. Migrations still run: they find nothing to do, and a
 * checksum that changed since the dump would fail as it does at a real start.
 */
export async function startTestApp(
  kind: DatabaseKind,
  options: { config?: Partial<Config>; clock?: TestClock } = {},
): Promise<TestEnv> {
  const config = testConfig(kind, options.config);
  const clock = options.clock ?? testClock();
  const database = await openDatabase(
    config.database,
    config.database.kind === 'pglite' && !config.database.dataDir ? { startFrom: pgliteTemplate() } : {},
  );
  const app = await buildApp({ config, database, clock, logger: false });
  return {
    app,
    database,
    clock,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
