import { indicatorDimensions, indicatorIds } from '@familiespor/domain';
import { z } from 'zod';
import { isoDateTime } from './common.contracts';

/** The indicators (step 8): the catalogue, one indicator's figures, their export, the refresh. */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
export const indicatorId = z.enum(indicatorIds as [string, ...string[]]);
export const indicatorDimension = z.enum(indicatorDimensions);
export const indicatorBreakdown = z.enum(['total', ...indicatorDimensions]);
export const indicatorGrain = z.enum(['month', 'quarter', 'year', 'period']);
export const indicatorUnit = z.enum(['share', 'mean', 'count', 'median', 'stock_flow']);
export const indicatorTiming = z.enum(['during', 'at_end']);

export const indicatorSummary = z
  .object({
    id: z.string(),
    unit: indicatorUnit,
    timing: indicatorTiming,
    dimensions: z.array(indicatorDimension),
    words: z.object({ numerator: z.string(), denominator: z.string().nullable(), dated: z.string() }),
    /** false: no module feeds it facts yet, so it has no figures. */
    available: z.boolean(),
    /** When the reader's organisation's figures for it were last refreshed; null: never. */
    refreshedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'IndicatorSummary' });
export type IndicatorSummary = z.infer<typeof indicatorSummary>;

export const indicatorCatalogueResponse = z
  .object({ indicators: z.array(indicatorSummary), lastRefreshAt: isoDateTime.nullable() })
  .meta({ id: 'IndicatorCatalogue' });
export type IndicatorCatalogueResponse = z.infer<typeof indicatorCatalogueResponse>;

export const getIndicatorQuery = z.strictObject({
  indicator: indicatorId,
  from: month,
  to: month,
  grain: indicatorGrain.default('month'),
  breakdown: indicatorBreakdown.default('total'),
  /** One breakdown value only, e.g. `father` with breakdown `parent_role`. */
  only: z.string().trim().min(1).max(100).optional(),
});
export type GetIndicatorQuery = z.infer<typeof getIndicatorQuery>;

export const exportIndicatorsQuery = getIndicatorQuery.extend({ format: z.enum(['csv', 'xlsx']) });

export const indicatorPoint = z
  .object({
    bucket: z.string(),
    value: z.string().nullable(),
    /** The value's readable name where the value is an id (an offer's name); else null. */
    label: z.string().nullable(),
    numerator: z.number(),
    denominator: z.number().nullable(),
    result: z.number().nullable(),
  })
  .meta({ id: 'IndicatorPoint' });

export const indicatorFigures = z
  .object({
    indicator: z.string(),
    unit: indicatorUnit,
    timing: indicatorTiming,
    from: month,
    to: month,
    grain: indicatorGrain,
    breakdown: indicatorBreakdown,
    only: z.string().nullable(),
    refreshedAt: isoDateTime.nullable(),
    points: z.array(indicatorPoint),
  })
  .meta({ id: 'IndicatorFigures' });
export type IndicatorFigures = z.infer<typeof indicatorFigures>;

export const refreshIndicatorsResult = z
  .object({
    runId: z.string(),
    startedAt: isoDateTime,
    finishedAt: isoDateTime,
    from: month,
    to: month,
    cellsWritten: z.number().int(),
    /** Indicators whose facts could not be read; their old cells are kept. */
    errors: z.array(z.object({ indicator: z.string(), message: z.string() })),
  })
  .meta({ id: 'IndicatorRefreshResult' });
export type RefreshIndicatorsResult = z.infer<typeof refreshIndicatorsResult>;
