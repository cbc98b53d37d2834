import { availableParallelism } from 'node:os';
import { buildApp } from '../../apps/server/src/app';
import { systemClock } from '../../apps/server/src/clock';
import { loadConfig } from '../../apps/server/src/config';
import { appRole, type Database } from '../../apps/server/src/db/connect';
import { openDatabase } from '../../apps/server/src/db/open';
import { sessionLookupSql } from '../../apps/server/src/modules/auth/auth.repo';
import {
  hashSessionToken,
  sessionCookieName,
  touchIntervalMs,
} from '../../apps/server/src/modules/auth/sessions';
import { buildOrganisation, buildStaffUser, buildUnit } from '../../apps/server/test/factories';
import { BackendCpu, backendPidsSql } from '../lib/cpu.usage';
import { runHttpLoad } from '../lib/http-load.runner';
import { type PgbenchMode, type PgbenchResult, runPgbench } from '../lib/pgbench.runner';
import type { Measurement, Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario.types';
import { type CapturedQuery, toPgbenchScript } from '../lib/statement.replay';

async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookieName}=`));
  if (!cookie) throw new Error('login answered 200 but set no session cookie');
  return decodeURIComponent(cookie.slice(sessionCookieName.length + 1).split(';')[0] ?? '');
}

async function checkMe(baseUrl: string, cookie: string, email: string): Promise<void> {
  const res = await fetch(`${baseUrl}/api/me`, { headers: { cookie } });
  const body = (await res.json()) as { kind?: string; user?: { email?: string } };
  if (res.status !== 200 || body.kind !== 'staff' || body.user?.email !== email) {
    throw new Error(`GET /api/me before the run: ${res.status} ${JSON.stringify(body)}`);
  }
}

/** Runs the statement exactly as pgbench will (same role, same parameter) and checks its row. */
async function checkLookup(database: Database, idHash: string, staffUserId: string): Promise<void> {
  const rows = await database.withOwnerClient(async (client) => {
    await client.query(`SET ROLE ${appRole}`);
    return (await client.query<{ staff_user_id: string }>(sessionLookupSql, [idHash])).rows;
  });
  if (rows.length !== 1 || rows[0]?.staff_user_id !== staffUserId) {
    throw new Error(`the session lookup returned ${rows.length} rows, not the session of the staff user`);
  }
}

async function lastSeenAt(database: Database, idHash: string): Promise<Date> {
  return database.withOwnerClient(async (client) => {
    const { rows } = await client.query<{ last_seen_at: Date }>(
      'SELECT last_seen_at FROM auth_session WHERE id_hash = $1',
      [idHash],
    );
    if (!rows[0]) throw new Error('the session row is gone');
    return rows[0].last_seen_at;
  });
}

async function listBackendPids(database: Database, which: 'all' | 'pgbench'): Promise<number[]> {
  // A connection of its own (not the app's pool), so this works after the app has closed too.
  const { rows } = await database.withOwnerClient((client) =>
    client.query<{ pid: number }>(backendPidsSql(which)),
  );
  return rows.map((r) => r.pid);
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** CPU time per unit of work and the rate the machine's cores could sustain at that cost. */
function cpuNote(what: string, count: number, parts: [string, number | null][]): string {
  const known = parts.filter((p): p is [string, number] => p[1] !== null);
  const micros = (ms: number) => Math.round((ms * 1000) / count);
  const listed = parts.map(([name, ms]) => `${name} ${ms === null ? 'not measured' : `${micros(ms)} µs`}`);
  const total = known.reduce((sum, [, ms]) => sum + micros(ms), 0);
  const ceiling = Math.round((availableParallelism() * 1_000_000) / total).toLocaleString('en-US');
  const partial = known.length < parts.length ? ' (not every part was measured)' : '';
  return (
    `CPU ${what}: ${listed.join(', ')}; together ${total} µs, so ${availableParallelism()} cores ` +
    `could do at most ~${ceiling}/s at this cost${partial}.`
  );
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { options } = ctx;
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    DATABASE_POOL_SIZE: String(options.poolSize),
    LOG_LEVEL: 'silent',
  });
  ctx.log('migrating the database and starting the app');
  // Records the statements of one request before the load; a no-op call during the load.
  let captured: CapturedQuery[] | null = null;
  const database = await openDatabase(config.database, {
    onQuery: (q) => captured?.push({ sql: q.sql, parameters: q.parameters }),
  });
  const app = await buildApp({ config, database, clock: systemClock, logger: false });
  let appOpen = true;
  const closeApp = async () => {
    if (!appOpen) return;
    appOpen = false;
    await app.close();
    await database.close();
  };
  try {
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const org = await buildOrganisation(database.db);
    const unit = await buildUnit(database.db, org.id);
    const staff = await buildStaffUser(database.db, org.id, { unitIds: [unit.id] });
    const token = await login(baseUrl, staff.email, staff.password);
    const cookie = `${sessionCookieName}=${token}`;
    const idHash = hashSessionToken(token);
    await checkMe(baseUrl, cookie, staff.email);
    captured = [];
    await checkMe(baseUrl, cookie, staff.email);
    const requestQueries: CapturedQuery[] = captured;
    captured = null;
    if (requestQueries.filter((q) => oneLine(q.sql) === sessionLookupSql).length !== 1) {
      throw new Error(
        `GET /api/me did not run sessionLookupSql exactly once; it ran:\n${requestQueries.map((q) => oneLine(q.sql)).join('\n')}`,
      );
    }
    await checkLookup(database, idHash, staff.id);
    const loggedInAt = await lastSeenAt(database, idHash);

    ctx.log(
      `HTTP: ${options.warmupSeconds} s warm-up, then ${options.durationSeconds} s at ${options.connections} connections`,
    );
    let appCpuStart = process.cpuUsage();
    let poolBackends: BackendCpu | undefined;
    const http = await runHttpLoad(
      {
        url: `${baseUrl}/api/me`,
        headers: { cookie },
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        durationSeconds: options.durationSeconds,
      },
      {
        beforeMeasuring: async () => {
          poolBackends = new BackendCpu(await listBackendPids(database, 'all'), false);
          appCpuStart = process.cpuUsage();
        },
      },
    );
    const appCpu = process.cpuUsage(appCpuStart);
    poolBackends?.sample();
    const seenAfter = await lastSeenAt(database, idHash);
    const sessionAgeSeconds = (Date.now() - loggedInAt.getTime()) / 1000;
    await closeApp();

    const pgbench = (queries: CapturedQuery[], mode: PgbenchMode) =>
      runPgbench({
        url: ctx.databaseUrl,
        ...toPgbenchScript(queries),
        role: appRole,
        connections: options.connections,
        threads: options.pgbenchThreads,
        durationSeconds: options.durationSeconds,
        mode,
        listBackendPids: () => listBackendPids(database, 'pgbench'),
      });
    ctx.log(
      `SQL: the session lookup in pgbench, ${options.durationSeconds} s at ${options.connections} connections`,
    );
    const lookup = await pgbench([{ sql: sessionLookupSql, parameters: [idHash] }], options.pgbenchMode);
    ctx.log(
      `SQL: the request's ${requestQueries.length} statements in pgbench, ${options.durationSeconds} s`,
    );
    // node-postgres sends unnamed statements (parsed and planned on every call): so does --protocol=extended.
    const replay = await pgbench(requestQueries, 'extended');

    const row = (label: string, r: PgbenchResult): Measurement => ({
      label,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      perSecond: r.perSecond,
      latency: r.latency,
    });
    const measurements: Measurement[] = [
      {
        label: 'HTTP GET /api/me (app)',
        connections: options.connections,
        durationSeconds: http.durationSeconds,
        perSecond: http.perSecond,
        latency: http.latency,
      },
      row('SQL session lookup (pgbench)', lookup),
      row(`SQL the request's ${requestQueries.length} statements, unprepared (pgbench)`, replay),
    ];
    const touched = seenAfter.getTime() !== loggedInAt.getTime();
    return {
      title: 'Authenticated GET /api/me next to its session lookup run bare',
      measurements,
      comparisons: [
        `throughput: the bare lookup does ${ratio(lookup.perSecond, http.perSecond)} the requests/s of the app`,
        `latency: the app's p50 is ${ratio(http.latency.p50Ms, lookup.latency.p50Ms)} and its p95 ` +
          `${ratio(http.latency.p95Ms, lookup.latency.p95Ms)} that of the bare lookup`,
        `the request's own statements run bare do ${ratio(replay.perSecond, http.perSecond)} the requests/s ` +
          `of the app`,
      ],
      notes: [
        `App: in-process Fastify app on 127.0.0.1 (NODE_ENV=production, request logging off), ` +
          `PostgreSQL pool of ${options.poolSize}; load from autocannon in a child process, pipelining 1.`,
        `HTTP: ${http.completed} responses in the measured run and ${http.warmupCompleted} in the warm-up, ` +
          `every one 200. autocannon's own histogram (whole ms) says p50 ${http.autocannon.p50} ms, ` +
          `p97.5 ${http.autocannon.p97_5} ms; the table's percentiles are nearest-rank over every response.`,
        `One GET /api/me ran these ${requestQueries.length} statements (captured with the database's onQuery ` +
          `hook and replayed with their parameters in the last row): ` +
          `${requestQueries.map((q) => `\`${oneLine(q.sql)}\``).join('; ')}.`,
        touched
          ? `Session: last_seen_at was written during the run (at most once per ${touchIntervalMs / 1000} s).`
          : `Session: last_seen_at was not written during warm-up or run (it is written at most once per ` +
            `${touchIntervalMs / 1000} s; the session was ${sessionAgeSeconds.toFixed(0)} s old at the end), ` +
            `so the HTTP figures contain no session write.`,
        cpuNote('per HTTP request in the measured run', http.completed, [
          ['app process', (appCpu.user + appCpu.system) / 1000],
          ['its PostgreSQL backends', poolBackends?.totalMs() ?? null],
          ['load generator', http.loadGeneratorCpuMs],
        ]),
        cpuNote('per bare session lookup', lookup.transactions, [
          ['PostgreSQL backends (read from /proc every 100 ms)', lookup.backendCpuMs],
          ['pgbench', lookup.clientCpuMs],
        ]),
        cpuNote(`per replay of the request's statements`, replay.transactions, [
          ['PostgreSQL backends', replay.backendCpuMs],
          ['pgbench', replay.clientCpuMs],
        ]),
        `SQL: \`${lookup.command}\`, the script being the app's \`sessionLookupSql\` with the session's ` +
          `id_hash; the last row runs the captured statements the same way but with --protocol=extended, ` +
          `as node-postgres sends them (unnamed, so parsed and planned on every call); ${lookup.transactions} and ` +
          `${replay.transactions} transactions, 0 failed; percentiles from pgbench's per-transaction log ` +
          `(whole µs); requests/s is pgbench's tps without connection time.`,
      ],
    };
  } finally {
    await closeApp();
  }
}

export const meScenario: Scenario = {
  name: 'me',
  summary: 'authenticated GET /api/me over HTTP vs. its session-lookup SQL bare in pgbench',
  run,
};
