/**
 * `planner`: the cohort planner of packages/domain (planCohorts) on a national year — 30,000
 * first-time pregnancies in 98 municipalities, each planning its own cohorts as the app's preview
 * does — next to chronological chunks of ten per site (planNaively) on the same input. No
 * database: it measures the function, and the plan it makes.
 */
import { createHash } from 'node:crypto';
import { type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import {
  type CohortPlan,
  type PlannerCouple,
  type PlannerSite,
  planCohorts,
  planNaively,
} from '@familiespor/domain';
import { mulberry32 } from '../../apps/server/src/seed/seeded-random';
import {
  checkPlans,
  type Figures,
  nearestRank,
  planFigures,
  smallCohort,
  wideSpreadDays,
} from '../lib/cohort-plan.stats';
import {
  describeNationalYear,
  generateNationalYear,
  type NationalYear,
  shuffled,
} from '../lib/national-year.dataset';
import type { Scenario, ScenarioContext, ScenarioResult } from '../lib/scenario.types';

const warmupRuns = 1;
const measuredRuns = 5;

type Planner = (couples: readonly PlannerCouple[], sites: readonly PlannerSite[]) => CohortPlan;
type Run = {
  ms: number;
  perMunicipalityMs: number[];
  heapGrowth: number;
  rssGrowth: number;
  /** Heap still used after a collection: the plans themselves. Null without global.gc. */
  retained: number | null;
  /** Collections that started during the run and their pause, a measure of the garbage it made. */
  gcCount: number;
  gcMs: number;
  hash: string;
};

const hashOf = (plans: readonly CohortPlan[]) =>
  createHash('sha256').update(JSON.stringify(plans)).digest('hex');

/** Plans every municipality once, measuring the 98 calls together; `gcLog` fills with V8's GC entries. */
async function planYear(
  year: NationalYear,
  planner: Planner,
  gcLog: readonly PerformanceEntry[],
): Promise<{ plans: CohortPlan[]; run: Run }> {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const perMunicipalityMs: number[] = new Array(year.municipalities.length).fill(0);
  const started = performance.now();
  const plans = year.municipalities.map((m, i) => {
    const t = performance.now();
    const plan = planner(m.couples, m.sites);
    perMunicipalityMs[i] = performance.now() - t;
    return plan;
  });
  const ms = performance.now() - started;
  const after = process.memoryUsage();
  // GC entries are queued after the collection, not delivered at once: give them time to arrive.
  await delay(50);
  const collections = gcLog.filter((e) => e.startTime >= started && e.startTime <= started + ms);
  let retained: number | null = null;
  if (globalThis.gc) {
    globalThis.gc();
    retained = process.memoryUsage().heapUsed - before.heapUsed;
  }
  return {
    plans,
    run: {
      ms,
      perMunicipalityMs,
      heapGrowth: after.heapUsed - before.heapUsed,
      rssGrowth: after.rss - before.rss,
      retained,
      gcCount: collections.length,
      gcMs: collections.reduce((sum, e) => sum + e.duration, 0),
      hash: hashOf(plans),
    },
  };
}

const count = (n: number) => n.toLocaleString('en-US');
const share = (part: number, whole: number) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
const sortedBy = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: readonly number[]) => nearestRank(sortedBy(xs), 0.5);

function timeCell(runs: readonly Run[]): string {
  const t = sortedBy(runs.map((r) => r.ms));
  return `${ms(median(t))} (${ms(t[0] ?? 0)}–${ms(t.at(-1) ?? 0)})`;
}

/** The municipality with the longest median time over the runs, and that median. */
function slowest(year: NationalYear, runs: readonly Run[]): { name: string; ms: number } {
  const medians = year.municipalities.map((_, i) => median(runs.map((r) => r.perMunicipalityMs[i] ?? 0)));
  const i = medians.indexOf(Math.max(...medians));
  return { name: year.municipalities[i]?.name ?? '?', ms: medians[i] ?? 0 };
}

function sameEverywhere(runs: readonly Run[], shuffledHash: string): string {
  const hashes = new Set([...runs.map((r) => r.hash), shuffledHash]);
  const first = runs[0]?.hash.slice(0, 12) ?? '';
  return hashes.size === 1 ? `yes, ${first}` : `NO: ${hashes.size} different`;
}

