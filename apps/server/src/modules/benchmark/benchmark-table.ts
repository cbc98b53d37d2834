import {
  cellOut,
  type IndicatorCell,
  type IndicatorDefinition,
  type IndicatorPeriod,
  summariseIndicator,
  suppressSmallCells,
} from '@familiespor/domain';

export type MemberFigures = { orgId: string; cells: readonly IndicatorCell[] };
type Shown = {
  numerator: number | null;
  denominator: number | null;
  result: number | null;
  suppressed: boolean;
};

const count = (n: number | null) => Math.max(0, Math.round(n ?? 0));

/** A municipality's own figures for the period, as they are: its own data, never suppressed for itself. */
export function ownFigures(
  definition: Pick<IndicatorDefinition<unknown>, 'unit' | 'timing'>,
  cells: readonly IndicatorCell[],
  period: IndicatorPeriod,
): Shown {
  const p = summariseIndicator(definition, cells, { period, grain: 'period' })[0];
  return {
    numerator: p?.numerator ?? 0,
    denominator: p?.denominator ?? null,
    result: p?.result ?? null,
    suppressed: false,
  };
}

/**
 * The other municipalities' figures for the period with small-cell suppression (DESIGN §5). A share is
 * the table municipality × (counted, not counted) with each municipality's denominator as the
 * row total and the network as the column totals, so a hidden numerator cannot be worked out
 * from its denominator, nor one municipality's from the network total. The other units suppress
 * the one count behind each figure (persons for a mean, the count itself otherwise) in a column
 * with the network total.
 */
export function benchmarkFigures(
  definition: Pick<IndicatorDefinition<unknown>, 'unit' | 'timing'>,
  members: readonly MemberFigures[],
  period: IndicatorPeriod,
): { rows: Shown[]; others: Shown } {
  const sum = (cells: readonly IndicatorCell[]) =>
    summariseIndicator(definition, cells, { period, grain: 'period' })[0] ?? {
      numerator: 0,
      denominator: null,
      result: null,
    };
  // Nobody else shares: nothing to compare, and no table to suppress.
  if (members.length === 0)
    return { rows: [], others: { numerator: null, denominator: null, result: null, suppressed: false } };
  const points = members.map((m) => sum(m.cells));
  const all = sum(members.flatMap((m) => m.cells));

  if (definition.unit === 'share') {
    const parts = points.map((p) => [count(p.numerator), count(p.denominator) - count(p.numerator)]);
    const t = suppressSmallCells({
      cells: parts,
      rowTotals: points.map((p) => count(p.denominator)),
      columnTotals: [parts.reduce((s, r) => s + (r[0] ?? 0), 0), parts.reduce((s, r) => s + (r[1] ?? 0), 0)],
      grandTotal: points.reduce((s, p) => s + count(p.denominator), 0),
    });
    const shown = (num: number | null, den: number | null): Shown => ({
      numerator: num,
      denominator: den,
      result: num !== null && den ? num / den : null,
      suppressed: num === null || den === null,
    });
    return {
      rows: points.map((_, i) => {
        const row = t.cells[i] ?? [];
        const total = t.rowTotals?.[i];
        return shown(row[0] ? cellOut(row[0]) : null, total ? cellOut(total) : null);
      }),
      others: shown(
        t.columnTotals?.[0] ? cellOut(t.columnTotals[0]) : null,
        t.grandTotal ? cellOut(t.grandTotal) : null,
      ),
    };
  }

  const base = (p: { numerator: number; denominator: number | null }) =>
    count(definition.unit === 'mean' ? p.denominator : p.numerator);
  const t = suppressSmallCells({
    cells: points.map((p) => [base(p)]),
    columnTotals: [points.reduce((s, p) => s + base(p), 0)],
  });
  const figure = (p: (typeof points)[number], hidden: boolean): Shown =>
    hidden
      ? { numerator: null, denominator: null, result: null, suppressed: true }
      : { numerator: p.numerator, denominator: p.denominator, result: p.result, suppressed: false };
  return {
    rows: points.map((p, i) => figure(p, t.cells[i]?.[0]?.suppressed != null)),
    others: figure(all, t.columnTotals?.[0]?.suppressed != null),
  };
}
