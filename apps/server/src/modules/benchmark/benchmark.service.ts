import type { Benchmark, BenchmarkQuery, BenchmarkShare, ShareBenchmarkBody } from '@familiespor/contracts';
import { checkIndicatorPeriod, type IndicatorId, indicatorCatalogue } from '@familiespor/domain';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ForbiddenError, InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { readIndicatorCells } from '../indicators/indicators.repo';
import * as repo from './benchmark.repo';
import { benchmarkFigures, ownFigures } from './benchmark-table';

/**
 * The benchmark is the municipalities' own: a municipality's programme lead decides what it
 * shares and sees the comparison; its analyst sees the comparison (aggregates only).
 */
async function municipalityStaff(
  tx: Tx,
  ctx: RequestContext,
  roles: readonly string[],
  attempted: 'read' | 'update',
): Promise<StaffPrincipal> {
  const p = ctx.principal;
  const ok =
    p?.kind === 'staff' &&
    p.roles.some((r) => roles.includes(r)) &&
    (await repo.organisationKind(tx, p.orgId)) === 'municipality';
  if (!ok || p?.kind !== 'staff')
    throw new ForbiddenError({
      attempted,
      entityType: 'benchmark',
      reason: 'not a municipality’s programme lead',
    });
  return p;
}

const sharesOut = (rows: Awaited<ReturnType<typeof repo.activeShares>>): BenchmarkShare[] =>
  rows.map((r) => ({
    indicator: r.indicator,
    sharedFrom: r.shared_from,
    startedAt: r.started_at.toISOString(),
  }));

export async function listBenchmarkShares(deps: Deps, ctx: RequestContext): Promise<BenchmarkShare[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = await municipalityStaff(tx, ctx, ['programme_lead', 'analyst'], 'read');
    return sharesOut(await repo.activeShares(tx, p.orgId));
  });
}

/** Starts, moves or stops sharing one indicator with the network. */
export async function shareBenchmark(
  deps: Deps,
  ctx: RequestContext,
  body: ShareBenchmarkBody,
): Promise<BenchmarkShare[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = await municipalityStaff(tx, ctx, ['programme_lead'], 'update');
    if (body.share && !body.from)
      throw new InputError('Choose the month to share from', [
        { path: 'from', code: 'required', message: 'the first month to share' },
      ]);
    const stopped = await repo.stopSharing(tx, p.orgId, body.indicator, p.userId, ctx.now);
    if (body.share && body.from)
      await repo.startSharing(tx, p.orgId, body.indicator, body.from, p.userId, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'benchmark_share',
      detail: { indicator: body.indicator, share: body.share, from: body.from ?? null, replaced: stopped },
    });
    return sharesOut(await repo.activeShares(tx, p.orgId));
  });
}

/**
 * The sharing municipalities side by side (and the viewer's own), computed from the
 * pre-aggregates. Another municipality's months before it started sharing are left out, and one
 * that does not share is not there at all. Their figures below 5 are hidden with their complement;
 * the viewer's own row is its own data and shown as it is, outside the suppressed table (which
 * is why the total is of the others only).
 */
export async function getBenchmark(deps: Deps, ctx: RequestContext, q: BenchmarkQuery): Promise<Benchmark> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = await municipalityStaff(tx, ctx, ['programme_lead', 'analyst'], 'read');
    const bad = checkIndicatorPeriod({ from: q.from, to: q.to });
    if (bad)
      throw new InputError('The period is not valid', [
        { path: bad === 'end_before_start' ? 'to' : 'from', code: bad, message: 'choose a valid period' },
      ]);
    const indicator = q.indicator as IndicatorId;
    const definition = indicatorCatalogue[indicator];
    const members = await repo.benchmarkMembers(tx, indicator, p.orgId);
    // Other municipalities' cells are outside the viewer's row-level scope: read as the system,
    // only for the members found above, and only aggregates.
    const cells = await asSystem(tx, () =>
      readIndicatorCells(tx, {
        orgIds: members.map((m) => m.id),
        indicator,
        fromMonth: q.from,
        toMonth: q.to,
        dimension: 'total',
      }),
    );
    const period = { from: q.from, to: q.to };
    const others = members.filter((m) => m.id !== p.orgId);
    const table = benchmarkFigures(
      definition,
      others.map((m) => ({
        orgId: m.id,
        cells: cells.filter((c) => c.orgId === m.id && c.month >= (m.shared_from ?? q.from)),
      })),
      period,
    );
    const own = ownFigures(
      definition,
      cells.filter((c) => c.orgId === p.orgId),
      period,
    );
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'benchmark',
      detail: { indicator, from: q.from, to: q.to, municipalities: members.length },
    });
    return {
      indicator,
      unit: definition.unit,
      from: q.from,
      to: q.to,
      rows: members.map((m) => ({
        orgId: m.id,
        municipality: m.name,
        own: m.id === p.orgId,
        sharedFrom: m.shared_from,
        ...(m.id === p.orgId ? own : (table.rows[others.indexOf(m)] as typeof own)),
      })),
      others: table.others,
    };
  });
}
