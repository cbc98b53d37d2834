import { indicatorIds } from '@familiespor/domain';
import { z } from 'zod';
import { isoDateTime, uuid } from './common.contracts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export const benchmarkIndicator = z.enum(indicatorIds as [string, ...string[]]);

export const shareBenchmarkBody = z.strictObject({
  indicator: benchmarkIndicator,
  /** true: share from `from` (YYYY-MM); false: stop sharing. */
  share: z.boolean(),
  from: month.optional(),
});
export type ShareBenchmarkBody = z.infer<typeof shareBenchmarkBody>;

export const benchmarkShare = z
  .object({
    indicator: z.string(),
    sharedFrom: month,
    startedAt: isoDateTime,
  })
  .meta({ id: 'BenchmarkShare' });
export type BenchmarkShare = z.infer<typeof benchmarkShare>;

export const benchmarkQuery = z.strictObject({
  indicator: benchmarkIndicator,
  from: month,
  to: month,
});
export type BenchmarkQuery = z.infer<typeof benchmarkQuery>;

/** A figure that left its organisation: null when hidden by small-cell suppression ("<5"). */
const shown = z.number().nullable();

export const benchmarkRow = z.object({
  orgId: uuid,
  municipality: z.string(),
  own: z.boolean(),
  /** The first month of the period this municipality shares (later than `from` if it started sharing later). */
  sharedFrom: month.nullable(),
  numerator: shown,
  denominator: shown,
  result: shown,
  /** Some figure of the row is hidden: shown as "<5" (or hidden so another cannot be worked out). */
  suppressed: z.boolean(),
});
export const benchmark = z
  .object({
    indicator: z.string(),
    unit: z.enum(['share', 'mean', 'count', 'median', 'stock_flow']),
    from: month,
    to: month,
    rows: z.array(benchmarkRow),
    /**
     * The other sharing municipalities together. Not the whole network with the viewer: the
     * viewer knows its own figures and could subtract them from such a total.
     */
    others: z.object({ numerator: shown, denominator: shown, result: shown, suppressed: z.boolean() }),
  })
  .meta({ id: 'Benchmark' });
export type Benchmark = z.infer<typeof benchmark>;
export type BenchmarkRow = z.infer<typeof benchmarkRow>;
