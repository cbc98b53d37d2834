import type { IndicatorCell, IndicatorDimension, IndicatorId } from '@familiespor/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/scope';

const firstDay = (month: string) => `${month}-01`;

/**
 * The pre-aggregated cells of some organisations' indicator, for the months [fromMonth, toMonth]
 * and one breakdown ('total' for the totals). Read under the caller's row-level-security scope:
 * a reader outside an organisation gets none of its cells unless the caller widened the scope
 * (the benchmark does, for shared indicators, and suppresses what it shows).
 */
export async function readIndicatorCells(
  tx: Tx,
  q: {
    orgIds: string[];
    indicator: IndicatorId;
    fromMonth: string;
    toMonth: string;
    dimension: IndicatorDimension | 'total';
  },
): Promise<(IndicatorCell & { orgId: string })[]> {
  if (q.orgIds.length === 0) return [];
  const rows = await tx
    .selectFrom('indicator_cell')
    .select(['org_id', 'month', 'dimension', 'value', 'numerator', 'denominator', 'stock', 'histogram'])
    .where('org_id', 'in', q.orgIds)
    .where('indicator', '=', q.indicator)
    .where('dimension', '=', q.dimension)
    .where('month', '>=', firstDay(q.fromMonth))
    .where('month', '<=', firstDay(q.toMonth))
    .orderBy('org_id')
    .orderBy('month')
    .orderBy('value')
    .execute();
  return rows.map((r) => ({
    orgId: r.org_id,
    month: r.month.slice(0, 7),
    dimension: r.dimension as IndicatorDimension | 'total',
    value: r.dimension === 'total' ? null : r.value,
    numerator: Number(r.numerator),
    denominator: Number(r.denominator),
    stock: Number(r.stock),
    histogram: r.histogram ?? {},
  }));
}

/**
 * Replaces one organisation's cells of one indicator for the months [fromMonth, toMonth]: the
 * months with no facts any more lose their old cells, so a refresh leaves exactly what the
 * records say now, and running it twice writes the same rows.
 */
export async function replaceIndicatorCells(
  tx: Tx,
  q: { orgId: string; indicator: IndicatorId; fromMonth: string; toMonth: string; refreshedAt: Date },
  cells: readonly IndicatorCell[],
): Promise<number> {
  await tx
    .deleteFrom('indicator_cell')
    .where('org_id', '=', q.orgId)
    .where('indicator', '=', q.indicator)
    .where('month', '>=', firstDay(q.fromMonth))
    .where('month', '<=', firstDay(q.toMonth))
    .execute();
  const rows = cells
    .filter((c) => c.month >= q.fromMonth && c.month <= q.toMonth)
    .map((c) => ({
      org_id: q.orgId,
      indicator: q.indicator,
      month: firstDay(c.month),
      dimension: c.dimension,
      value: c.value ?? '',
      numerator: c.numerator,
      denominator: c.denominator,
      stock: c.stock,
      histogram: JSON.stringify(c.histogram),
      refreshed_at: q.refreshedAt,
    }));
  // Bounded batches keep each statement under PostgreSQL's parameter limit.
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('indicator_cell')
      .values(rows.slice(i, i + 1000))
      .execute();
  return rows.length;
}

export async function insertRefreshRun(
  tx: Tx,
  run: {
    orgId: string;
    trigger: 'nightly' | 'on_demand';
    requestedBy: string | null;
    fromMonth: string;
    toMonth: string;
    startedAt: Date;
    finishedAt: Date;
    cellsWritten: number;
    errors: { indicator: string; message: string }[];
  },
): Promise<string> {
  const row = await tx
    .insertInto('indicator_refresh_run')
    .values({
      org_id: run.orgId,
      trigger: run.trigger,
      requested_by: run.requestedBy,
      from_month: firstDay(run.fromMonth),
      to_month: firstDay(run.toMonth),
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      cells_written: run.cellsWritten,
      errors: JSON.stringify(run.errors),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** When each indicator of the organisation was last refreshed (the newest cell's time). */
export async function lastRefreshByIndicator(tx: Tx, orgId: string): Promise<Map<string, Date>> {
  const rows = await tx
    .selectFrom('indicator_cell')
    .select((eb) => ['indicator', eb.fn.max('refreshed_at').as('at')])
    .where('org_id', '=', orgId)
    .groupBy('indicator')
    .execute();
  return new Map(rows.map((r) => [r.indicator, new Date(r.at)]));
}

/**
 * The names of offers named by their id in an offer breakdown: the dashboard and the export show
 * a name, never a bare id. Offers are catalogue text every organisation may read.
 */
export async function offerNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (uuids.length === 0) return new Map();
  const rows = await tx.selectFrom('offer').select(['id', 'name']).where('id', 'in', uuids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The organisation's last finished refresh run. */
export async function lastRefreshRun(tx: Tx, orgId: string) {
  return tx
    .selectFrom('indicator_refresh_run')
    .select(['id', 'finished_at'])
    .where('org_id', '=', orgId)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Organisations whose records feed indicators: every active one (the nightly run's list). */
export async function activeOrganisationIds(tx: Tx): Promise<string[]> {
  const rows = await tx
    .selectFrom('organisation')
    .select('id')
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Runs one indicator's part of a refresh inside a savepoint: a failing statement aborts only
 * that part, and the refresh goes on with the next indicator.
 */
export async function inSavepoint<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  await sql`SAVEPOINT indicator_refresh`.execute(tx);
  try {
    const result = await fn();
    await sql`RELEASE SAVEPOINT indicator_refresh`.execute(tx);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT indicator_refresh`.execute(tx);
    throw error;
  }
}
