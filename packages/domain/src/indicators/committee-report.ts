import { cellOut, suppressSmallCells } from '../statistics/small-cell-suppression';
import { addMonths, copenhagenDate } from '../time/calendar';
import { type IndicatorId, indicatorCatalogue } from './indicator-catalogue';
import {
  checkIndicatorPeriod,
  type IndicatorCell,
  type IndicatorDimension,
  type IndicatorPeriod,
  type IndicatorUnit,
  summariseIndicator,
} from './indicator-model';

/**
 * The committee report ("Udvalgsrapport", issue #9): one page of key indicators for the
 * municipality's political committee, each compared with the same period a year before. It goes
 * into the public committee papers, so it leaves the organisation and every count below 5 is
 * hidden (DESIGN §5), with its complement where the rest of the line would give it back.
 */

/** Which way is good: more families reached is better, fewer readmissions is better. */
export type CommitteeBetter = 'higher' | 'lower';

export type CommitteeReportLine = {
  key: string;
  indicator: IndicatorId;
  /** One part of a breakdown; several values count as one (fathers and co-mothers as partners). */
  only: { breakdown: IndicatorDimension; values: readonly string[] } | null;
  better: CommitteeBetter;
};

const partners = ['father', 'co_parent'] as const;

/** The report's lines, in the order the page shows them: the course, health visiting, cooperation, outcomes. */
export const committeeReportLines = [
  { key: 'reach', indicator: 'reach', only: null, better: 'higher' },
  {
    key: 'attendance_mothers',
    indicator: 'attendance',
    only: { breakdown: 'parent_role', values: ['mother'] },
    better: 'higher',
  },
  {
    key: 'attendance_partners',
    indicator: 'attendance',
    only: { breakdown: 'parent_role', values: partners },
    better: 'higher',
  },
  { key: 'completion', indicator: 'completion', only: null, better: 'higher' },
  { key: 'early_visit', indicator: 'early_visit', only: null, better: 'higher' },
  { key: 'visit_timeliness', indicator: 'visit_timeliness', only: null, better: 'higher' },
  {
    key: 'epds_coverage_mothers',
    indicator: 'epds_coverage',
    only: { breakdown: 'parent_role', values: ['mother'] },
    better: 'higher',
  },
  {
    key: 'epds_coverage_partners',
    indicator: 'epds_coverage',
    only: { breakdown: 'parent_role', values: partners },
    better: 'higher',
  },
  { key: 'epds_follow_up', indicator: 'epds_follow_up', only: null, better: 'higher' },
  { key: 'referral_on_time', indicator: 'referral_on_time', only: null, better: 'higher' },
  { key: 'between_chairs', indicator: 'between_chairs', only: null, better: 'lower' },
  {
    key: 'counselling_no_special_support',
    indicator: 'counselling_no_special_support',
    only: null,
    better: 'higher',
  },
  { key: 'development_no_concern', indicator: 'development_no_concern', only: null, better: 'higher' },
  { key: 'readmissions', indicator: 'readmissions', only: null, better: 'lower' },
  { key: 'satisfaction', indicator: 'satisfaction', only: null, better: 'higher' },
] as const satisfies readonly CommitteeReportLine[];

export type CommitteeReportKey = (typeof committeeReportLines)[number]['key'];
export const committeeReportKeys = committeeReportLines.map((l) => l.key) as CommitteeReportKey[];

/** A report covers at most a year: compared with the year before, a longer period would overlap it. */
export const committeeReportMaxMonths = 12;

const monthOf = (date: string) => date.slice(0, 7);
const shiftMonth = (month: string, by: number) => monthOf(addMonths(`${month}-01`, by));

/** The last 12 whole months before today's month (Europe/Copenhagen). */
export function defaultCommitteePeriod(now: Date): IndicatorPeriod {
  const to = shiftMonth(monthOf(copenhagenDate(now)), -1);
  return { from: shiftMonth(to, -(committeeReportMaxMonths - 1)), to };
}

/** The same months a year before. */
export function previousYearPeriod(p: IndicatorPeriod): IndicatorPeriod {
  return { from: shiftMonth(p.from, -12), to: shiftMonth(p.to, -12) };
}

/** null when the period is usable; otherwise why not, for a 400. */
export function checkCommitteePeriod(
  p: IndicatorPeriod,
): 'bad_month' | 'end_before_start' | 'too_long' | null {
  const bad = checkIndicatorPeriod(p);
  if (bad) return bad;
  return shiftMonth(p.from, committeeReportMaxMonths) <= p.to ? 'too_long' : null;
}

/**
 * A figure as the report shows it. `result` null and `suppressed` false: nothing to show (no
 * births, never measured); `suppressed` true: hidden as "<5". A hidden part is null.
 */
export type CommitteeFigure = {
  numerator: number | null;
  denominator: number | null;
  result: number | null;
  suppressed: boolean;
};

