import { committeeReportKeys, indicatorIds } from '@familiespor/domain';
import { z } from 'zod';
import { isoDateTime, uuid } from './common.contracts';

/** The committee report "Udvalgsrapport" (issue #9): key indicators on one page, compared with a year before. */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

/**
 * Both months or neither: without them the report covers the last 12 whole months. At most 12
 * months (a longer period would overlap the year it is compared with).
 */
export const committeeReportQuery = z.strictObject({ from: month.optional(), to: month.optional() });
export type CommitteeReportQuery = z.infer<typeof committeeReportQuery>;

const period = z.object({ from: month, to: month });

/**
 * A figure that leaves the organisation: a hidden part is null and `suppressed` is true (shown
 * as "<5"); `result` null with `suppressed` false means there is nothing to show (no births,
 * never measured).
 */
export const committeeFigure = z
  .object({
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    result: z.number().nullable(),
    suppressed: z.boolean(),
  })
  .meta({ id: 'CommitteeFigure' });
export type CommitteeFigureOut = z.infer<typeof committeeFigure>;

export const committeeReportRow = z
  .object({
    key: z.enum(committeeReportKeys as [string, ...string[]]),
    indicator: z.enum(indicatorIds as [string, ...string[]]),
    unit: z.enum(['share', 'mean', 'count', 'median', 'stock_flow']),
    /** Which way is better: `lower` for readmissions and families between chairs. */
    better: z.enum(['higher', 'lower']),
    current: committeeFigure,
    previous: committeeFigure,
    /** The change at the precision shown: percentage points for a share; null without two figures. */
    change: z.number().nullable(),
    direction: z.enum(['better', 'worse', 'unchanged']).nullable(),
  })
  .meta({ id: 'CommitteeReportRow' });
export type CommitteeReportRowOut = z.infer<typeof committeeReportRow>;

export const committeeReport = z
  .object({
    organisation: z.object({ id: uuid, name: z.string() }),
    period,
    /** The same months a year before. */
    previousPeriod: period,
    generatedAt: isoDateTime,
    /** When the organisation's figures were last computed (the last refresh); null: never. */
    refreshedAt: isoDateTime.nullable(),
    rows: z.array(committeeReportRow),
  })
  .meta({ id: 'CommitteeReport' });
export type CommitteeReport = z.infer<typeof committeeReport>;
