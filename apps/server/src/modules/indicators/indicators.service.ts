import type {
  GetIndicatorQuery,
  IndicatorCatalogueResponse,
  IndicatorFigures,
  RefreshIndicatorsResult,
} from '@familiespor/contracts';
import {
  checkIndicatorPeriod,
  type IndicatorDimension,
  type IndicatorId,
  indicatorCatalogue,
  indicatorIds,
  type StaffRole,
  summariseIndicator,
} from '@familiespor/domain';
import { requireOwnOrgRole, requireStaff } from '../../access/admin-policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import type { Tx } from '../../db/scope';
import { InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { indicatorFactSource } from './indicator-facts.registry';
import { refreshOrganisationIndicators } from './indicator-refresh';
import { lastRefreshByIndicator, lastRefreshRun, offerNames, readIndicatorCells } from './indicators.repo';

/**
 * The indicators of the reader's own organisation: aggregates only, read from the pre-aggregates.
 * The programme lead and the analyst read them; no one else (403, audited as denied). Reads are
 * audited as aggregate reads — no family, no person. Inside the organisation small counts are
 * shown as they are (DESIGN §5 suppresses only what leaves it).
 */
export const indicatorReaders: readonly StaffRole[] = ['programme_lead', 'analyst'];
export const indicatorRefreshers: readonly StaffRole[] = ['programme_lead'];

type Attempt = { attempted: 'read' | 'execute'; entityType: string };

function reader(ctx: RequestContext, roles: readonly StaffRole[], attempt: Attempt): StaffPrincipal {
  return requireOwnOrgRole(ctx, requireStaff(ctx, attempt).orgId, roles, attempt);
}

export async function listIndicators(deps: Deps, ctx: RequestContext): Promise<IndicatorCatalogueResponse> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = reader(ctx, indicatorReaders, { attempted: 'read', entityType: 'indicator_catalogue' });
    const refreshed = await lastRefreshByIndicator(tx, p.orgId);
    const run = await lastRefreshRun(tx, p.orgId);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'indicator_catalogue',
      purpose: 'statistics',
      detail: { aggregate: true },
    });
    return {
      indicators: indicatorIds.map((id) => {
        const d = indicatorCatalogue[id];
        return {
          id,
          unit: d.unit,
          timing: d.timing,
          dimensions: [...d.dimensions],
          words: d.words,
          available: indicatorFactSource(id) !== undefined,
          refreshedAt: refreshed.get(id)?.toISOString() ?? null,
        };
      }),
      lastRefreshAt: run ? new Date(run.finished_at).toISOString() : null,
    };
  });
}

/** Checks the query against the indicator's definition; a 400 names the field. */
function checkQuery(q: GetIndicatorQuery) {
  const id = q.indicator as IndicatorId;
  const definition = indicatorCatalogue[id];
  const period = checkIndicatorPeriod({ from: q.from, to: q.to });
  if (period === 'bad_month')
    throw new InputError('Not a month', [{ path: 'from', code: 'bad_month', message: 'Use YYYY-MM' }]);
  if (period === 'end_before_start')
    throw new InputError('The period ends before it starts', [
      { path: 'to', code: 'end_before_start', message: 'The last month is before the first' },
    ]);
  if (period === 'too_long')
    throw new InputError('The period is too long', [
      { path: 'to', code: 'too_long', message: 'Choose at most ten years' },
    ]);
  const breakdown = q.breakdown as IndicatorDimension | 'total';
  if (breakdown !== 'total' && !definition.dimensions.includes(breakdown as never))
    throw new InputError('The indicator has no such breakdown', [
      {
        path: 'breakdown',
        code: 'unknown_breakdown',
        message: `Choose one of total, ${definition.dimensions.join(', ')}`,
      },
    ]);
  if (breakdown === 'total' && q.only !== undefined)
    throw new InputError('Only one value needs a breakdown', [
      { path: 'only', code: 'needs_breakdown', message: 'Choose a breakdown to pick one value of' },
    ]);
  return { id, definition, breakdown };
}

/** The figures of one indicator, as getIndicator returns them and the export writes them. */
export async function indicatorFigures(
  tx: Tx,
  orgId: string,
  q: GetIndicatorQuery,
): Promise<IndicatorFigures> {
  const { id, definition, breakdown } = checkQuery(q);
  const cells = await readIndicatorCells(tx, {
    orgIds: [orgId],
    indicator: id,
    fromMonth: q.from,
    toMonth: q.to,
    dimension: breakdown,
  });
  const points = summariseIndicator(definition, cells, {
    period: { from: q.from, to: q.to },
    grain: q.grain,
    breakdown,
    ...(q.only !== undefined ? { only: q.only } : {}),
  });
  const refreshed = (await lastRefreshByIndicator(tx, orgId)).get(id);
  const names =
    breakdown === 'offer'
      ? await offerNames(tx, [...new Set(points.flatMap((p) => (p.value === null ? [] : [p.value])))])
      : new Map<string, string>();
  return {
    indicator: id,
    unit: definition.unit,
    timing: definition.timing,
    from: q.from,
    to: q.to,
    grain: q.grain,
    breakdown,
    only: q.only ?? null,
    refreshedAt: refreshed?.toISOString() ?? null,
    points: points.map((p) => ({ ...p, label: (p.value !== null && names.get(p.value)) || null })),
  };
}

export async function getIndicator(deps: Deps, ctx: RequestContext, q: GetIndicatorQuery) {
  return runUseCase(deps, ctx, async (tx) => {
    const p = reader(ctx, indicatorReaders, { attempted: 'read', entityType: 'indicator' });
    const figures = await indicatorFigures(tx, p.orgId, q);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'indicator',
      purpose: 'statistics',
      detail: { aggregate: true, indicator: q.indicator, from: q.from, to: q.to, breakdown: q.breakdown },
    });
    return figures;
  });
}

/** The figures for an export: the same as getIndicator, audited as an export. */
export async function indicatorFiguresForExport(
  deps: Deps,
  ctx: RequestContext,
  q: GetIndicatorQuery & { format: 'csv' | 'xlsx' },
) {
  return runUseCase(deps, ctx, async (tx) => {
    const p = reader(ctx, indicatorReaders, { attempted: 'read', entityType: 'indicator_export' });
    const { format, ...query } = q;
    const figures = await indicatorFigures(tx, p.orgId, query);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'indicator_export',
      purpose: 'statistics',
      detail: {
        aggregate: true,
        indicator: q.indicator,
        from: q.from,
        to: q.to,
        breakdown: q.breakdown,
        format,
      },
    });
    return figures;
  });
}

/** Recomputes the reader's organisation's pre-aggregates now (the nightly job does every organisation). */
export async function refreshIndicators(deps: Deps, ctx: RequestContext): Promise<RefreshIndicatorsResult> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = reader(ctx, indicatorRefreshers, { attempted: 'execute', entityType: 'indicator_refresh' });
    const r = await refreshOrganisationIndicators(tx, {
      orgId: p.orgId,
      now: ctx.now,
      trigger: 'on_demand',
      requestedBy: p.userId,
    });
    await writeAudit(tx, ctx, {
      action: 'execute',
      entityType: 'indicator_refresh',
      entityId: r.runId,
      purpose: 'statistics',
      detail: { aggregate: true, cellsWritten: r.cellsWritten, errors: r.errors.map((e) => e.indicator) },
    });
    return {
      runId: r.runId,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt.toISOString(),
      from: r.fromMonth,
      to: r.toMonth,
      cellsWritten: r.cellsWritten,
      errors: r.errors,
    };
  });
}
