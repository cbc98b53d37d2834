import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test/harness';
import { systemClock } from '../clock';
import { demoSeedParts, seedDemo } from '../seed/demo-seed';
import { loadMigrations } from './migrate';
import { openDatabase } from './open';
import { inScope } from './scope';

describe('migrations', () => {
  it('are numbered, forward-only files in order', () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions.length).toBeGreaterThan(0);
    expect(versions).toEqual(versions.map((_, i) => i + 1));
  });

  it('a restart on the same data directory keeps the data and seeds nothing twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'familiespor-restart-'));
    const config = { ...testConfig('pglite'), database: { kind: 'pglite' as const, dataDir: dir } };
    try {
      const first = await openDatabase(config.database);
      expect(first.applied.length).toBe(loadMigrations().length);
      expect(await seedDemo({ db: first.db, clock: systemClock, config })).toEqual(
        demoSeedParts.map((p) => p.key),
      );
      await first.close();

      const second = await openDatabase(config.database);
      expect(second.applied).toEqual([]);
      expect(await seedDemo({ db: second.db, clock: systemClock, config })).toEqual([]);
      const staff = await inScope(second.db, { kind: 'system' }, (tx) =>
        tx
          .selectFrom('staff_user')
          .select('email')
          .where('email', '=', 'sundhedsplejerske@demo.dk')
          .execute(),
      );
      expect(staff).toHaveLength(1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses demo data in production', async () => {
    const config = { ...testConfig('pglite'), production: true };
    const database = await openDatabase(config.database);
    try {
      await expect(seedDemo({ db: database.db, clock: systemClock, config })).rejects.toThrow(/production/);
    } finally {
      await database.close();
    }
  });

  const serverUrl = process.env.TEST_DATABASE_URL;
  it.skipIf(!serverUrl)(
    'two processes starting at once on PostgreSQL apply each migration once',
    async () => {
      const url = new URL(serverUrl as string);
      const name = `familiespor_migrate_${Date.now()}_${process.pid}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      url.pathname = `/${name}`;
      try {
        const database = { kind: 'postgres' as const, url: url.toString(), poolSize: 2 };
        const [a, b] = await Promise.all([openDatabase(database), openDatabase(database)]);
        expect([...a.applied, ...b.applied].sort()).toEqual(
          loadMigrations()
            .map((m) => `${m.version}_${m.name}`)
            .sort(),
        );
        const config = { ...testConfig('postgres'), database };
        const seeded = await Promise.all([
          seedDemo({ db: a.db, clock: systemClock, config }),
          seedDemo({ db: b.db, clock: systemClock, config }),
        ]);
        expect(seeded.flat()).toEqual(demoSeedParts.map((p) => p.key));
        const rows = await a.withOwnerClient((c) =>
          c.query('SELECT version FROM schema_migration ORDER BY version'),
        );
        expect(rows.rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
        await a.close();
        await b.close();
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    },
  );
});

describe('connecting as the application’s own login role', () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  it.skipIf(!serverUrl)(
    'migrates as the owner and runs as a non-owner login role under row-level security',
    async () => {
      const suffix = `${Date.now()}_${process.pid}`;
      const member = `fs_web_${suffix}`;
      const stranger = `fs_stranger_${suffix}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE ROLE ${member} LOGIN IN ROLE familiespor_app`);
      await admin.query(`CREATE ROLE ${stranger} LOGIN`);
      const as = (role: string) => {
        const u = new URL(serverUrl as string);
        u.username = role;
        return u.toString();
      };
      try {
        const database = await openDatabase({
          kind: 'postgres',
          url: as(member),
          poolSize: 2,
          ownerUrl: serverUrl,
        });
        try {
          const who = await inScope(database.db, { kind: 'orgs', orgIds: [] }, async (tx) => {
            const { sql } = await import('kysely');
            return (
              await sql<{ u: string; families: number }>`
            SELECT current_user AS u, (SELECT count(*) FROM family)::int AS families`.execute(tx)
            ).rows[0];
          });
          expect(who).toEqual({ u: 'familiespor_app', families: 0 });
        } finally {
          await database.close();
        }
        await expect(
          openDatabase({ kind: 'postgres', url: as(stranger), poolSize: 2, ownerUrl: serverUrl }),
        ).rejects.toThrow(/cannot act as familiespor_app/);
      } finally {
        await admin.query(`DROP ROLE IF EXISTS ${member}`);
        await admin.query(`DROP ROLE IF EXISTS ${stranger}`);
        await admin.end();
      }
    },
  );

  it('refuses a second opening of the same embedded database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'familiespor-lock-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir: dir });
      await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(/in use by process/);
      await first.close();
      const again = await openDatabase({ kind: 'pglite', dataDir: dir });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
