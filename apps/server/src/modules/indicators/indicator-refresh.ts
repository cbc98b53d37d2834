import {
  addMonths,
  aggregateIndicator,
  copenhagenDate,
  type IndicatorDefinition,
  type IndicatorId,
  indicatorCatalogue,
  indicatorIds,
} from '@familiespor/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { asSystem, inScope, type Tx } from '../../db/scope';
import './indicator-fact-sources';
import { indicatorFactSource } from './indicator-facts.registry';
import {
  activeOrganisationIds,
  inSavepoint,
  insertRefreshRun,
  replaceIndicatorCells,
} from './indicators.repo';

/** How far back a refresh recomputes: records are corrected late, so the last two years. */
export const refreshWindowMonths = 24;

export type RefreshOutcome = {
  runId: string;
  orgId: string;
  startedAt: Date;
  finishedAt: Date;
  fromMonth: string;
  toMonth: string;
  cellsWritten: number;
  errors: { indicator: IndicatorId; message: string }[];
};

/** The window ending today: the first day of the month 23 months back, to today. */
export function refreshWindow(now: Date) {
  const asOf = copenhagenDate(now);
  const toMonth = asOf.slice(0, 7);
  const fromMonth = addMonths(`${toMonth}-01`, -(refreshWindowMonths - 1)).slice(0, 7);
  return { asOf, fromMonth, toMonth, from: `${fromMonth}-01`, to: asOf };
}

/**
 * Recomputes one organisation's cells inside the caller's transaction: per indicator, extract
 * the facts, aggregate them, and replace the organisation's cells of the window. An indicator
 * whose facts cannot be read keeps its old cells (a savepoint undoes only its part) and is named
 * in the run's errors. A state measured at the month's end (between chairs) can only be measured
 * now, so its earlier months are kept and only this month's cells are replaced. Records are read
 * as the system: a family's facts may lie in another organisation's records (a course, a
 * referral), and only counts come out.
 */
export async function refreshOrganisationIndicators(
  tx: Tx,
  q: { orgId: string; now: Date; trigger: 'nightly' | 'on_demand'; requestedBy: string | null },
): Promise<RefreshOutcome> {
  // Times on the application's clock; the elapsed time is measured.
  const startedAt = q.now;
  const started = performance.now();
  const w = refreshWindow(q.now);
  const errors: RefreshOutcome['errors'] = [];
  let cellsWritten = 0;
  // Indicators that share a fact source (a course's attendance, completion and dropout; the three
  // EPDS follow-up figures) read its facts once per organisation: at national size the reading is
  // most of a refresh.
  const factsBySource = new Map<unknown, readonly unknown[]>();
  await asSystem(tx, async () => {
    for (const indicator of indicatorIds) {
      const source = indicatorFactSource(indicator);
      if (!source) continue;
      const definition = indicatorCatalogue[indicator];
      const fromMonth = definition.timing === 'at_end' ? w.toMonth : w.fromMonth;
      try {
        cellsWritten += await inSavepoint(tx, async () => {
          const facts =
            factsBySource.get(source.facts) ??
            (await source.facts(tx, { orgId: q.orgId, from: w.from, to: w.to, asOf: w.asOf }));
          factsBySource.set(source.facts, facts);
          const cells = aggregateIndicator(definition as IndicatorDefinition<unknown>, facts);
          // A state measured at the month's end with nothing to count is a measured zero, not a
          // gap the period would fill with an earlier month's figure.
          if (
            definition.timing === 'at_end' &&
            !cells.some((c) => c.month === w.toMonth && c.dimension === 'total')
          )
            cells.push({
              month: w.toMonth,
              dimension: 'total',
              value: null,
              numerator: 0,
              denominator: 0,
              stock: 0,
              histogram: {},
            });
          return replaceIndicatorCells(
            tx,
            { orgId: q.orgId, indicator, fromMonth, toMonth: w.toMonth, refreshedAt: q.now },
            cells,
          );
        });
      } catch (error) {
        errors.push({ indicator, message: error instanceof Error ? error.message.slice(0, 500) : 'unknown' });
      }
    }
  });
  const finishedAt = new Date(startedAt.getTime() + Math.round(performance.now() - started));
  const runId = await asSystem(tx, () =>
    insertRefreshRun(tx, {
      orgId: q.orgId,
      trigger: q.trigger,
      requestedBy: q.requestedBy,
      fromMonth: w.fromMonth,
      toMonth: w.toMonth,
      startedAt,
      finishedAt,
      cellsWritten,
      errors,
    }),
  );
  return {
    runId,
    orgId: q.orgId,
    startedAt,
    finishedAt,
    fromMonth: w.fromMonth,
    toMonth: w.toMonth,
    cellsWritten,
    errors,
  };
}

export type IndicatorRefreshJobResult = {
  organisations: number;
  cellsWritten: number;
  failedIndicators: number;
};

/**
 * The nightly refresh of every active organisation (or one): each in a transaction of its own,
 * so one organisation's failure leaves the others' fresh figures in place. Running it again
 * writes the same cells.
 */
export async function refreshAllIndicators(
  db: Kysely<DB>,
  now: Date,
  options: { orgId?: string | undefined } = {},
): Promise<IndicatorRefreshJobResult> {
  const orgIds = options.orgId
    ? [options.orgId]
    : await inScope(db, { kind: 'system' }, (tx) => activeOrganisationIds(tx));
  let cellsWritten = 0;
  let failedIndicators = 0;
  for (const orgId of orgIds) {
    const r = await inScope(db, { kind: 'system' }, (tx) =>
      refreshOrganisationIndicators(tx, { orgId, now, trigger: 'nightly', requestedBy: null }),
    );
    cellsWritten += r.cellsWritten;
    failedIndicators += r.errors.length;
  }
  return { organisations: orgIds.length, cellsWritten, failedIndicators };
}
