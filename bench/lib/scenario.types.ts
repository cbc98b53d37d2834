import type { LatencySummary } from './latency.stats';
import type { PgbenchMode } from './pgbench.runner';

export type BenchOptions = {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  /** The app's PostgreSQL pool size (DATABASE_POOL_SIZE). */
  poolSize: number;
  pgbenchThreads: number;
  pgbenchMode: PgbenchMode;
  /** Children in the `tasks` and `indicators` data sets (`--children`); other scenarios ignore it. */
  children?: number;
};

export type ScenarioContext = {
  databaseUrl: string;
  options: BenchOptions;
  /** Progress for the person watching; goes to stderr so stdout stays the result. */
  log(message: string): void;
};

/** One row of the result table. */
export type Measurement = {
  label: string;
  connections: number;
  durationSeconds: number;
  /** Completed requests (or transactions) per second. */
  perSecond: number;
  latency: LatencySummary;
};

export type ScenarioResult = {
  title: string;
  measurements: Measurement[];
  /** A table of its own for scenarios that are not about requests/s; replaces the measurements' table. */
  table?: { headers: string[]; rows: string[][] };
  /** Replaces the options line, for scenarios the HTTP and pgbench options do not apply to. */
  optionsLine?: string;
  /** Derived comparisons, e.g. ratios between the rows. */
  comparisons: string[];
  /** What was checked and how it was run, for the reader of the figures. */
  notes: string[];
};

export type Scenario = {
  name: string;
  summary: string;
  /**
   * The database it needs without BENCH_DATABASE_URL: a new one dropped at the end (`fresh`, the
   * default); `familiespor_bench_<name>`, created when missing and kept for the next run, for data
   * that takes long to make (`kept`); or none at all (`none`).
   */
  database?: 'fresh' | 'kept' | 'none';
  run(ctx: ScenarioContext): Promise<ScenarioResult>;
};
