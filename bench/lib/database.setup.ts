import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where a fresh benchmark database is created when BENCH_DATABASE_URL is not given. */
export const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/** `kept`: a database that stays for the next run (drop() leaves it). */
export type BenchDatabase = { url: string; created: boolean; kept?: boolean; drop(): Promise<void> };

async function psql(adminUrl: string, sql: string): Promise<void> {
  await run('psql', [
    '--no-psqlrc',
    '--quiet',
    '--set=ON_ERROR_STOP=1',
    `--dbname=${adminUrl}`,
    '--command',
    sql,
  ]).catch((error: { stderr?: string; message: string }) => {
    throw new Error(`psql failed (${sql}): ${error.stderr || error.message}`);
  });
}

/**
 * BENCH_DATABASE_URL when set (used as it is and kept), otherwise a new database
 * `familiespor_bench_<timestamp>` on the admin server, dropped again by `drop()`; with `keptName`,
 * that database instead, created when it does not exist and kept.
 */
export async function benchDatabase(
  env: NodeJS.ProcessEnv,
  now = new Date(),
  keptName?: string,
): Promise<BenchDatabase> {
  if (env.BENCH_DATABASE_URL) {
    return { url: env.BENCH_DATABASE_URL, created: false, drop: async () => undefined };
  }
  const adminUrl = env.BENCH_ADMIN_DATABASE_URL || defaultAdminUrl;
  if (keptName) {
    if (!/^[a-z_][a-z0-9_]*$/.test(keptName)) throw new Error(`not a plain database name: ${keptName}`);
    const { stdout } = await run('psql', [
      '--no-psqlrc',
      '-At',
      `--dbname=${adminUrl}`,
      '--command',
      `SELECT 1 FROM pg_database WHERE datname = '${keptName}'`,
    ]);
    const exists = stdout.trim() === '1';
    if (!exists) await psql(adminUrl, `CREATE DATABASE ${keptName}`);
    const url = new URL(adminUrl);
    url.pathname = `/${keptName}`;
    return { url: url.toString(), created: !exists, kept: true, drop: async () => undefined };
  }
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `familiespor_bench_${stamp}_${process.pid}`;
  await psql(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // One drop, however often it is asked for (end of run and Ctrl-C may both ask).
  let dropping: Promise<void> | undefined;
  return {
    url: url.toString(),
    created: true,
    drop() {
      dropping ??= psql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return dropping;
    },
  };
}
