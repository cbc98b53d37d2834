import type { CommitteeReport, CommitteeReportQuery } from '@familiespor/contracts';
import {
  checkCommitteePeriod,
  committeeReportLines,
  committeeReportMaxMonths,
  committeeReportRow,
  defaultCommitteePeriod,
  type IndicatorPeriod,
  previousYearPeriod,
} from '@familiespor/domain';
import { requireOwnOrgRole, requireStaff } from '../../access/admin-policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { organisationName } from './committee-report.repo';
import { lastRefreshRun, readIndicatorCells } from './indicators.repo';
import { indicatorReaders } from './indicators.service';

const attempt = { attempted: 'read', entityType: 'committee_report' } as const;

/** The query's period, or the last 12 whole months; a 400 names the field. */
function periodOf(q: CommitteeReportQuery, now: Date): IndicatorPeriod {
  if (q.from === undefined && q.to === undefined) return defaultCommitteePeriod(now);
  if (q.from === undefined || q.to === undefined)
    throw new InputError('Choose both the first and the last month, or neither', [
      {
        path: q.from === undefined ? 'from' : 'to',
        code: 'required',
        message: 'Give both months (YYYY-MM), or neither for the last 12 whole months',
      },
    ]);
  const p = { from: q.from, to: q.to };
  const bad = checkCommitteePeriod(p);
  if (bad === 'bad_month')
    throw new InputError('Not a month', [{ path: 'from', code: 'bad_month', message: 'Use YYYY-MM' }]);
  if (bad === 'end_before_start')
    throw new InputError('The period ends before it starts', [
      { path: 'to', code: 'end_before_start', message: 'The last month is before the first' },
    ]);
  if (bad === 'too_long')
    throw new InputError('The period is too long', [
      { path: 'to', code: 'too_long', message: `Choose at most ${committeeReportMaxMonths} months` },
    ]);
  return p;
}

/**
 * The committee report of the reader's own organisation (issue #9): the key indicators for a
 * period against the same months a year before, read from the pre-aggregates. It is meant for
 * the public committee papers, so unlike the dashboard every count below 5 is hidden here
 * (DESIGN §5). The programme lead and the analyst read it; others get 403 (audited as denied).
 */
export async function getCommitteeReport(
  deps: Deps,
  ctx: RequestContext,
  q: CommitteeReportQuery,
): Promise<CommitteeReport> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireOwnOrgRole(ctx, requireStaff(ctx, attempt).orgId, indicatorReaders, attempt);
    const period = periodOf(q, ctx.now);
    const previous = previousYearPeriod(period);
    const rows = [];
    for (const line of committeeReportLines) {
      const cells = await readIndicatorCells(tx, {
        orgIds: [p.orgId],
        indicator: line.indicator,
        fromMonth: previous.from,
        toMonth: period.to,
        dimension: line.only?.breakdown ?? 'total',
      });
      rows.push(committeeReportRow(line, cells, period));
    }
    const run = await lastRefreshRun(tx, p.orgId);
    const name = await organisationName(tx, p.orgId);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'committee_report',
      purpose: 'statistics',
      detail: { aggregate: true, from: period.from, to: period.to },
    });
    return {
      organisation: { id: p.orgId, name },
      period,
      previousPeriod: previous,
      generatedAt: ctx.now.toISOString(),
      refreshedAt: run ? new Date(run.finished_at).toISOString() : null,
      rows,
    };
  });
}
