/**
 * `timeline`: a health visitor's two everyday reads on a national-size database — a family's
 * timeline (getFamilyTimeline) and "Mine familier" with a caseload of 300 (listMyFamilies) —
 * over HTTP, next to the very statements each request runs, replayed bare in pgbench at the
 * same concurrency, with and without the audit write.
 */
import { buildApp } from '../../apps/server/src/app';
import { systemClock } from '../../apps/server/src/clock';
import { loadConfig } from '../../apps/server/src/config';
import { appRole, type Database } from '../../apps/server/src/db/connect';
import { openDatabase } from '../../apps/server/src/db/open';
import { sessionLookupSql } from '../../apps/server/src/modules/auth/auth.repo';
import { hashSessionToken, sessionCookieName } from '../../apps/server/src/modules/auth/sessions';
import { BackendCpu } from '../lib/cpu.usage';
import { caseloadSize, prepareFamiliesDataset, vacuumAnalyze } from '../lib/families.dataset';
import { type HttpLoadResult, runHttpLoad } from '../lib/http-load.runner';
import { type PgbenchResult, runPgbench } from '../lib/pgbench.runner';
import {
  type AuditReplay,
  buildReplayScript,
  isAuditStatement,
  type ReplayScript,
} from '../lib/request.replay';
import { cpuNote, listBackendPids, loginCookie, median, oneLine, ratio } from '../lib/scenario.helpers';
import type { Measurement, Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario.types';
import type { CapturedQuery } from '../lib/statement.replay';

/** Families of her caseload the timeline requests rotate through. */
const sampleSize = 200;

type TimedQuery = CapturedQuery & { durationMs: number };
type Captured = { path: string; queries: TimedQuery[]; ms: number; bytes: number; body: unknown };

/** The statements of one request, named by kind, for the reader of the notes. */
function composition(queries: readonly CapturedQuery[]): string {
  const kinds = new Map<string, number>();
  const add = (kind: string) => kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  for (const q of queries) {
    const sql = oneLine(q.sql);
    if (sql === sessionLookupSql) add('session lookup');
    else if (/^(begin|commit)$/i.test(sql)) add('BEGIN/COMMIT');
    else if (sql.includes("set_config('app.system'")) add("set_config('app.system') toggles of asSystem");
    else if (sql.includes("set_config('app.org_ids'")) add("set_config('app.org_ids')");
    else if (isAuditStatement(sql)) add('audit write (chain head, event, chain head)');
    else if (/^select/i.test(sql)) add('selects');
    else add('other writes');
  }
  return [...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ');
}

/** Which tables a statement reads or writes, as a short name for it. */
function statementLabel(sql: string): string {
  const line = oneLine(sql);
  if (line === sessionLookupSql || /^(begin|commit)$/i.test(line) || line.startsWith('SELECT set_config')) {
    return line.replace(/, \$1, true\)/, ', …)');
  }
  const tables = [...line.matchAll(/(?:from|join|into|update) "(\w+)"/gi)].map((m) => m[1]);
  const verb = (/^\w+/.exec(line)?.[0] ?? '').toLowerCase();
  return `${verb} ${[...new Set(tables)].join(' ⋈ ')}`;
}

/** Mean time per request of the statements that take most of it, from the unloaded pass. */
function slowestStatements(captures: readonly Captured[], top: number): string {
  const total = new Map<string, number>();
  let all = 0;
  for (const c of captures) {
    for (const q of c.queries) {
      const label = statementLabel(q.sql);
      total.set(label, (total.get(label) ?? 0) + q.durationMs);
      all += q.durationMs;
    }
  }
  const n = captures.length;
  return [...total]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([label, ms]) => `\`${label}\` ${(ms / n).toFixed(2)} ms (${Math.round((100 * ms) / all)}%)`)
    .join(', ');
}

