import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BackendCpu, reapedChildrenCpuMs } from './cpu.usage';
import { type LatencySummary, SampleBuffer, summarise } from './latency.stats';

const run = promisify(execFile);

export type PgbenchMode = 'prepared' | 'extended';

export type PgbenchJob = {
  /** libpq connection URI. */
  url: string;
  /** SQL statements with `:name` placeholders, sent as parameters (never spliced into the text). */
  statements: string[];
  /** A whole pgbench script (meta-commands included); when given, `statements` is not used. */
  script?: string;
  variables: Record<string, string>;
  /** Runs every statement under this role (`SET ROLE` at connection start), as the app does. */
  role: string | null;
  connections: number;
  threads: number;
  durationSeconds: number;
  mode: PgbenchMode;
  /** Lists pgbench's backends (by application_name), so their CPU can be read from /proc. */
  listBackendPids?: () => Promise<number[]>;
};

export type PgbenchResult = {
  transactions: number;
  failed: number;
  /** pgbench's own figure, "without initial connection time". */
  perSecond: number;
  latency: LatencySummary;
  command: string;
  /** CPU of pgbench's backends, read from /proc every 100 ms; null when not readable. */
  backendCpuMs: number | null;
  /** CPU of the pgbench process itself; null off Linux. */
  clientCpuMs: number | null;
};

/**
 * Runs pgbench with a custom script (one run of it is one "transaction") and per-transaction
 * logs, and computes the latency percentiles from those logs (pgbench prints only the average).
 */
export async function runPgbench(job: PgbenchJob): Promise<PgbenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'familiespor-pgbench-'));
  try {
    const script = join(dir, 'script.sql');
    await writeFile(script, job.script ?? job.statements.map((sql) => `${sql.trim()};\n`).join(''));
    const args = [
      '--no-vacuum',
      `--file=${script}`,
      `--client=${job.connections}`,
      `--jobs=${job.threads}`,
      `--time=${job.durationSeconds}`,
      `--protocol=${job.mode}`,
      ...Object.entries(job.variables).map(([name, value]) => `--define=${name}=${value}`),
      '--log',
      `--log-prefix=${join(dir, 'tx')}`,
      job.url,
    ];
    const pgOptions = [process.env.PGOPTIONS, job.role ? `-c role=${job.role}` : undefined]
      .filter(Boolean)
      .join(' ');
    const reapedBefore = reapedChildrenCpuMs();
    const pgbench = run('pgbench', args, {
      env: { ...process.env, PGOPTIONS: pgOptions },
      maxBuffer: 16 * 1024 * 1024,
    });
    // CPU figures are extra: failing to read them must not fail the run or go unhandled.
    const watcher = watchBackends(job, pgbench).catch(() => null);
    const { stdout } = await pgbench.catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`pgbench failed: ${error.stderr || error.stdout || error.message}`);
    });
    const backendCpu = await watcher;
    // Nothing else this process starts runs while pgbench does, so this is pgbench's CPU.
    const reapedAfter = reapedChildrenCpuMs();
    const clientCpuMs = reapedBefore === null || reapedAfter === null ? null : reapedAfter - reapedBefore;
    const summary = parsePgbenchOutput(stdout);
    if (summary.failed > 0) throw new Error(`pgbench: ${summary.failed} transactions failed\n${stdout}`);

    const latencies = new SampleBuffer();
    for (const file of (await readdir(dir)).filter((f) => f.startsWith('tx.'))) {
      for (const line of (await readFile(join(dir, file), 'utf8')).split('\n')) {
        // client_id transaction_no time_us script_no time_epoch time_us_fraction
        const fields = line.split(' ');
        if (fields.length < 6) continue;
        latencies.push(Number(fields[2]) / 1000);
      }
    }
    if (latencies.length !== summary.transactions) {
      throw new Error(`pgbench logged ${latencies.length} transactions but reported ${summary.transactions}`);
    }
    return {
      ...summary,
      latency: summarise(latencies.toArray()),
      command: describeCommand(job),
      backendCpuMs: backendCpu?.totalMs() ?? null,
      clientCpuMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Finds pgbench's backends once they have all connected and reads their CPU every 100 ms
 * until pgbench ends; the last interval before they exit is lost, so this slightly undercounts.
 */
async function watchBackends(job: PgbenchJob, pgbench: Promise<unknown>): Promise<BackendCpu | null> {
  const list = job.listBackendPids;
  if (!list) return null;
  let finished = false;
  const done = pgbench.then(
    () => undefined,
    () => undefined,
  );
  done.then(() => {
    finished = true;
  });
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let pids: number[] = [];
  while (!finished && pids.length < job.connections) {
    pids = await list();
    if (pids.length < job.connections) await pause(20);
  }
  if (pids.length < job.connections) return null;
  const cpu = new BackendCpu(pids, true);
  while (!finished) {
    cpu.sample();
    await Promise.race([pause(100), done]);
  }
  return cpu;
}

/** The command line as a reader can repeat it; the script holds the statements. */
function describeCommand(job: PgbenchJob): string {
  const env = job.role ? `PGOPTIONS='-c role=${job.role}' ` : '';
  const names = Object.keys(job.variables);
  const defines =
    names.length <= 2
      ? names.map((name) => ` --define=${name}=<${name}>`).join('')
      : ` --define=… (${names.length} parameters)`;
  return (
    `${env}pgbench --no-vacuum --file=<script> --client=${job.connections} --jobs=${job.threads} ` +
    `--time=${job.durationSeconds} --protocol=${job.mode}${defines} --log <database>`
  );
}

export function parsePgbenchOutput(stdout: string): {
  transactions: number;
  failed: number;
  perSecond: number;
} {
  const number = (pattern: RegExp, what: string) => {
    const match = pattern.exec(stdout);
    if (!match?.[1]) throw new Error(`pgbench output has no ${what}:\n${stdout}`);
    return Number(match[1]);
  };
  return {
    transactions: number(/number of transactions actually processed: (\d+)/, 'transaction count'),
    // PostgreSQL 15 and later report failures; older pgbench aborts the client instead.
    failed: /number of failed transactions: (\d+)/.test(stdout)
      ? number(/number of failed transactions: (\d+)/, 'failure count')
      : 0,
    perSecond: number(/tps = ([\d.]+) \(without initial connection time\)/, 'tps'),
  };
}

export async function pgbenchVersion(): Promise<string> {
  const { stdout } = await run('pgbench', ['--version']);
  return stdout.trim().replace(/^pgbench \(PostgreSQL\) /, '');
}
