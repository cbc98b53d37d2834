import type {
  AnonymousContactStatistics,
  AnonymousContactStatisticsQuery,
  StatisticsOrganisation,
} from '@familiespor/contracts';
import {
  addMonths,
  cellOut,
  childAgeBands,
  contactChannels,
  contactOutcomes,
  contactWho,
  copenhagenDate,
  counsellingTopics,
  type SuppressedCell,
  smallCellThreshold,
  suppressDistribution,
  suppressSmallCells,
} from '@familiespor/domain';
import { requireStaff } from '../../access/admin-policy';
import type { RequestContext, StaffPrincipal } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx, widenScope } from '../../db/scope';
import { ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as repo from './anonymous-contacts.repo';
import {
  hasRole,
  ownStatisticsReaders,
  partnerStatisticsReaders,
  requireOwnRole,
} from './open-counselling-access';

/** A report covers at most two years, month by month. */
export const statisticsMaxMonths = 24;

const monthOf = (date: string) => date.slice(0, 7);

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = monthOf(addMonths(`${m}-01`, 1))) out.push(m);
  return out;
}

/** The last day of a month: the day before the next month's first. */
function lastDayOf(month: string): string {
  const next = new Date(`${addMonths(`${month}-01`, 1)}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

/** The range asked for, or the last 12 months up to this one. */
function rangeOf(q: AnonymousContactStatisticsQuery, today: string) {
  const to = q.to ?? monthOf(today);
  const from = q.from ?? monthOf(addMonths(`${to}-01`, -11));
  if (from > to)
    throw new InputError('The period ends before it starts', [
      { path: 'from', code: 'after_to', message: 'The first month is after the last' },
    ]);
  const months = monthsBetween(from, to);
  if (months.length > statisticsMaxMonths)
    throw new InputError('The period is too long', [
      { path: 'from', code: 'too_long', message: `At most ${statisticsMaxMonths} months` },
    ]);
  return { months, fromDate: `${from}-01`, toDate: lastDayOf(to) };
}

/**
 * Whose statistics the user may read: their own organisation's (counsellors, programme lead,
 * analyst), or — for a municipality's programme lead or analyst — those of an organisation in an
 * active partnership with the municipality, read across organisations for this one transaction.
 */
async function authorizeStatistics(tx: Tx, ctx: RequestContext, orgId: string | undefined) {
  const attempt = { attempted: 'read', entityType: 'anonymous_contact_statistics' } as const;
  const p = requireStaff(ctx, attempt);
  const target = orgId ?? p.orgId;
  if (target === p.orgId) return { p, orgId: requireOwnRole(ctx, ownStatisticsReaders, attempt).orgId };
  const denied = (reason: string) => new ForbiddenError({ ...attempt, dataOrgId: target, reason });
  if (!hasRole(p, partnerStatisticsReaders))
    throw denied('requires programme_lead or analyst of a partner municipality');
  if (!(await asSystem(tx, () => repo.inPartnership(tx, p.orgId, target))))
    throw denied('no active partnership between the municipality and the organisation');
  await widenScope(tx, target);
  return { p, orgId: target };
}

function distribution(keys: readonly string[], rows: readonly { key: string; n: number }[], total: number) {
  const counts = keys.map((k) => rows.find((r) => r.key === k)?.n ?? 0);
  const d = suppressDistribution(counts, total);
  return {
    items: keys.map((key, i) => ({ key, count: cellOut(d.cells[i] as SuppressedCell) })),
    total: cellOut(d.total),
  };
}

const hiddenIn = (values: readonly (number | null)[]) => values.filter((v) => v === null).length;

/**
 * Topics by month, and contacts by channel, by who and by the child's age — always with
 * small-cell suppression (DESIGN §5), also for the organisation itself: these figures are made
 * for sharing with the partner municipality, and a hidden cell's count never leaves the server.
 */
export async function getAnonymousContactStatistics(
  deps: Deps,
  ctx: RequestContext,
  q: AnonymousContactStatisticsQuery,
): Promise<AnonymousContactStatistics> {
  return runUseCase(deps, ctx, async (tx) => {
    const { orgId } = await authorizeStatistics(tx, ctx, q.orgId);
    const organisation = await repo.findOrganisation(tx, orgId);
    if (!organisation) throw new NotFoundError('The organisation');
    const { months, fromDate, toDate } = rangeOf(q, copenhagenDate(ctx.now));

    const perMonth = await repo.countByMonth(tx, orgId, fromDate, toDate);
    const topicRows = await repo.countTopicsByMonth(tx, orgId, fromDate, toDate);
    const contacts = months.map((m) => perMonth.find((r) => r.month === m)?.n ?? 0);
    const contactsTotal = contacts.reduce((a, b) => a + b, 0);
    const cells = counsellingTopics.map((t) =>
      months.map((m) => topicRows.find((r) => r.topic === t && r.month === m)?.n ?? 0),
    );
    const table = suppressSmallCells({
      cells,
      rowTotals: cells.map((row) => row.reduce((a, b) => a + b, 0)),
      columnTotals: contacts,
      grandTotal: contactsTotal,
    });
    const topicsByMonth = {
      rows: counsellingTopics.map((topic, i) => ({
        topic,
        counts: (table.cells[i] as SuppressedCell[]).map(cellOut),
        total: cellOut(table.rowTotals?.[i] as SuppressedCell),
      })),
      contacts: (table.columnTotals as SuppressedCell[]).map(cellOut),
      contactsTotal: cellOut(table.grandTotal as SuppressedCell),
    };
    const by = async (column: 'channel' | 'who' | 'child_age_band') =>
      repo.countBy(tx, orgId, fromDate, toDate, column);
    const byChannel = distribution(contactChannels, await by('channel'), contactsTotal);
    const byWho = distribution(contactWho, await by('who'), contactsTotal);
    const byChildAgeBand = distribution(childAgeBands, await by('child_age_band'), contactsTotal);
    const outcomes = (await repo.countOutcomes(tx, orgId, fromDate, toDate)).map((r) => ({
      key: r.outcome,
      n: r.n,
    }));
    const byOutcome = distribution(contactOutcomes, outcomes, contactsTotal);

    const hiddenCells =
      topicsByMonth.rows.reduce((a, r) => a + hiddenIn(r.counts) + hiddenIn([r.total]), 0) +
      hiddenIn([...topicsByMonth.contacts, topicsByMonth.contactsTotal]) +
      [byChannel, byWho, byChildAgeBand, byOutcome].reduce(
        (a, d) => a + hiddenIn([...d.items.map((i) => i.count), d.total]),
        0,
      );
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'anonymous_contact_statistics',
      dataOrgId: orgId,
      purpose: 'statistics',
      detail: { from: months[0], to: months[months.length - 1] },
    });
    return {
      organisation: { id: organisation.id, name: organisation.name },
      months,
      topicsByMonth,
      byChannel,
      byWho,
      byChildAgeBand,
      byOutcome,
      threshold: smallCellThreshold,
      hiddenCells,
    };
  });
}

/** The organisations whose statistics the user may read: the statistics page's choice. */
export async function listStatisticsOrganisations(
  deps: Deps,
  ctx: RequestContext,
): Promise<StatisticsOrganisation[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const p: StaffPrincipal = requireStaff(ctx, {
      attempted: 'read',
      entityType: 'anonymous_contact_statistics',
    });
    const out: StatisticsOrganisation[] = [];
    if (hasRole(p, ownStatisticsReaders)) {
      const own = await repo.findOrganisation(tx, p.orgId);
      if (own && (await repo.runsOpenCounselling(tx, own.id)))
        out.push({ id: own.id, name: own.name, relation: 'own' });
    }
    if (hasRole(p, partnerStatisticsReaders)) {
      const partners = await asSystem(tx, () => repo.partnersWithOpenCounselling(tx, p.orgId));
      out.push(...partners.map((o) => ({ id: o.id, name: o.name, relation: 'partner' as const })));
    }
    return out;
  });
}