function tableRows(
  year: NationalYear,
  p: { runs: Run[]; figures: Figures; shuffledHash: string },
  n: { runs: Run[]; figures: Figures; shuffledHash: string },
): { headers: string[]; rows: string[][] } {
  const both = (f: (x: typeof p) => string) => [f(p), f(n)];
  const fig = (f: (x: Figures) => string) => both((x) => f(x.figures));
  const couples = year.municipalities.reduce((s, m) => s + m.couples.length, 0);
  const memory = (f: (r: Run) => number) => both((x) => mib(median(x.runs.map(f))));
  const headers = ['Figure', 'Cohort planner', 'Naive chunks'];
  const rows = [
    [`Run time, 98 municipalities, ms: median (min–max)`, ...both((x) => timeCell(x.runs))],
    [
      'Slowest municipality, ms (median)',
      ...both((x) => {
        const s = slowest(year, x.runs);
        return `${ms(s.ms)} (${s.name})`;
      }),
    ],
    ['Heap growth during a run (median)', ...memory((r) => r.heapGrowth)],
    ['RSS growth during a run (median)', ...memory((r) => r.rssGrowth)],
    [
      'Collections during a run, their pause (median)',
      ...both((x) => `${median(x.runs.map((r) => r.gcCount))}, ${ms(median(x.runs.map((r) => r.gcMs)))} ms`),
    ],
    [
      'Heap kept after GC: the plans (median)',
      ...both((x) =>
        x.runs[0]?.retained === null ? 'no global.gc' : mib(median(x.runs.map((r) => r.retained ?? 0))),
      ),
    ],
    ['Cohorts', ...fig((f) => count(f.cohorts))],
    ['Couples placed', ...fig((f) => `${count(f.couples)} (${share(f.couples, couples)})`)],
    ['Couples not placed (no capacity)', ...fig((f) => count(f.unplaced))],
    ['… of them speaking another language than Danish', ...fig((f) => count(f.unplacedOtherLanguage))],
    ['… of them while their municipality had free cohorts', ...fig((f) => count(f.unplacedWithRoom))],
    ['Due-date spread in a cohort, median days', ...fig((f) => String(f.medianSpread))],
    ['Due-date spread, 90th percentile days', ...fig((f) => String(f.p90Spread))],
    ['Due-date spread, maximum days', ...fig((f) => String(f.maxSpread))],
    [
      'Due-date spread, mean days: all / Danish cohorts',
      ...fig((f) => `${f.meanSpread.toFixed(1)} / ${f.danishMeanSpread.toFixed(1)}`),
    ],
    [
      `Cohorts spanning more than ${wideSpreadDays} days`,
      ...fig((f) => `${count(f.wide)} (${share(f.wide, f.cohorts)})`),
    ],
    ['Mean fill rate (couples / 10 seats)', ...fig((f) => share(f.fillRate, 1))],
    ['Full cohorts (10 couples)', ...fig((f) => `${count(f.full)} (${share(f.full, f.cohorts)})`)],
    [
      `Cohorts of fewer than ${smallCohort} couples`,
      ...fig((f) => `${count(f.small)} (${share(f.small, f.cohorts)})`),
    ],
    [
      'Placed away from their preferred site',
      ...fig((f) => `${count(f.offSite)} (${share(f.offSite, f.withPreference)})`),
    ],
    ['Placed in a cohort not in their language', ...fig((f) => count(f.offLanguage))],
    [
      'Cohorts in another language than Danish',
      ...fig((f) =>
        f.ownLanguageCohorts === 0
          ? '0'
          : `${count(f.ownLanguageCohorts)} (spread median ${f.ownLanguageMedianSpread}, max ${f.ownLanguageMaxSpread} d)`,
      ),
    ],
    [
      "Cohorts beyond the sites' facilitator capacity",
      ...fig((f) =>
        f.overCapacityCohorts === 0 ? '0' : `${count(f.overCapacityCohorts)} at ${f.overCapacitySites} sites`,
      ),
    ],
    [
      `Same plan in all ${measuredRuns} runs and with the input shuffled`,
      ...both((x) => sameEverywhere(x.runs, x.shuffledHash)),
    ],
  ];
  return { headers, rows };
}

/** The biggest single segmentation the planner ran: couples of one site and language into k cohorts. */
function largestGroup(year: NationalYear, plans: readonly CohortPlan[]): string {
  let best = { name: '', n: 0, k: 0 };
  year.municipalities.forEach((m, i) => {
    const groups = new Map<string, { n: number; k: number }>();
    for (const c of plans[i]?.cohorts ?? []) {
      const g = groups.get(`${c.siteId}/${c.language}`) ?? { n: 0, k: 0 };
      groups.set(`${c.siteId}/${c.language}`, { n: g.n + c.familyIds.length, k: g.k + 1 });
    }
    for (const g of groups.values()) if (g.n * g.k > best.n * best.k) best = { name: m.name, ...g };
  });
  return `${count(best.n)} couples of one site and language in ${best.name} into ${best.k} cohorts`;
}