async function lastSeenAt(database: Database, cookie: string): Promise<Date | null> {
  const token = decodeURIComponent(cookie.slice(sessionCookieName.length + 1));
  return database.withOwnerClient(async (client) => {
    const { rows } = await client.query<{ last_seen_at: Date }>(
      'SELECT last_seen_at FROM auth_session WHERE id_hash = $1',
      [hashSessionToken(token)],
    );
    return rows[0]?.last_seen_at ?? null;
  });
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { options } = ctx;
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    DATABASE_POOL_SIZE: String(options.poolSize),
    LOG_LEVEL: 'silent',
  });
  ctx.log('migrating the database');
  // Records the statements of the requests of a capture pass; a no-op call during the load.
  let captured: TimedQuery[] | null = null;
  const database = await openDatabase(config.database, {
    onQuery: (q) => captured?.push({ sql: q.sql, parameters: q.parameters, durationMs: q.durationMs }),
  });
  let appOpen = false;
  let closeApp: () => Promise<void> = async () => undefined;
  try {
    const dataset = await prepareFamiliesDataset(database, config, ctx.log);
    ctx.log(
      dataset.built.length > 0
        ? `built: ${dataset.built.join(', ')}`
        : `reused the data set (${dataset.familyCount} families)`,
    );
    ctx.log('VACUUM (ANALYZE) as the owner');
    const vacuumSeconds = await vacuumAnalyze(database);

    const app = await buildApp({ config, database, clock: systemClock, logger: false });
    appOpen = true;
    closeApp = async () => {
      if (!appOpen) return;
      appOpen = false;
      await app.close();
    };
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const hv = dataset.healthVisitor;
    const sample = dataset.caseloadFamilyIds.slice(0, sampleSize);
    const timelinePaths = sample.map((id) => `/api/families/${id}/timeline`);

    const capture = async (cookie: string, path: string): Promise<Captured> => {
      captured = [];
      const started = performance.now();
      const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
      const text = await res.text();
      const ms = performance.now() - started;
      const queries = captured;
      captured = null;
      if (res.status !== 200)
        throw new Error(`GET ${path} before the run: ${res.status} ${text.slice(0, 300)}`);
      return { path, queries, ms, bytes: Buffer.byteLength(text), body: JSON.parse(text) };
    };
    /** One unmeasured pass to warm caches and plans, then the capture pass, one request at a time. */
    const capturePass = async (cookie: string, paths: string[]) => {
      for (const path of paths) await capture(cookie, path);
      const out: Captured[] = [];
      for (const path of paths) out.push(await capture(cookie, path));
      return out;
    };
    let appCpuStart = process.cpuUsage();
    let poolBackends: BackendCpu | undefined;
    const httpRun = async (cookie: string, paths: string[]) => {
      const http = await runHttpLoad(
        {
          url: `${baseUrl}${paths[0]}`,
          ...(paths.length > 1 ? { paths } : {}),
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
      const cpu = process.cpuUsage(appCpuStart);
      poolBackends?.sample();
      return {
        http,
        appCpuMs: (cpu.user + cpu.system) / 1000,
        backendCpuMs: poolBackends?.totalMs() ?? null,
      };
    };

    // (a) The timeline, rotating over the sample. A fresh session per endpoint: its last_seen_at
    // is written at most once a minute, checked below.
    const timelineCookie = await loginCookie(baseUrl, hv.email, hv.password);
    const timelineLogin = await lastSeenAt(database, timelineCookie);
    ctx.log(`capturing the statements of GET /api/families/:id/timeline for ${sample.length} families`);
    const timelineCaptures = await capturePass(timelineCookie, timelinePaths);
    for (const c of timelineCaptures) {
      const body = c.body as { familyId?: string; entries?: unknown[] };
      if (!c.path.includes(body.familyId ?? '-') || !Array.isArray(body.entries)) {
        throw new Error(`GET ${c.path} did not answer that family's timeline`);
      }
    }
    ctx.log(
      `HTTP timeline: ${options.warmupSeconds} s warm-up, then ${options.durationSeconds} s at ${options.connections} connections`,
    );
    const timelineHttp = await httpRun(timelineCookie, timelinePaths);
    const timelineTouched =
      (await lastSeenAt(database, timelineCookie))?.getTime() !== timelineLogin?.getTime();

    // (b) "Mine familier".
    const myCookie = await loginCookie(baseUrl, hv.email, hv.password);
    const myLogin = await lastSeenAt(database, myCookie);
    ctx.log('capturing the statements of GET /api/my/families');
    const myCaptures = await capturePass(myCookie, ['/api/my/families']);
    const myCapture = myCaptures[0] as Captured;
    const myBody = myCapture.body as { id: string }[];
    if (!Array.isArray(myBody) || myBody.length !== caseloadSize) {
      throw new Error(
        `GET /api/my/families answered ${Array.isArray(myBody) ? myBody.length : 'no list of'} families`,
      );
    }
    ctx.log(`HTTP my families: ${options.warmupSeconds} s warm-up, then ${options.durationSeconds} s`);
    const myHttp = await httpRun(myCookie, ['/api/my/families']);
    const myTouched = (await lastSeenAt(database, myCookie))?.getTime() !== myLogin?.getTime();
    await closeApp();

    // The same statements bare, with and without the audit write.
    const pgbench = (script: ReplayScript) =>
      runPgbench({
        url: ctx.databaseUrl,
        statements: [],
        script: script.script,
        variables: script.variables,
        role: appRole,
        connections: options.connections,
        threads: options.pgbenchThreads,
        durationSeconds: options.durationSeconds,
        // node-postgres sends unnamed statements (parsed and planned on every call): so does extended.
        mode: 'extended',
        listBackendPids: () => listBackendPids(database, 'pgbench'),
      });
    const scripts = (captures: Captured[], audit: AuditReplay) =>
      buildReplayScript(
        captures.map((c) => c.queries),
        { audit },
      );
    const replays: Record<string, { script: ReplayScript; result: PgbenchResult }> = {};
    for (const [key, captures] of [
      ['timeline', timelineCaptures],
      ['my', myCaptures],
    ] as const) {
      for (const audit of ['replay', 'omit'] as const) {
        const script = scripts(captures, audit);
        ctx.log(
          `SQL: ${key} statements in pgbench (${audit === 'replay' ? 'with' : 'without'} the audit write), ${options.durationSeconds} s`,
        );
        replays[`${key}:${audit}`] = { script, result: await pgbench(script) };
      }
    }
    const rep = (key: string) => replays[key] as { script: ReplayScript; result: PgbenchResult };

    const httpRow = (label: string, r: HttpLoadResult): Measurement => ({
      label,
      connections: options.connections,
      durationSeconds: r.durationSeconds,
      perSecond: r.perSecond,
      latency: r.latency,
    });
    const sqlRow = (label: string, r: PgbenchResult): Measurement => ({
      label,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      perSecond: r.perSecond,
      latency: r.latency,
    });
    const tq = timelineCaptures.map((c) => c.queries.length);
    const tqText =
      Math.min(...tq) === Math.max(...tq) ? String(tq[0]) : `${Math.min(...tq)}–${Math.max(...tq)}`;
    const mq = myCapture.queries.length;
    const measurements: Measurement[] = [
      httpRow(`HTTP GET /api/families/:id/timeline (app, ${sample.length} families)`, timelineHttp.http),
      sqlRow(`SQL its ${tqText} statements bare (pgbench)`, rep('timeline:replay').result),
      sqlRow('SQL the same without the audit write (pgbench)', rep('timeline:omit').result),
      httpRow(`HTTP GET /api/my/families (app, caseload ${caseloadSize})`, myHttp.http),
      sqlRow(`SQL its ${mq} statements bare (pgbench)`, rep('my:replay').result),
      sqlRow('SQL the same without the audit write (pgbench)', rep('my:omit').result),
    ];

    const unloaded = (captures: Captured[]) => {
      const total = median(captures.map((c) => c.ms));
      const db = median(captures.map((c) => c.queries.reduce((s, q) => s + q.durationMs, 0)));
      return { total, db };
    };
    const tu = unloaded(timelineCaptures);
    const mu = unloaded(myCaptures);
    const entries = median(
      timelineCaptures.map((c) => ((c.body as { entries: unknown[] }).entries ?? []).length),
    );
    const bytes = median(timelineCaptures.map((c) => c.bytes));
    const cpuHttp = (what: string, r: Awaited<ReturnType<typeof httpRun>>) =>
      cpuNote(`per ${what} request in the measured run`, r.http.completed, [
        ['app process', r.appCpuMs],
        ['its PostgreSQL backends', r.backendCpuMs],
        ['load generator', r.http.loadGeneratorCpuMs],
      ]);
    const cpuSql = (what: string, r: PgbenchResult) =>
      cpuNote(what, r.transactions, [
        ['PostgreSQL backends (read from /proc every 100 ms)', r.backendCpuMs],
        ['pgbench', r.clientCpuMs],
      ]);
    const tr = rep('timeline:replay');
    const mr = rep('my:replay');
    const inlined = tr.script.inlinedStatements + mr.script.inlinedStatements;

    return {
      title: `A health visitor's timeline and "Mine familier" on ${dataset.familyCount.toLocaleString('en-US')} families, next to their SQL run bare`,
      measurements,
      comparisons: [
        `timeline: its statements run bare do ${ratio(tr.result.perSecond, timelineHttp.http.perSecond)} the requests/s ` +
          `of the app, and ${ratio(rep('timeline:omit').result.perSecond, timelineHttp.http.perSecond)} without the audit write`,
        `my families: its statements run bare do ${ratio(mr.result.perSecond, myHttp.http.perSecond)} the requests/s ` +
          `of the app, and ${ratio(rep('my:omit').result.perSecond, myHttp.http.perSecond)} without the audit write`,
        `latency: the app's p50 is ${ratio(timelineHttp.http.latency.p50Ms, tr.result.latency.p50Ms)} (timeline) and ` +
          `${ratio(myHttp.http.latency.p50Ms, mr.result.latency.p50Ms)} (my families) that of its statements run bare`,
      ],
      notes: [
        `Data: the demo seed plus ${(dataset.familyCount - 300).toLocaleString('en-US')} synthetic families ` +
          `(generateFamilies, ${dataset.familyCount.toLocaleString('en-US')} in Demo Kommune, two districts); ` +
          `${dataset.built.length > 0 ? `built in this run (${dataset.built.join(', ')}${dataset.generateSeconds ? `; generating took ${dataset.generateSeconds.toFixed(0)} s` : ''})` : 'reused from an earlier run (app_meta keys bench:families:*)'}; ` +
          `VACUUM (ANALYZE) as the owner took ${vacuumSeconds.toFixed(1)} s before the run. The health visitor ` +
          `(${hv.email}, district Sundhedsplejen Nord) coordinates exactly ${caseloadSize} families; their previous ` +
          `coordinators' assignments were ended. The demo's four other health visitors coordinate the remaining ` +
          `families (~21,000 each), far more than anyone would.`,
        `Timeline: the load rotates over ${sample.length} families of her caseload, one request after the other over ` +
          `all connections; pgbench picks one of the same ${sample.length} captured requests at random per transaction ` +
          `(\\set and \\if). A timeline had a median of ${entries} entries and ${bytes} bytes of JSON. ` +
          `One request ran: ${composition(timelineCaptures[0]?.queries ?? [])}.`,
        `My families: ${caseloadSize} families, ${myCapture.bytes.toLocaleString('en-US')} bytes of JSON; one request ran: ` +
          `${composition(myCapture.queries)}; the audit event lists the ${caseloadSize} family ids.`,
        `Unloaded, one request at a time after a warm-up pass (the capture pass): timeline median ${tu.total.toFixed(1)} ms ` +
          `per request, of which ${tu.db.toFixed(1)} ms waiting on its statements (onQuery durations, round trips ` +
          `included); my families ${mu.total.toFixed(1)} ms, of which ${mu.db.toFixed(1)} ms on statements. ` +
          `Slowest timeline statements (mean per request): ${slowestStatements(timelineCaptures, 4)}. ` +
          `Slowest my-families statements: ${slowestStatements(myCaptures, 3)}.`,
        `HTTP: ${timelineHttp.http.completed} and ${myHttp.http.completed} responses in the measured runs ` +
          `(${timelineHttp.http.warmupCompleted} and ${myHttp.http.warmupCompleted} in the warm-ups), every one 200. ` +
          `Session: last_seen_at ${timelineTouched || myTouched ? 'was written during a run (at most once a minute)' : 'was not written during either run'}.`,
        cpuHttp('timeline', timelineHttp),
        cpuSql('per bare timeline replay (with the audit write)', tr.result),
        cpuSql('per bare timeline replay without the audit write', rep('timeline:omit').result),
        cpuHttp('my-families', myHttp),
        cpuSql('per bare my-families replay (with the audit write)', mr.result),
        cpuSql('per bare my-families replay without the audit write', rep('my:omit').result),
        `SQL: \`${tr.result.command}\`, the script holding every captured statement with its parameters as pgbench ` +
          `variables (equal values share one), BEGIN, set_config and COMMIT included, sent unnamed as node-postgres ` +
          `sends them. The audit write takes its chain position as the app does: the chain head's ` +
          `\`RETURNING seq, last_hash\` goes into the event's chain_seq and prev_hash with \\gset, so the row lock on ` +
          `the organisation's chain head is held to COMMIT as in the app and (chain_key, chain_seq) stays unique; the ` +
          `stored hashes are the captured ones, so the replayed events do not verify as a chain. ` +
          `${inlined > 0 ? `${inlined} statement(s) had more parameters than pgbench allows (255): their values are written in as untyped literals, which PostgreSQL types from the context as it does node-postgres's untyped parameters. ` : ''}` +
          `Transactions: ${Object.values(replays)
            .map((r) => r.result.transactions)
            .join(', ')}, 0 failed; percentiles from pgbench's per-transaction log (whole µs).`,
      ],
    };
  } finally {
    await closeApp();
    await database.close();
  }
}

export const timelineScenario: Scenario = {
  name: 'timeline',
  summary: 'a family timeline and "Mine familier" (300) on 100,000 families vs. their SQL bare in pgbench',
  database: 'kept',
  run,
};
