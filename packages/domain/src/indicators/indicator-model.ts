/**
 * How an indicator is defined and computed (DESIGN §1 outcomes row, issue step 8).
 *
 * An indicator turns facts (one row per pregnancy, enrolled parent, visit, screening, …) into
 * contributions dated to a day; contributions are summed into monthly cells per breakdown value,
 * which is what the pre-aggregate table stores; a period and a grain then sum months into the
 * figures a dashboard shows. The same definition computes both: the nightly refresh at national
 * size and the hand-built examples in the unit tests.
 */

export const indicatorDimensions = [
  'district',
  'offer',
  'parent_role',
  'care_level',
  'language',
  'visit_type',
  'topic',
  'question',
] as const;
export type IndicatorDimension = (typeof indicatorDimensions)[number];

/**
 * share: numerator ÷ denominator, shown as a percentage. mean: the same division, shown as a
 * number (sessions per parent). count: the numerator. median: of the contributed values.
 * stock_flow: open at the period's start plus opened during it — families counselled in a year
 * is not the sum of the months' families.
 */
export type IndicatorUnit = 'share' | 'mean' | 'count' | 'median' | 'stock_flow';

/**
 * during: every month of the period counts. at_end: a state measured once a month (families
 * between chairs); a period shows its last measured month, since adding up months would count
 * the same family once a month.
 */
export type IndicatorTiming = 'during' | 'at_end';

export type Contribution = {
  /** The day the fact counts on (YYYY-MM-DD, Europe/Copenhagen). */
  date: string;
  /** A list counts once in each of its values and once in the total (a contact with two topics). */
  dims: Partial<Record<IndicatorDimension, string | readonly string[]>>;
  numerator?: number;
  denominator?: number;
  /** median: one observed value (days to acceptance). */
  value?: number;
  /** stock_flow: open on the first day of this month, not opened in it. */
  stock?: boolean;
};

export type IndicatorDefinition<F> = {
  id: string;
  unit: IndicatorUnit;
  timing: IndicatorTiming;
  /** The breakdowns this indicator can be cut by; 'total' is always there. */
  dimensions: readonly IndicatorDimension[];
  /** In words, for docs/indicators.md and the dashboard's "Sådan er tallet opgjort". */
  words: { numerator: string; denominator: string | null; dated: string };
  contributions(fact: F): Contribution[];
};

export function defineIndicator<F>(definition: IndicatorDefinition<F>): IndicatorDefinition<F> {
  return definition;
}

/** One pre-aggregated cell: an indicator's month for one breakdown value ('total': all of them). */
export type IndicatorCell = {
  month: string; // YYYY-MM
  dimension: IndicatorDimension | 'total';
  value: string | null; // the breakdown value; null for 'total'
  numerator: number;
  denominator: number;
  /** stock_flow: the opening stock of the month (numerator holds the flow). */
  stock: number;
  /** median: how many times each value was observed. */
  histogram: Record<string, number>;
};

const monthOf = (date: string) => date.slice(0, 7);

