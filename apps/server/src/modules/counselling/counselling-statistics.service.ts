import type { CounsellingStatistics } from '@familiespor/contracts';
import { copenhagenDate, counsellingYearFigures, yearBounds } from '@familiespor/domain';
import { requireOwnOrgRole, requireStaff } from '../../access/admin-policy';
import { authorize } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { findOrganisation } from '../referrals/referrals.repo';
import { casesBetween, firstCaseYear } from './counselling-lookup.repo';

/**
 * "Tal for rådgivningen": one calendar year of the organisation's counselling (Europe/Copenhagen
 * days) — families counselled, cases closed, how many no longer need special support, the median
 * duration, the outcomes. For the organisation's own family counsellors and programme lead: the
 * figures stay inside the organisation, so small counts are shown as they are (DESIGN §5 suppresses
 * counts below 5 only in reports that leave the owning organisation).
 */
export async function getCounsellingStatistics(
  deps: Deps,
  ctx: RequestContext,
  q: { year?: number | undefined },
): Promise<CounsellingStatistics> {
  return runUseCase(deps, ctx, async (tx) => {
    const attempt = { attempted: 'read' as const, entityType: 'counselling_statistics' };
    const p = requireOwnOrgRole(
      ctx,
      requireStaff(ctx, attempt).orgId,
      ['family_counsellor', 'programme_lead'],
      attempt,
    );
    const d = await authorize(tx, ctx, 'read', {
      orgId: p.orgId,
      category: 'counselling',
      entityType: attempt.entityType,
    });
    const today = copenhagenDate(ctx.now);
    const thisYear = Number(today.slice(0, 4));
    const year = q.year ?? thisYear;
    if (year > thisYear)
      throw new InputError('The year has not begun', [
        { path: 'year', code: 'in_future', message: 'Choose this year or an earlier one' },
      ]);
    const { from, to } = yearBounds(year);
    const rows = await casesBetween(tx, p.orgId, from, to < today ? to : today);
    const figures = counsellingYearFigures(
      year,
      rows.map((r) => ({
        familyId: r.family_id,
        openedOn: r.opened_on,
        closedOn: r.closed_on,
        outcome: r.outcome,
        goalsScoredTwice: r.goals_scored_twice,
        goalsImproved: r.goals_improved,
      })),
      today,
    );
    const first = (await firstCaseYear(tx, p.orgId)) ?? thisYear;
    const years: number[] = [];
    for (let y = thisYear; y >= Math.min(first, thisYear); y--) years.push(y);
    const org = await findOrganisation(tx, p.orgId);
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'counselling_statistics',
      purpose: 'statistics',
      basis: d.basis,
      detail: { category: 'counselling', year, cases: rows.length },
    });
    return {
      organisation: { id: p.orgId, name: org?.name ?? '' },
      years,
      untilDate: to < today ? to : today,
      ...figures,
    };
  });
}
