/**
 * The HTTP load generator, run as a child process so that autocannon does not share the
 * server's event loop (which would slow the server down and inflate its latencies).
 * It receives one job, runs autocannon (warm-up, then the measured run), records every
 * response's latency itself (autocannon reports p50/p90/p97.5/p99 but no p95) and sends the
 * raw figures back.
 */
import autocannon from 'autocannon';
import type { HttpLoadJob, HttpLoadReply, RawHttpRun } from './http-load.runner';
import { SampleBuffer } from './latency.stats';

/** The next path of the rotation, shared by every connection (so each path gets its turn). */
let nextPath = 0;

function run(job: HttpLoadJob, durationSeconds: number): Promise<RawHttpRun> {
  const latencies = new SampleBuffer();
  const statusCounts: Record<string, number> = {};
  const paths = job.paths;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        method: 'GET',
        headers: job.headers,
        connections: job.connections,
        duration: durationSeconds,
        pipelining: 1,
        ...(paths && paths.length > 0
          ? {
              requests: [
                {
                  setupRequest: (request: { path?: string }) => {
                    request.path = paths[nextPath++ % paths.length];
                    return request;
                  },
                },
              ],
            }
          : {}),
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        resolve({
          latenciesMs: latencies.toArray(),
          statusCounts,
          errors: result.errors,
          timeouts: result.timeouts,
          resets: result.resets,
          completed: result.requests.total,
          durationSeconds: result.duration,
          autocannon: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99 },
        });
      },
    );
    instance.on(
      'response',
      (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
        latencies.push(responseTimeMs);
        statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      },
    );
  });
}

/** Tells the parent the warm-up is over and waits for its go (it takes CPU readings first). */
function handOver(): Promise<void> {
  return new Promise((resolve) => {
    process.once('message', () => resolve());
    process.send?.({ kind: 'warmed' });
  });
}

// The warm-up runs in this same process, so the measured run finds the client warm too.
async function runJob(job: HttpLoadJob): Promise<HttpLoadReply> {
  const warmup = job.warmupSeconds > 0 ? await run(job, job.warmupSeconds) : null;
  await handOver();
  const cpuBefore = process.cpuUsage();
  const measured = await run(job, job.durationSeconds);
  const cpu = process.cpuUsage(cpuBefore);
  return { kind: 'done', ok: true, warmup, measured, cpuMs: (cpu.user + cpu.system) / 1000 };
}

process.once('message', (job: HttpLoadJob) => {
  runJob(job)
    .catch((error: unknown): HttpLoadReply => ({ kind: 'done', ok: false, error: String(error) }))
    .then((reply) => {
      process.send?.(reply, () => process.exit(0));
    });
});