async function run(ctx: ScenarioContext): Promise<ScenarioResult> {
  const generateStarted = performance.now();
  const year = generateNationalYear();
  const generateMs = performance.now() - generateStarted;
  const planners: [string, Planner][] = [
    ['planner', (c, s) => planCohorts(c, s)],
    ['naive', (c, s) => planNaively(c, s)],
  ];
  ctx.log(`${warmupRuns} warm-up and ${measuredRuns} measured runs of each, alternating`);
  const gcLog: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => gcLog.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const runs = new Map<string, Run[]>(planners.map(([name]) => [name, []]));
  const lastPlans = new Map<string, CohortPlan[]>();
  try {
    for (let i = 0; i < warmupRuns; i++)
      for (const [, planner] of planners) await planYear(year, planner, gcLog);
    for (let i = 0; i < measuredRuns; i++) {
      for (const [name, planner] of planners) {
        const { plans, run: r } = await planYear(year, planner, gcLog);
        runs.get(name)?.push(r);
        lastPlans.set(name, plans);
        ctx.log(`  run ${i + 1} ${name}: ${ms(r.ms)} ms`);
      }
    }
  } finally {
    observer.disconnect();
  }
  // The same couples and sites in another order must give the very same plan.
  const random = mulberry32(year.seed + 1);
  const reordered: NationalYear = {
    ...year,
    municipalities: year.municipalities.map((m) => ({
      ...m,
      couples: shuffled(m.couples, random),
      sites: shuffled(m.sites, random),
    })),
  };
  const side = (name: string) => {
    const planner = planners.find(([n]) => n === name)?.[1] as Planner;
    const plans = lastPlans.get(name) ?? [];
    checkPlans(year, plans, name);
    return {
      runs: runs.get(name) ?? [],
      figures: planFigures(year, plans),
      shuffledHash: hashOf(reordered.municipalities.map((m) => planner(m.couples, m.sites))),
    };
  };
  const p = side('planner');
  const n = side('naive');
  const medianOf = (x: typeof p, f: (r: Run) => number) => median(x.runs.map(f));
  const times = medianOf(p, (r) => r.ms) / medianOf(n, (r) => r.ms);
  const gc = globalThis.gc !== undefined;
  return {
    title: 'The cohort planner on a national year (30,000 couples, 98 municipalities) next to naive chunking',
    measurements: [],
    table: tableRows(year, p, n),
    optionsLine:
      `${warmupRuns} warm-up and ${measuredRuns} measured runs of each, alternating, in this process; ` +
      `global.gc ${gc ? 'exposed' : 'not exposed'}; no database (the HTTP and pgbench options do not apply)`,
    comparisons: [
      `time: the planner takes ${times.toFixed(1)}× as long as the naive chunking (median runs)`,
      `cohorts: the planner makes ${(p.figures.cohorts / n.figures.cohorts).toFixed(3)}× as many, for ` +
        `${(p.figures.couples / n.figures.couples).toFixed(3)}× the couples placed`,
    ],
    notes: [
      `Data: ${describeNationalYear(year)} Made in ${ms(generateMs)} ms (not counted).`,
      'Planning: every municipality plans its own couples and sites, one after the other, as the ' +
        "app's preview plans one offer: `planCohorts(couples, sites)` with its defaults (at most 10 couples, " +
        'a language of its own from 4 speakers at a site that offers it) and `planNaively(couples, sites)`, ' +
        'chronological chunks of 10 per preferred site (no preference: the first site by id) that ignore the ' +
        "facilitators' capacity and language. A naive chunk is counted as held in its site's main language " +
        "(Danish). The app's preview passes no preferred site today (siteId null); here most couples have one.",
      `Time: performance.now() around the 98 calls (not generating, checking or hashing); the slowest ` +
        `municipality is the median of its own calls. The planner's cost is its segmentation, O(n · k · 10) ` +
        `per site and language; the largest here was ${largestGroup(year, lastPlans.get('planner') ?? [])}.`,
      gc
        ? 'Memory: global.gc was exposed (NODE_OPTIONS=--expose-gc) and called before each run, so every run ' +
          'starts from a collected heap; heap and RSS growth are process.memoryUsage() after the 98 calls ' +
          'minus before, garbage included, so a collection during the run lowers it; collections and their ' +
          'pause come from V8\'s gc performance entries that started during the run; "kept after GC" is the ' +
          'heap still used after a further gc(), the plans themselves.'
        : 'Memory: global.gc was not exposed, so runs start with whatever garbage the previous one left and ' +
          'heap growth can even be negative; run with NODE_OPTIONS=--expose-gc for comparable figures.',
      'Spread: days from the earliest to the latest due date in a cohort (spreadDays); the median and ' +
        "maximum come from the domain's planStats over all cohorts of the country, the 90th percentile is " +
        'nearest-rank. Fill rate: couples placed / (cohorts × 10), the mean over cohorts.',
      `Checked: in every plan each couple is placed or listed as unplaced exactly once, every cohort has 1–10 ` +
        `couples at a site of its municipality. Determinism: sha256 of the JSON of the 98 plans, the same in ` +
        `every measured run and when each municipality's couples and sites are shuffled (first 12 hex digits shown).`,
    ],
  };
}

export const plannerScenario: Scenario = {
  name: 'planner',
  summary: 'the cohort planner on a national year (30,000 couples) vs. naive chronological chunking',
  database: 'none',
  run,
};