/** Facts → monthly cells, for the total and for every breakdown the indicator has. */
export function aggregateIndicator<F>(
  definition: IndicatorDefinition<F>,
  facts: Iterable<F>,
): IndicatorCell[] {
  const cells = new Map<string, IndicatorCell>();
  const add = (c: Contribution, dimension: IndicatorDimension | 'total', value: string | null) => {
    const month = monthOf(c.date);
    const key = `${month}|${dimension}|${value ?? ''}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { month, dimension, value, numerator: 0, denominator: 0, stock: 0, histogram: {} };
      cells.set(key, cell);
    }
    if (c.stock) cell.stock += c.numerator ?? 1;
    else cell.numerator += c.numerator ?? 0;
    cell.denominator += c.denominator ?? 0;
    if (c.value !== undefined) {
      const k = String(c.value);
      cell.histogram[k] = (cell.histogram[k] ?? 0) + 1;
    }
  };
  for (const fact of facts) {
    for (const c of definition.contributions(fact)) {
      add(c, 'total', null);
      for (const d of definition.dimensions) {
        const v = c.dims[d];
        if (typeof v === 'string') add(c, d, v);
        else if (v) for (const each of new Set(v)) add(c, d, each);
      }
    }
  }
  return [...cells.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      a.dimension.localeCompare(b.dimension) ||
      (a.value ?? '').localeCompare(b.value ?? ''),
  );
}

export type IndicatorGrain = 'month' | 'quarter' | 'year' | 'period';
export type IndicatorPeriod = { from: string; to: string }; // YYYY-MM, both included

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** null when the period is usable; otherwise why not, for a 400. */
export function checkIndicatorPeriod(
  p: IndicatorPeriod,
): 'bad_month' | 'end_before_start' | 'too_long' | null {
  if (!monthPattern.test(p.from) || !monthPattern.test(p.to)) return 'bad_month';
  if (p.to < p.from) return 'end_before_start';
  if (monthIndex(p.to) - monthIndex(p.from) >= 120) return 'too_long';
  return null;
}

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthAt = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

export function monthsOf(p: IndicatorPeriod): string[] {
  const out: string[] = [];
  for (let i = monthIndex(p.from); i <= monthIndex(p.to); i++) out.push(monthAt(i));
  return out;
}

function bucketOf(month: string, grain: IndicatorGrain, p: IndicatorPeriod): string {
  if (grain === 'month') return month;
  if (grain === 'year') return month.slice(0, 4);
  if (grain === 'quarter')
    return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
  return `${p.from}–${p.to}`;
}

export type IndicatorPoint = {
  /** '2026-03', '2026-Q1', '2026', or the whole period '2026-01–2026-12'. */
  bucket: string;
  value: string | null; // the breakdown value; null for the total
  numerator: number;
  denominator: number | null;
  /** The figure shown: a share 0–1, a mean, a median, or a count; null when nothing to divide by. */
  result: number | null;
};

/**
 * Monthly cells → the figures of a period at a grain, for the total or one breakdown. `only`
 * keeps one breakdown value ("fathers"). Months without cells count as zero.
 */
export function summariseIndicator(
  definition: Pick<IndicatorDefinition<unknown>, 'unit' | 'timing'>,
  cells: readonly IndicatorCell[],
  options: {
    period: IndicatorPeriod;
    grain: IndicatorGrain;
    breakdown?: IndicatorDimension | 'total';
    only?: string;
  },
): IndicatorPoint[] {
  const breakdown = options.breakdown ?? 'total';
  const months = monthsOf(options.period);
  const inPeriod = new Set(months);
  const buckets = new Map<string, string[]>();
  for (const m of months) {
    const b = bucketOf(m, options.grain, options.period);
    buckets.set(b, [...(buckets.get(b) ?? []), m]);
  }
  const chosen = cells.filter(
    (c) =>
      c.dimension === breakdown &&
      inPeriod.has(c.month) &&
      (options.only === undefined || c.value === options.only),
  );
  const values = [...new Set(chosen.map((c) => c.value))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  if (values.length === 0) values.push(breakdown === 'total' ? null : (options.only ?? null));

  const points: IndicatorPoint[] = [];
  for (const [bucket, bucketMonths] of buckets) {
    for (const value of values) {
      const mine = chosen.filter((c) => c.value === value && bucketMonths.includes(c.month));
      points.push(
        pointOf(
          definition.unit,
          bucket,
          value,
          atEnd(definition.timing, mine, chosen, bucketMonths),
          bucketMonths,
        ),
      );
    }
  }
  return points;
}

/** at_end: only the bucket's last month that was measured at all (for any breakdown value). */
function atEnd(
  timing: IndicatorTiming,
  mine: readonly IndicatorCell[],
  all: readonly IndicatorCell[],
  months: readonly string[],
): readonly IndicatorCell[] {
  if (timing === 'during') return mine;
  const last = [...months].reverse().find((m) => all.some((c) => c.month === m));
  return mine.filter((c) => c.month === last);
}

function pointOf(
  unit: IndicatorUnit,
  bucket: string,
  value: string | null,
  cells: readonly IndicatorCell[],
  months: readonly string[],
): IndicatorPoint {
  const sum = (f: (c: IndicatorCell) => number, cs = cells) => cs.reduce((s, c) => s + f(c), 0);
  const numerator = sum((c) => c.numerator);
  const denominator = sum((c) => c.denominator);
  switch (unit) {
    case 'share':
    case 'mean':
      return {
        bucket,
        value,
        numerator,
        denominator,
        result: denominator > 0 ? numerator / denominator : null,
      };
    case 'count':
      return { bucket, value, numerator, denominator: null, result: numerator };
    case 'stock_flow': {
      const opening = sum(
        (c) => c.stock,
        cells.filter((c) => c.month === months[0]),
      );
      const total = opening + numerator;
      return { bucket, value, numerator: total, denominator: null, result: total };
    }
    case 'median': {
      const histogram = new Map<number, number>();
      for (const c of cells) {
        for (const [k, n] of Object.entries(c.histogram))
          histogram.set(Number(k), (histogram.get(Number(k)) ?? 0) + n);
      }
      const count = [...histogram.values()].reduce((s, n) => s + n, 0);
      return { bucket, value, numerator: count, denominator: null, result: medianOf(histogram, count) };
    }
  }
}

/** The median of a histogram of observed values (the mean of the middle two for an even count). */
export function medianOf(histogram: ReadonlyMap<number, number>, count: number): number | null {
  if (count === 0) return null;
  const sorted = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const at = (position: number) => {
    let seen = 0;
    for (const [v, n] of sorted) {
      seen += n;
      if (position < seen) return v;
    }
    return sorted[sorted.length - 1]?.[0] ?? 0;
  };
  return count % 2 === 1 ? at((count - 1) / 2) : (at(count / 2 - 1) + at(count / 2)) / 2;
}
