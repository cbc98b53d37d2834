import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CompiledQuery, Kysely, type KyselyConfig, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema';

export type DatabaseKind = 'pglite' | 'postgres';

/** The role the application runs as; migrations run as the connecting (owner) user. */
export const appRole = 'familiespor_app';

export type Database = {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Runs SQL as the connecting user (owner/superuser): migrations and operator tools only. */
  withOwnerClient<T>(fn: (client: pg.ClientBase) => Promise<T>): Promise<T>;
  /** PGlite only: the whole database as one tar file, to start another embedded database from. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
};

export type ConnectOptions = (
  | {
      kind: 'pglite';
      dataDir: string | null; // null: in memory
      /** A dump of another embedded database (`dumpDataDir`) to start from, instead of an empty one. */
      startFrom?: Blob | undefined;
    }
  | { kind: 'postgres'; url: string; poolSize?: number; ownerUrl?: string | undefined }
) & {
  /** Sees every statement with its parameters and duration: benchmarks replay them bare, operators debug. */
  onQuery?:
    | ((query: { sql: string; parameters: readonly unknown[]; durationMs: number }) => void)
    | undefined;
};

function kyselyLog(options: ConnectOptions): KyselyConfig['log'] {
  const onQuery = options.onQuery;
  if (!onQuery) return undefined;
  return (event) => {
    if (event.level === 'query') {
      onQuery({
        sql: event.query.sql,
        parameters: event.query.parameters,
        durationMs: event.queryDurationMillis,
      });
    }
  };
}

// node-postgres returns `date` columns as JS Dates at local midnight; keep them as ISO strings.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
// bigint counts (e.g. count(*)) fit in a JS number for every table this app has.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/**
 * PGlite is one process's database: a second process opening the same directory would
 * corrupt it. A lock file with the owner's pid refuses the second one with a clear message.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'familiespor.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockFile, 'utf8'));
      if (pid && isAlive(pid)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${pid}${pid === process.pid ? ' (this one)' : ''}. ` +
            'Stop it first (one process at a time), or use DATABASE_URL for a PostgreSQL server that several processes can share.',
        );
      }
      rmSync(lockFile, { force: true }); // left behind by a process that is gone
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Fails fast when the connecting user cannot act as the application role — otherwise the
 * first query would hang on a connection whose SET ROLE failed.
 */
export async function assertAppRoleUsable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ ok: boolean | null }>(
      `SELECT pg_has_role(current_user, $1, 'MEMBER') AS ok`,
      [appRole],
    );
    if (!r.rows[0]?.ok) {
      throw new Error(
        `The database user cannot act as ${appRole}: GRANT ${appRole} TO <the user in DATABASE_URL> (docs/operations.md)`,
      );
    }
  } finally {
    await client.end();
  }
}

export async function connect(options: ConnectOptions): Promise<Database> {
  const log = kyselyLog(options);
  return options.kind === 'pglite'
    ? connectPglite(options.dataDir, options.startFrom, log)
    : connectPostgres(options.url, options.poolSize, options.ownerUrl, log);
}

const setAppRole = async (connection: { executeQuery: (q: CompiledQuery) => Promise<unknown> }) => {
  await connection.executeQuery(CompiledQuery.raw(`SET ROLE ${appRole}`));
};

async function connectPglite(
  dataDir: string | null,
  startFrom: Blob | undefined,
  log: KyselyConfig['log'],
): Promise<Database> {
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => undefined;
  const lite = new PGlite(dataDir ?? 'memory://', startFrom ? { loadDataDir: startFrom } : {});
  await lite.waitReady;
  // PGlite is one session: node-postgres sees a pool of one connection, so a transaction
  // holds it and every other query waits — concurrent transactions stay isolated.
  const pool = new pg.Pool({ ...(createPgConfig(lite) as unknown as pg.PoolConfig), idleTimeoutMillis: 0 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool, onCreateConnection: setAppRole }), log });
  return {
    kind: 'pglite',
    db,
    async withOwnerClient(fn) {
      const client = await pool.connect();
      try {
        await client.query('RESET ROLE');
        return await fn(client);
      } finally {
        // Before the first migration the role does not exist yet; nothing runs as it then.
        await client.query(`SET ROLE ${appRole}`).catch(() => undefined);
        client.release();
      }
    },
    dumpDataDir: () => lite.dumpDataDir('none'),
    async close() {
      await db.destroy();
      await lite.close();
      releaseLock();
    },
  };
}

async function connectPostgres(
  url: string,
  poolSize = 10,
  ownerUrl: string | undefined = undefined,
  log: KyselyConfig['log'] = undefined,
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A server restart or failover kills idle connections; the pool replaces them on demand.
  // Without a listener, node-postgres would turn that into an uncaught error and exit.
  pool.on('error', (error) => {
    process.emitWarning(`PostgreSQL dropped an idle connection: ${error.message}`);
  });
  // A connection that dies while in use fails its query (the transaction rolls back); the
  // client's own 'error' event must not become an uncaught exception that ends the process.
  pool.on('connect', (client) => {
    client.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool, onCreateConnection: setAppRole }), log });
  return {
    kind: 'postgres',
    db,
    async withOwnerClient(fn) {
      // A separate connection: pooled ones have switched to the application role. In production
      // the owner (who migrates) and the application's login role have different URLs.
      const client = new pg.Client({ connectionString: ownerUrl ?? url });
      await client.connect();
      try {
        return await fn(client);
      } finally {
        await client.end();
      }
    },
    async close() {
      await db.destroy();
    },
  };
}
