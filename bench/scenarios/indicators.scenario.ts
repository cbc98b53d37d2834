/**
 * `indicators`: the nightly refresh of the indicators' pre-aggregates over a national data set (98
 * municipalities, ~400,000 children, a year of activity) — total time, time per organisation,
 * cells written, peak memory — then a programme lead's `GET /api/indicators/figures`
 * (getIndicator) over HTTP for three typical queries, each next to the statements one request
 * runs, replayed bare in pgbench with and without the audit write.
 */
import { copenhagenDate, type IndicatorId, indicatorIds } from '@familiespor/domain';
import { buildApp } from '../../apps/server/src/app';
import { systemClock } from '../../apps/server/src/clock';
import { loadConfig } from '../../apps/server/src/config';
import { appRole } from '../../apps/server/src/db/connect';
import { openDatabase } from '../../apps/server/src/db/open';
import { asSystem, inScope } from '../../apps/server/src/db/scope';
import { runIndicatorRefresh } from '../../apps/server/src/jobs/indicator-refresh.job';
import { indicatorFactSource } from '../../apps/server/src/modules/indicators/indicator-facts.registry';
import { refreshWindow } from '../../apps/server/src/modules/indicators/indicator-refresh';
// The job runs in the app's process, where these modules register their fact sources.
import '../../apps/server/src/modules/readmissions/readmissions-facts';
import '../../apps/server/src/modules/surveys/surveys-indicator.facts';
import { BackendCpu } from '../lib/cpu.usage';
import { vacuumAnalyze } from '../lib/families.dataset';
import { type HttpLoadResult, runHttpLoad } from '../lib/http-load.runner';
import { defaultIndicatorChildren, prepareIndicatorsDataset } from '../lib/indicators.dataset';
import { percentile } from '../lib/latency.stats';
import { type PgbenchResult, runPgbench } from '../lib/pgbench.runner';
import { buildReplayScript } from '../lib/request.replay';
import { listBackendPids, loginCookie, median, ratio } from '../lib/scenario.helpers';
import type { Measurement, Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario.types';
import type { CapturedQuery } from '../lib/statement.replay';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const n = (x: number) => x.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

type Query = { label: string; path: string };

/** A programme lead's typical questions: the year by month, fathers only, and the year by district. */
function typicalQueries(now: Date): Query[] {
  const { toMonth } = refreshWindow(now);
  const y = Number(toMonth.slice(0, 4));
  const m = Number(toMonth.slice(5, 7));
  const from = m === 12 ? `${y}-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}`;
  const q = (params: string) => `/api/indicators/figures?from=${from}&to=${toMonth}&${params}`;
  return [
    { label: 'visit timeliness, 12 months by month', path: q('indicator=visit_timeliness&grain=month') },
    {
      label: 'attendance, fathers only, by month',
      path: q('indicator=attendance&grain=month&breakdown=parent_role&only=father'),
    },
    {
      label: 'EPDS coverage, the period by district',
      path: q('indicator=epds_coverage&grain=period&breakdown=district'),
    },
  ];
}

type Timed = CapturedQuery & { durationMs: number };

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { options } = ctx;
  const wanted = options.children ?? defaultIndicatorChildren;
  const config = loadConfig({
    NODE_ENV: 'production',
    DATABASE_URL: ctx.databaseUrl,
    DATABASE_POOL_SIZE: String(options.poolSize),
    LOG_LEVEL: 'silent',
  });
  ctx.log('migrating the database');
  let captured: Timed[] | null = null;
  const database = await openDatabase(config.database, {
    onQuery: (q) => captured?.push({ sql: q.sql, parameters: q.parameters, durationMs: q.durationMs }),
  });
  let closeApp: () => Promise<void> = async () => undefined;
  try {
    const dataset = await prepareIndicatorsDataset(database, config, wanted, new Date(), ctx.log);
    ctx.log(dataset.built.length > 0 ? `built: ${dataset.built.join(', ')}` : 'reused the data set');
    ctx.log('VACUUM (ANALYZE) as the owner');
    const vacuumSeconds = await vacuumAnalyze(database);

    // The refresh: what the pg-boss worker calls, on a fixed clock so its runs can be found after.
    const now = new Date();
    const clock = { now: () => now };
    await database.db.selectFrom('app_meta').select('key').limit(1).execute();
    const pids = () => listBackendPids(database, 'all');
    const start = process.memoryUsage();
    let peakRss = start.rss;
    const timer = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    const backends = new BackendCpu(await pids(), false);
    const cpu = process.cpuUsage();
    ctx.log('nightly indicator refresh of every active organisation');
    const started = performance.now();
    const job = await runIndicatorRefresh(database.db, clock).finally(() => clearInterval(timer));
    const totalMs = performance.now() - started;
    const appCpu = process.cpuUsage(cpu);
    backends.sample();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    ctx.log(`  ${n(job.cellsWritten)} cells for ${job.organisations} organisations in ${s(totalMs)}`);
    if (job.failedIndicators > 0) throw new Error(`${job.failedIndicators} indicators failed in the refresh`);

    // Per organisation: each run records its own elapsed time (finished_at - started_at).
    const runs = await database.withOwnerClient(async (client) => {
      const { rows } = await client.query<{ org_id: string; ms: number; cells: number; name: string }>(
        `SELECT r.org_id, extract(epoch FROM r.finished_at - r.started_at)::float8 * 1000 AS ms,
           r.cells_written AS cells, o.name
         FROM indicator_refresh_run r JOIN organisation o ON o.id = r.org_id
         WHERE r.started_at = $1 AND r.trigger = 'nightly'`,
        [now],
      );
      return rows;
    });
    if (runs.length !== job.organisations) throw new Error(`found ${runs.length} refresh runs`);
    const sorted = Float64Array.from(runs.map((r) => r.ms)).sort();
    const capitalRun = runs.find((r) => r.org_id === dataset.capitalOrgId);
    const slowest = [...runs].sort((a, b) => b.ms - a.ms)[0];

    // The capital's facts per indicator, each source timed alone (what one organisation's refresh reads).
    const w = refreshWindow(now);
    const byIndicator: { id: IndicatorId; ms: number; facts: number }[] = [];
    await inScope(database.db, { kind: 'system' }, (tx) =>
      asSystem(tx, async () => {
        for (const id of indicatorIds) {
          const source = indicatorFactSource(id);
          if (!source) continue;
          const t = performance.now();
          const facts = await source.facts(tx, {
            orgId: dataset.capitalOrgId,
            from: w.from,
            to: w.to,
            asOf: w.asOf,
          });
          byIndicator.push({ id, ms: performance.now() - t, facts: facts.length });
        }
      }),
    );
    const cellsBy = await database.withOwnerClient(async (client) => {
      const { rows } = await client.query<{ indicator: string; cells: number }>(
        'SELECT indicator, count(*)::int AS cells FROM indicator_cell WHERE org_id = $1 GROUP BY indicator',
        [dataset.capitalOrgId],
      );
      return new Map(rows.map((r) => [r.indicator, r.cells]));
    });

    // getIndicator over HTTP as the capital's programme lead, then its statements bare.
    const app = await buildApp({ config, database, clock: systemClock, logger: false });
    let open = true;
    closeApp = async () => {
      if (!open) return;
      open = false;
      await app.close();
    };
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const cookie = await loginCookie(baseUrl, dataset.lead.email, dataset.lead.password);
    const capture = async (path: string) => {
      captured = [];
      const t = performance.now();
      const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
      const text = await res.text();
      const ms = performance.now() - t;
      const queries = captured;
      captured = null;
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
      return { queries, ms, bytes: Buffer.byteLength(text), body: JSON.parse(text) as { points: unknown[] } };
    };
    const queries = typicalQueries(now);
    const measurements: Measurement[] = [];
    const comparisons: string[] = [];
    const queryNotes: string[] = [];
    const row = (label: string, perSecond: number, latency: Measurement['latency']): Measurement => ({
      label,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      perSecond,
      latency,
    });
    for (const query of queries) {
      await capture(query.path);
      const captures = [];
      for (let i = 0; i < 20; i++) captures.push(await capture(query.path));
      const one = captures[0] as (typeof captures)[number];
      if (one.body.points.length === 0) throw new Error(`${query.label}: no points`);
      ctx.log(`HTTP ${query.label}: ${options.warmupSeconds} s warm-up, then ${options.durationSeconds} s`);
      const http: HttpLoadResult = await runHttpLoad({
        url: `${baseUrl}${query.path}`,
        headers: { cookie },
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        durationSeconds: options.durationSeconds,
      });
      const bare: Record<'replay' | 'omit', PgbenchResult> = {} as never;
      for (const audit of ['replay', 'omit'] as const) {
        const script = buildReplayScript([one.queries], { audit });
        ctx.log(`  SQL in pgbench (${audit === 'replay' ? 'with' : 'without'} the audit write)`);
        bare[audit] = await runPgbench({
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
      }
      measurements.push(
        row(`HTTP getIndicator: ${query.label}`, http.perSecond, http.latency),
        row(
          `SQL its ${one.queries.length} statements bare (pgbench)`,
          bare.replay.perSecond,
          bare.replay.latency,
        ),
        row('SQL the same without the audit write (pgbench)', bare.omit.perSecond, bare.omit.latency),
      );
      comparisons.push(
        `${query.label}: the bare statements do ${ratio(bare.replay.perSecond, http.perSecond)} the app's ` +
          `requests/s (${ratio(bare.omit.perSecond, http.perSecond)} without the audit write); the app's p50 is ` +
          `${ratio(http.latency.p50Ms, bare.replay.latency.p50Ms)} theirs`,
      );
      const statementMs = median(captures.map((c) => c.queries.reduce((t, q) => t + q.durationMs, 0)));
      queryNotes.push(
        `${query.label} (\`${query.path}\`): ${one.body.points.length} points, ${n(one.bytes)} bytes; unloaded ` +
          `median ${median(captures.map((c) => c.ms)).toFixed(1)} ms over 20 requests (${statementMs.toFixed(1)} ms ` +
          `of it in its ${one.queries.length} statements); p99 under load: HTTP ${http.latency.p99Ms.toFixed(1)} ms, ` +
          `bare ${bare.replay.latency.p99Ms.toFixed(1)} ms, without audit ${bare.omit.latency.p99Ms.toFixed(1)} ms; ` +
          `${http.completed} responses (all 200), ${bare.replay.transactions} and ${bare.omit.transactions} ` +
          `transactions (0 failed).`,
      );
    }
    await closeApp();

    const a = dataset.activity;
    return {
      title:
        `The indicators' nightly refresh over ${n(dataset.children)} children in ${dataset.municipalities} ` +
        `municipalities, and getIndicator next to its SQL run bare`,
      measurements,
      comparisons: [
        `refresh: ${s(totalMs)} for ${job.organisations} organisations, ${n(job.cellsWritten)} cells; per ` +
          `organisation p50 ${s(percentile(sorted, 50))}, p95 ${s(percentile(sorted, 95))}, max ` +
          `${s(sorted[sorted.length - 1] ?? 0)} (${slowest?.name}); the capital ${s(capitalRun?.ms ?? 0)} ` +
          `(${n(capitalRun?.cells ?? 0)} cells)`,
        ...comparisons,
      ],
      notes: [
        `Refresh: runIndicatorRefresh (apps/server/src/jobs/indicator-refresh.job.ts, what the pg-boss worker ` +
          `calls) over every active organisation (${job.organisations}: the ${dataset.municipalities} bench ` +
          `municipalities and the demo seed's), each in its own transaction, the window ${w.fromMonth}–${w.toMonth}; ` +
          `0 failed indicators. Per organisation from its indicator_refresh_run (finished_at − started_at: the ` +
          `elapsed time the refresh measures itself, without its COMMIT). Peak RSS ${mb(peakRss)} (${mb(start.rss)} ` +
          `at the start, sampled every 100 ms); CPU: app process ${s((appCpu.user + appCpu.system) / 1000)}, its ` +
          `PostgreSQL backends ${backends.totalMs() === null ? 'not measured' : s(backends.totalMs() ?? 0)}.`,
        `The capital's facts per indicator, each source run alone after the refresh (ms, facts, cells stored): ` +
          byIndicator
            .sort((x, y) => y.ms - x.ms)
            .map((b) => `${b.id} ${b.ms.toFixed(0)} ms / ${n(b.facts)} / ${n(cellsBy.get(b.id) ?? 0)}`)
            .join('; ') +
          '.',
        `Data (bench/lib/indicators.dataset.ts, kept in familiespor_bench_indicators): the demo seed plus ` +
          `${dataset.municipalities} municipalities sized as the planner's national year (the capital ` +
          `${dataset.lead.orgName} a tenth), ${n(dataset.families)} families (generateFamilies), ` +
          `${n(dataset.children)} children with ${n(dataset.childVisits)} planned visits; a year of activity ` +
          `(lib/indicators-activity.dataset.ts): ${n(a.courses ?? 0)} FIV enrollments with sessions, attendance ` +
          `and course-end surveys, ${n(a.development ?? 0)} 8–10-month visits with development, ` +
          `${n(a.epds ?? 0)} EPDS screenings with follow-up tasks, ${n(a.referrals ?? 0)} referrals, ` +
          `${n(a.counselling ?? 0)} counselling cases, ${n(a.anonymous_contacts ?? 0)} anonymous contacts, ` +
          `${n(a.readmissions ?? 0)} admissions, ${n(a.coordinator_tasks ?? 0)} open assign_coordinator tasks. ` +
          `${dataset.built.length > 0 ? `Built in this run: ${dataset.built.join('; ')} (families ${dataset.seconds.families.toFixed(0)} s, activity ${dataset.seconds.activity.toFixed(0)} s)` : 'Reused from an earlier run (app_meta keys bench:indicators:*)'}. ` +
          `VACUUM (ANALYZE) ${vacuumSeconds.toFixed(1)} s before the refresh. Today ${copenhagenDate(now)}.`,
        `getIndicator as ${dataset.lead.email}, programme lead of ${dataset.lead.orgName}: ${queryNotes.join(' ')}`,
        `SQL: pgbench --protocol=extended, every captured statement of one request with its parameters (BEGIN, ` +
          `set_config, COMMIT included); the audit write takes its chain position from the chain head as the app ` +
          `does, so the row lock is held to COMMIT.`,
      ],
    };
  } finally {
    await closeApp();
    await database.close();
  }
}

export const indicatorsScenario: Scenario = {
  name: 'indicators',
  summary:
    'the nightly indicator refresh over 400,000 children in 98 municipalities, and getIndicator vs. its SQL',
  database: 'kept',
  run,
};
