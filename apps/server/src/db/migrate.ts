import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any constant: every process that migrates this database takes the same lock. */
const migrationLockKey = 7_401_552_001;

export type Migration = { version: number; name: string; sql: string; checksum: string };

export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/**
 * Applies pending migrations under a session-level advisory lock, so two processes starting
 * at once apply each migration exactly once; the second waits and then finds nothing to do.
 */
export async function migrate(client: pg.ClientBase): Promise<{ applied: string[] }> {
  await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = await client.query<{ version: number; checksum: string; name: string }>(
      'SELECT version, checksum, name FROM schema_migration',
    );
    const applied = new Map(done.rows.map((r) => [r.version, r]));
    const result: string[] = [];
    for (const m of loadMigrations()) {
      const prior = applied.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(
            `migration ${m.version}_${m.name} was changed after it was applied; add a new one instead`,
          );
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          m.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.version}_${m.name} failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
      result.push(`${m.version}_${m.name}`);
    }
    return { applied: result };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
  }
}
