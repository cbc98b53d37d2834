import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import {
  type IndicatorRefreshJobResult,
  refreshAllIndicators,
} from '../modules/indicators/indicator-refresh';

/** What an indicator-refresh job may carry: nothing (every organisation), or one organisation's id. */
export type IndicatorRefreshJobData = { orgId?: string | undefined };

/** A job's data is checked like any input from outside. */
export const indicatorRefreshJobData = z.strictObject({ orgId: z.uuid().optional() });

/** After the task rules (02:00): the refresh then counts the night's new tasks and needs. */
export const defaultIndicatorRefreshCron = '0 3 * * *';

/**
 * The nightly refresh of the indicators' pre-aggregates for every active organisation: what the
 * pg-boss worker calls. Re-running it writes the same cells.
 */
export async function runIndicatorRefresh(
  db: Kysely<DB>,
  clock: Clock,
  data: IndicatorRefreshJobData = {},
): Promise<IndicatorRefreshJobResult> {
  return refreshAllIndicators(db, clock.now(), { orgId: data.orgId });
}
