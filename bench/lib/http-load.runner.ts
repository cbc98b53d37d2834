import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type LatencySummary, summarise } from './latency.stats';

export type HttpLoadJob = {
  url: string;
  /** Paths to rotate through, one request after the other over all connections (instead of url's). */
  paths?: string[];
  headers: Record<string, string>;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
};

export type RawHttpRun = {
  latenciesMs: Float64Array;
  statusCounts: Record<string, number>;
  errors: number;
  timeouts: number;
  resets: number;
  completed: number;
  durationSeconds: number;
  /** autocannon's own histogram percentiles, kept as a cross-check of ours. */
  autocannon: { p50: number; p97_5: number; p99: number };
};

export type HttpLoadReply =
  | { kind: 'done'; ok: true; warmup: RawHttpRun | null; measured: RawHttpRun; cpuMs: number }
  | { kind: 'done'; ok: false; error: string };

type WorkerMessage = { kind: 'warmed' } | HttpLoadReply;

export type HttpLoadResult = {
  completed: number;
  warmupCompleted: number;
  durationSeconds: number;
  perSecond: number;
  latency: LatencySummary;
  autocannon: RawHttpRun['autocannon'];
  /** CPU the load generator spent during the measured run. */
  loadGeneratorCpuMs: number;
};

export type HttpLoadHooks = {
  /** Runs after the warm-up, right before the measured run starts. */
  beforeMeasuring?: () => Promise<void>;
};

/**
 * Runs autocannon in a child process against `job.url` (warm-up, then the measured run) and
 * fails unless every response of both had the expected status and nothing errored or timed out.
 */
export async function runHttpLoad(
  job: HttpLoadJob,
  hooks: HttpLoadHooks = {},
  expectedStatus = 200,
): Promise<HttpLoadResult> {
  const reply = await new Promise<HttpLoadReply>((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./http-load.worker.ts', import.meta.url)), [], {
      // The parent runs under tsx; the same loader lets the child run TypeScript.
      execArgv: process.execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: HttpLoadReply | undefined;
    child.on('message', (message: WorkerMessage) => {
      if (message.kind === 'done') {
        answer = message;
        return;
      }
      (hooks.beforeMeasuring ?? (async () => undefined))().then(
        () => child.send('go'),
        (error: unknown) => {
          child.kill();
          reject(error);
        },
      );
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (answer) resolve(answer);
      else reject(new Error(`the load generator exited with code ${code} before answering`));
    });
    child.send(job);
  });
  if (!reply.ok) throw new Error(`the load generator failed: ${reply.error}`);
  if (reply.warmup) check(job, 'warm-up', reply.warmup, expectedStatus);
  const measured = reply.measured;
  check(job, 'measured run', measured, expectedStatus);
  return {
    completed: measured.completed,
    warmupCompleted: reply.warmup?.completed ?? 0,
    durationSeconds: measured.durationSeconds,
    perSecond: measured.completed / measured.durationSeconds,
    latency: summarise(measured.latenciesMs),
    autocannon: measured.autocannon,
    loadGeneratorCpuMs: reply.cpuMs,
  };
}

function check(job: HttpLoadJob, phase: string, run: RawHttpRun, expectedStatus: number): void {
  const unexpected = Object.entries(run.statusCounts).filter(([status]) => Number(status) !== expectedStatus);
  const problems = [
    ...unexpected.map(([status, n]) => `${n} responses with status ${status}`),
    ...(run.errors > 0 ? [`${run.errors} connection errors`] : []),
    ...(run.timeouts > 0 ? [`${run.timeouts} timeouts`] : []),
    ...(run.resets > 0 ? [`${run.resets} connection resets`] : []),
    ...(run.completed === 0 ? ['no responses at all'] : []),
  ];
  if (problems.length > 0) {
    throw new Error(
      `${phase}: GET ${job.url}${job.paths ? ` (and ${job.paths.length - 1} more paths)` : ''} did not always answer ${expectedStatus}: ${problems.join(', ')}`,
    );
  }
  if (run.latenciesMs.length !== run.completed) {
    throw new Error(
      `${phase}: recorded ${run.latenciesMs.length} latencies but autocannon counted ${run.completed}`,
    );
  }
}