const nothing: CommitteeFigure = { numerator: null, denominator: null, result: null, suppressed: false };
const hidden: CommitteeFigure = { numerator: null, denominator: null, result: null, suppressed: true };

/**
 * Suppresses one figure. A share is the line (counted, not counted) with the denominator as its
 * total, as in the benchmark: 97 of 100 screened hides the 97 too, or 100 − 97 would give back
 * the 3 not screened. A mean hides when fewer than 5 persons (answers) are behind it, a count
 * when it is below 5. Zeros stay visible.
 */
export function suppressFigure(
  unit: IndicatorUnit,
  p: { numerator: number; denominator: number | null; result: number | null },
): CommitteeFigure {
  if (unit === 'share') {
    const den = p.denominator ?? 0;
    if (den === 0) return { numerator: p.numerator, denominator: 0, result: null, suppressed: false };
    const t = suppressSmallCells({ cells: [[p.numerator, den - p.numerator]], rowTotals: [den] });
    const [counted, rest] = t.cells[0] ?? [];
    const total = t.rowTotals?.[0];
    const numerator = counted ? cellOut(counted) : null;
    const denominator = total ? cellOut(total) : null;
    const anyHidden = numerator === null || denominator === null || (rest ? cellOut(rest) === null : false);
    return {
      numerator,
      denominator,
      result: anyHidden ? null : p.result,
      suppressed: anyHidden,
    };
  }
  const persons = unit === 'mean' ? (p.denominator ?? 0) : p.numerator;
  if (persons > 0 && persons < 5) return hidden;
  return { numerator: p.numerator, denominator: p.denominator, result: p.result, suppressed: false };
}

export type CommitteeDirection = 'better' | 'worse' | 'unchanged';

/** The figure at the precision the page shows it: whole percentage points, one decimal, whole counts. */
function shownValue(unit: IndicatorUnit, result: number): number {
  if (unit === 'share') return Math.round(result * 100);
  if (unit === 'mean' || unit === 'median') return Math.round(result * 10) / 10;
  return Math.round(result);
}

/**
 * The change since the year before, at the precision shown (a share in percentage points), and
 * whether it is better. None when either year has no figure or a hidden one: a direction next to
 * "<5" would tell something about the hidden count.
 */
export function committeeChange(
  unit: IndicatorUnit,
  better: CommitteeBetter,
  current: CommitteeFigure,
  previous: CommitteeFigure,
): { change: number | null; direction: CommitteeDirection | null } {
  if (current.result === null || previous.result === null) return { change: null, direction: null };
  const change = Math.round((shownValue(unit, current.result) - shownValue(unit, previous.result)) * 10) / 10;
  if (change === 0) return { change: 0, direction: 'unchanged' };
  return { change, direction: change > 0 === (better === 'higher') ? 'better' : 'worse' };
}

export type CommitteeReportRow = {
  key: CommitteeReportKey;
  indicator: IndicatorId;
  unit: IndicatorUnit;
  better: CommitteeBetter;
  current: CommitteeFigure;
  previous: CommitteeFigure;
  change: number | null;
  direction: CommitteeDirection | null;
};

const joined = '+';

/** One period's figure of a line from its cells (the line's breakdown, or the totals). */
function figureOf(
  line: (typeof committeeReportLines)[number],
  cells: readonly IndicatorCell[],
  period: IndicatorPeriod,
): CommitteeFigure {
  const definition = indicatorCatalogue[line.indicator];
  const inPeriod = cells.filter((c) => c.month >= period.from && c.month <= period.to);
  // A state measured at the month's end that was never measured in the period has no figure, not zero.
  if (definition.timing === 'at_end' && inPeriod.length === 0) return nothing;
  const only = line.only;
  const chosen = only
    ? inPeriod
        .filter(
          (c) =>
            c.dimension === only.breakdown && (only.values as readonly (string | null)[]).includes(c.value),
        )
        .map((c) => ({ ...c, value: joined }))
    : inPeriod.filter((c) => c.dimension === 'total');
  const point = summariseIndicator(definition, chosen, {
    period,
    grain: 'period',
    ...(only ? { breakdown: only.breakdown, only: joined } : {}),
  })[0];
  if (!point) return nothing;
  return suppressFigure(definition.unit, point);
}

/**
 * One line of the report: its figure for the period and for the same period a year before, and
 * the change. `cells` are the organisation's cells of the line's indicator and breakdown (or
 * totals) covering both periods.
 */
export function committeeReportRow(
  line: (typeof committeeReportLines)[number],
  cells: readonly IndicatorCell[],
  period: IndicatorPeriod,
): CommitteeReportRow {
  const unit = indicatorCatalogue[line.indicator].unit;
  const current = figureOf(line, cells, period);
  const previous = figureOf(line, cells, previousYearPeriod(period));
  return {
    key: line.key,
    indicator: line.indicator,
    unit,
    better: line.better,
    current,
    previous,
    ...committeeChange(unit, line.better, current, previous),
  };
}
