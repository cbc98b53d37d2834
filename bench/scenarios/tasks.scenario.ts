/**
 * `tasks`: the nightly task-rule run over a national population of small children (time, peak
 * memory, what it creates, and a second run that must create nothing), then a health visitor's
 * worklist (listMyTasks, "I dag") over HTTP next to the statements one request runs, replayed
 * bare in pgbench with and without the audit write.
 */
import { buildApp } from '../../apps/server/src/app';
import { systemClock } from '../../apps/server/src/clock';
import { loadConfig } from '../../apps/server/src/config';
import { appRole } from '../../apps/server/src/db/connect';
import { openDatabase } from '../../apps/server/src/db/open';
import { runNightlyTaskRules, type TaskRulesJobResult } from '../../apps/server/src/jobs/task-rules.job';
import { BackendCpu } from '../lib/cpu.usage';
import { vacuumAnalyze } from '../lib/families.dataset';
import { type HttpLoadResult, runHttpLoad } from '../lib/http-load.runner';
import { type PgbenchResult, runPgbench } from '../lib/pgbench.runner';
import { buildReplayScript, type ReplayScript } from '../lib/request.replay';
import { cpuNote, listBackendPids, loginCookie, median, ratio } from '../lib/scenario.helpers';
import type { Measurement, Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario.types';
import type { CapturedQuery } from '../lib/statement.replay';
import { defaultChildren, prepareTasksDataset, tasksCaseloadSize } from '../lib/tasks.dataset';

/** The rules the nightly run applies; screening follow-ups are written by recordScreening. */
const nightlyRules = ['visit_due', 'coordinator_missing', 'consent_expiring'];
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;

type RuleRun = {
  result: TaskRulesJobResult;
  seconds: number;
  peakRss: number;
  peakHeap: number;
  startRss: number;
  startHeap: number;
  backendCpuMs: number | null;
  appCpuMs: number;
};

/** Runs what the pg-boss worker runs, sampling this process's memory every 100 ms. */
async function measuredRuleRun(
  run: () => Promise<TaskRulesJobResult>,
  backendPids: () => Promise<number[]>,
): Promise<RuleRun> {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 100);
  const backends = new BackendCpu(await backendPids(), false);
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    const result = await run();
    const seconds = (performance.now() - started) / 1000;
    const app = process.cpuUsage(cpu);
    backends.sample();
    const end = process.memoryUsage();
    return {
      result,
      seconds,
      peakRss: Math.max(peakRss, end.rss),
      peakHeap: Math.max(peakHeap, end.heapUsed),
      startRss: start.rss,
      startHeap: start.heapUsed,
      backendCpuMs: backends.totalMs(),
      appCpuMs: (app.user + app.system) / 1000,
    };
  } finally {
    clearInterval(timer);
  }
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { options } = ctx;
  const wanted = options.children ?? defaultChildren;
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    DATABASE_POOL_SIZE: String(options.poolSize),
    LOG_LEVEL: 'silent',
  });
  ctx.log('migrating the database');
  let captured: CapturedQuery[] | null = null;
  const database = await openDatabase(config.database, {
    onQuery: (q) => captured?.push({ sql: q.sql, parameters: q.parameters }),
  });
  let closeApp: () => Promise<void> = async () => undefined;
  try {
    const dataset = await prepareTasksDataset(database, config, wanted, ctx.log);
    ctx.log(dataset.built.length > 0 ? `built: ${dataset.built.join(', ')}` : 'reused the data set');
    if (dataset.children < wanted) throw new Error(`only ${dataset.children} children, ${wanted} wanted`);

    // Each measured first run starts from no rule-made tasks, so it creates the same set every time.
    const cleared = await database.withOwnerClient(async (client) => {
      await client.query('BEGIN');
      await client.query(
        'DELETE FROM task_event WHERE task_id IN (SELECT id FROM task WHERE rule = ANY($1::text[]))',
        [nightlyRules],
      );
      const r = await client.query('DELETE FROM task WHERE rule = ANY($1::text[])', [nightlyRules]);
      await client.query('COMMIT');
      return r.rowCount ?? 0;
    });
    ctx.log(`cleared ${cleared} tasks of an earlier run; VACUUM (ANALYZE) as the owner`);
    const vacuumSeconds = await vacuumAnalyze(database);

    const pids = () => listBackendPids(database, 'all');
    // One pooled connection opened before the first reading, so its backend is the one counted.
    await database.db.selectFrom('app_meta').select('key').limit(1).execute();
    const nightly = () =>
      runNightlyTaskRules(database.db, systemClock, {}, (done) => {
        if (done % 50_000 < 1000) ctx.log(`  rules: ${done} families`);
      });
    ctx.log(`nightly rule run over ${dataset.families} families (first run)`);
    const first = await measuredRuleRun(nightly, pids);
    ctx.log(`  ${first.result.created} created in ${first.seconds.toFixed(1)} s; second run`);
    const second = await measuredRuleRun(nightly, pids);
    if (second.result.created !== 0) throw new Error(`the second run created ${second.result.created} tasks`);
    const byKind = await database.withOwnerClient(async (client) => {
      const { rows } = await client.query<{ kind: string; n: number }>(
        "SELECT kind, count(*)::int AS n FROM task WHERE state = 'ready' GROUP BY kind ORDER BY kind",
      );
      return rows.map((r) => `${r.kind} ${r.n.toLocaleString('en-US')}`).join(', ');
    });

    // "I dag" over HTTP, then its statements bare.
    const app = await buildApp({ config, database, clock: systemClock, logger: false });
    let open = true;
    closeApp = async () => {
      if (!open) return;
      open = false;
      await app.close();
    };
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const hv = dataset.healthVisitor;
    const cookie = await loginCookie(baseUrl, hv.email, hv.password);
    const path = '/api/tasks/mine';
    const capture = async () => {
      captured = [];
      const started = performance.now();
      const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
      const text = await res.text();
      const ms = performance.now() - started;
      const queries = captured;
      captured = null;
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
      return { queries, ms, bytes: Buffer.byteLength(text), body: JSON.parse(text) as unknown };
    };
    await capture();
    const captures = [];
    for (let i = 0; i < 20; i++) captures.push(await capture());
    const one = captures[0] as (typeof captures)[number];
    const body = one.body as { counts: Record<string, number>; items: { assignee: object }[] };
    if (!Array.isArray(body.items) || body.items.length === 0) throw new Error('her worklist is empty');
    const heldByUnit = body.items.filter((t) => 'unit' in t.assignee).length;

    ctx.log(`HTTP ${path}: ${options.warmupSeconds} s warm-up, then ${options.durationSeconds} s`);
    let backends: BackendCpu | undefined;
    let appCpu = process.cpuUsage();
    const http: HttpLoadResult = await runHttpLoad(
      {
        url: `${baseUrl}${path}`,
        headers: { cookie },
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        durationSeconds: options.durationSeconds,
      },
      {
        beforeMeasuring: async () => {
          backends = new BackendCpu(await pids(), false);
          appCpu = process.cpuUsage();
        },
      },
    );
    const appUsage = process.cpuUsage(appCpu);
    backends?.sample();
    await closeApp();

    const replays: Record<'replay' | 'omit', { script: ReplayScript; result: PgbenchResult }> = {} as never;
    for (const audit of ['replay', 'omit'] as const) {
      const script = buildReplayScript([one.queries], { audit });
      ctx.log(`SQL: its statements in pgbench (${audit === 'replay' ? 'with' : 'without'} the audit write)`);
      const result = await runPgbench({
        url: ctx.databaseUrl,
        statements: [],
        script: script.script,
        variables: script.variables,
        role: appRole,
        connections: options.connections,
        threads: options.pgbenchThreads,
        durationSeconds: options.durationSeconds,
        mode: 'extended',
        listBackendPids: () => listBackendPids(database, 'pgbench'),
      });
      replays[audit] = { script, result };
    }

    const row = (label: string, perSecond: number, latency: Measurement['latency']): Measurement => ({
      label,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      perSecond,
      latency,
    });
    const n = (x: number) => x.toLocaleString('en-US');
    const ruleLine = (what: string, r: RuleRun) =>
      `${what}: ${r.seconds.toFixed(1)} s for ${n(r.result.families)} families ` +
      `(${n(Math.round(r.result.families / r.seconds))} families/s), ${n(r.result.drafts)} drafts, ` +
      `${n(r.result.created)} tasks created; peak RSS ${mb(r.peakRss)} (${mb(r.startRss)} at the start), ` +
      `peak heap used ${mb(r.peakHeap)} (${mb(r.startHeap)} at the start); CPU: app process ` +
      `${(r.appCpuMs / 1000).toFixed(1)} s, its PostgreSQL backend(s) ` +
      `${r.backendCpuMs === null ? 'not measured' : `${(r.backendCpuMs / 1000).toFixed(1)} s`}.`;
    const unloadedMs = median(captures.map((c) => c.ms));
    return {
      title:
        `The nightly task rules over ${n(dataset.children)} children (${n(dataset.families)} families) and ` +
        `a health visitor's worklist on them, next to its SQL run bare`,
      measurements: [
        row(
          `HTTP GET ${path} (app, caseload ${tasksCaseloadSize} + her district)`,
          http.perSecond,
          http.latency,
        ),
        row(
          `SQL its ${one.queries.length} statements bare (pgbench)`,
          replays.replay.result.perSecond,
          replays.replay.result.latency,
        ),
        row(
          'SQL the same without the audit write (pgbench)',
          replays.omit.result.perSecond,
          replays.omit.result.latency,
        ),
      ],
      comparisons: [
        `nightly run: ${first.seconds.toFixed(1)} s creating ${n(first.result.created)} tasks, ` +
          `${second.seconds.toFixed(1)} s re-run creating 0 (${ratio(first.seconds, second.seconds)} faster)`,
        `worklist: its statements run bare do ${ratio(replays.replay.result.perSecond, http.perSecond)} the ` +
          `requests/s of the app, and ${ratio(replays.omit.result.perSecond, http.perSecond)} without the audit write`,
        `latency: the app's p50 is ${ratio(http.latency.p50Ms, replays.replay.result.latency.p50Ms)} that of its statements run bare`,
      ],
      notes: [
        ruleLine('Nightly run, first (no rule-made task in the database)', first),
        ruleLine('Nightly run, second (idempotency: must create 0)', second),
        `The run is runNightlyTaskRules (apps/server/src/jobs/task-rules.job.ts), what the pg-boss worker calls, ` +
          `in this process on the app's pool, batches of 1,000 families, each batch its own transaction. Before ` +
          `the first run, the ${n(cleared)} tasks the rules ${nightlyRules.join(', ')} had made (with their history) ` +
          `were deleted as the owner, so every measured first run starts from the same state; screening follow-ups ` +
          `are not the nightly run's (recordScreening writes them) and were kept. Memory: process.memoryUsage() ` +
          `every 100 ms. Backend CPU from /proc for the pool's backends open at the start. Open tasks after the ` +
          `runs, by kind: ${byKind}.`,
        `Data: the demo seed plus ${dataset.municipalities - 1} bench municipalities (4 districts each, ` +
          `21 health visitors per district; ${n(dataset.healthVisitors)} health visitors in all), ` +
          `${n(dataset.families)} families (generateFamilies: 20 % expecting, children 0–34 months, 85 % with a ` +
          `coordinator), ${n(dataset.children)} children with ${n(dataset.childVisits)} planned visits ` +
          `(planVisits of the default programme; past windows 85 % done, 10 % missed, 5 % not recorded) and ` +
          `${n(dataset.screenings)} EPDS screenings at 2-month visits of the last 90 days with their follow-up ` +
          `tasks. ${dataset.built.length > 0 ? `Built in this run: ${dataset.built.join('; ')}; generating took ${dataset.seconds.generate.toFixed(0)} s, screenings ${dataset.seconds.screenings.toFixed(0)} s` : 'Reused from an earlier run (app_meta keys bench:tasks:*)'}. ` +
          `VACUUM (ANALYZE) ${vacuumSeconds.toFixed(1)} s before the runs.`,
        `Worklist: ${hv.email} coordinates exactly ${tasksCaseloadSize} families of her district and is a member ` +
          `of that district; GET ${path} (due=all, limit 200) answered ${body.items.length} items ` +
          `(${heldByUnit} held by her district), counts ${JSON.stringify(body.counts)}, ${n(one.bytes)} bytes; ` +
          `unloaded median ${unloadedMs.toFixed(1)} ms over 20 requests after a warm-up request.`,
        `HTTP: ${http.completed} responses in the measured run (${http.warmupCompleted} in the warm-up), every one 200.`,
        cpuNote('per worklist request in the measured run', http.completed, [
          ['app process', (appUsage.user + appUsage.system) / 1000],
          ['its PostgreSQL backends', backends?.totalMs() ?? null],
          ['load generator', http.loadGeneratorCpuMs],
        ]),
        cpuNote('per bare replay (with the audit write)', replays.replay.result.transactions, [
          ['PostgreSQL backends', replays.replay.result.backendCpuMs],
          ['pgbench', replays.replay.result.clientCpuMs],
        ]),
        `SQL: \`${replays.replay.result.command}\`, every captured statement of one request with its parameters, ` +
          `BEGIN and COMMIT included, unnamed as node-postgres sends them; the audit write holds the chain head's ` +
          `row lock to COMMIT as in the app. Transactions: ${replays.replay.result.transactions} and ` +
          `${replays.omit.result.transactions}, 0 failed.`,
      ],
    };
  } finally {
    await closeApp();
    await database.close();
  }
}

export const tasksScenario: Scenario = {
  name: 'tasks',
  summary: 'the nightly task rules over 400,000 children, and "I dag" (listMyTasks) vs. its SQL in pgbench',
  database: 'kept',
  run,
};
