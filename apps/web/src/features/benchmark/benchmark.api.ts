import type { Benchmark, BenchmarkShare, ShareBenchmarkBody } from '@familiespor/contracts';
import { api } from '../../api/api.client';

export const benchmarkApi = {
  /** listBenchmarkShares */
  shares: () => api.get<BenchmarkShare[]>('/api/benchmark/shares'),
  /** shareBenchmark */
  share: (body: ShareBenchmarkBody) => api.put<BenchmarkShare[]>('/api/benchmark/shares', body),
  /** getBenchmark */
  get: (q: { indicator: string; from: string; to: string }) =>
    api.get<Benchmark>(
      `/api/benchmark?indicator=${encodeURIComponent(q.indicator)}&from=${q.from}&to=${q.to}`,
    ),
};
