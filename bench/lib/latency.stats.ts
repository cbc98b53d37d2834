/** Summary of one set of per-request (or per-transaction) latencies, in milliseconds. */
export type LatencySummary = { count: number; meanMs: number; p50Ms: number; p95Ms: number; p99Ms: number };

/**
 * Nearest-rank percentiles over every recorded latency (no histogram buckets, no
 * interpolation), so the HTTP and the pgbench figures are computed the same way.
 */
export function summarise(latenciesMs: Float64Array): LatencySummary {
  const count = latenciesMs.length;
  if (count === 0) throw new Error('no latencies were recorded');
  const sorted = Float64Array.from(latenciesMs).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count,
    meanMs: sum / count,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
  };
}

/** Nearest rank: the smallest value with at least p% of all values at or below it. */
export function percentile(sortedAscending: Float64Array, p: number): number {
  if (sortedAscending.length === 0) throw new Error('percentile of nothing');
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAscending.length));
  return sortedAscending[rank - 1] as number;
}

/** An append-only list of numbers that does not box every value. */
export class SampleBuffer {
  private data = new Float64Array(1 << 16);
  private size = 0;

  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
  }

  get length(): number {
    return this.size;
  }

  toArray(): Float64Array {
    return this.data.slice(0, this.size);
  }
}
