/**
 * Small-cell suppression (DESIGN §5): a count below 5 in a report that leaves the owning
 * organisation is not shown — a "2" in "abortion considerations, March" at a small drop-in can
 * point at a person. Hiding the small count is not enough where the table shows a total: with
 * every other cell of the row shown, total minus the rest gives it back. So when a row or column
 * that shows a total has exactly one hidden part, the next-smallest part is hidden too
 * (complementary suppression), and the rule runs again until nothing changes, since a hidden cell
 * can leave its column with one hidden part in turn.
 *
 * Zeros stay visible (nobody is behind a zero). A zero is never chosen as the complementary cell:
 * a reader who knows the rule would see that the pair sums to less than 5 and that the partner
 * must be the zero. When a line has no other non-zero part to hide, its total is hidden instead.
 *
 * Known limit: with two or more hidden cells in a line, a determined reader solving the whole
 * table as equations can sometimes still narrow a cell down; the reports here are small
 * (topics × months), and the rule the design asks for is the one implemented.
 */

export const smallCellThreshold = 5;

/** Why a cell is hidden. Never leaves the server: telling the two apart would leak (see cellOut). */
export type Suppression = 'small' | 'complementary';
export type SuppressedCell = { count: number; suppressed: Suppression | null };

export type CountTable = {
  /** cells[row][column] */
  cells: readonly (readonly number[])[];
  /**
   * The totals the report shows. Each is treated as the sum of its line, even where it is not
   * quite (a contact with two topics counts once in the month's total): a reader may assume it.
   */
  rowTotals?: readonly number[];
  columnTotals?: readonly number[];
  grandTotal?: number;
};

export type SuppressedTable = {
  cells: SuppressedCell[][];
  rowTotals: SuppressedCell[] | null;
  columnTotals: SuppressedCell[] | null;
  grandTotal: SuppressedCell | null;
};

const isSmall = (n: number, threshold: number) => n > 0 && n < threshold;

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count is a whole number ≥ 0: ${n}`);
}

function mark(n: number, threshold: number): SuppressedCell {
  assertCount(n);
  return { count: n, suppressed: isSmall(n, threshold) ? 'small' : null };
}

/** One line of the table: its parts and the total it shows (if any). */
type Line = { parts: SuppressedCell[]; total: SuppressedCell | null };

/** Hides one more part of a line that shows a total and has exactly one hidden part. */
function protect(line: Line): boolean {
  if (!line.total || line.total.suppressed) return false;
  const hidden = line.parts.filter((c) => c.suppressed).length;
  if (hidden !== 1) return false;
  let pick: SuppressedCell | null = null;
  for (const c of line.parts) {
    if (!c.suppressed && c.count > 0 && (!pick || c.count < pick.count)) pick = c;
  }
  if (pick) pick.suppressed = 'complementary';
  else line.total.suppressed = 'complementary';
  return true;
}

/** Suppresses a table of counts with its margins; see the file's comment for the rules. */
export function suppressSmallCells(table: CountTable, threshold = smallCellThreshold): SuppressedTable {
  const rowCount = table.cells.length;
  const columnCount = table.cells[0]?.length ?? 0;
  if (table.cells.some((r) => r.length !== columnCount)) throw new RangeError('rows of unequal length');
  if (table.rowTotals && table.rowTotals.length !== rowCount) throw new RangeError('a total per row');
  if (table.columnTotals && table.columnTotals.length !== columnCount)
    throw new RangeError('a total per column');

  const cells = table.cells.map((r) => r.map((n) => mark(n, threshold)));
  const rowTotals = table.rowTotals ? table.rowTotals.map((n) => mark(n, threshold)) : null;
  const columnTotals = table.columnTotals ? table.columnTotals.map((n) => mark(n, threshold)) : null;
  const grandTotal = table.grandTotal === undefined ? null : mark(table.grandTotal, threshold);

  const lines: Line[] = [];
  for (let r = 0; r < rowCount; r++)
    lines.push({ parts: cells[r] as SuppressedCell[], total: rowTotals?.[r] ?? null });
  for (let c = 0; c < columnCount; c++)
    lines.push({ parts: cells.map((row) => row[c] as SuppressedCell), total: columnTotals?.[c] ?? null });
  // The margins are lines too: the row totals add up to the grand total, as do the column totals.
  if (rowTotals) lines.push({ parts: rowTotals, total: grandTotal });
  if (columnTotals) lines.push({ parts: columnTotals, total: grandTotal });

  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) if (protect(line)) changed = true;
  }
  return { cells, rowTotals, columnTotals, grandTotal };
}

/** A one-line distribution (by channel, by who) with its total. */
export function suppressDistribution(
  counts: readonly number[],
  total: number,
  threshold = smallCellThreshold,
) {
  const t = suppressSmallCells({ cells: [counts], rowTotals: [total] }, threshold);
  return {
    cells: t.cells[0] as SuppressedCell[],
    total: (t.rowTotals as SuppressedCell[])[0] as SuppressedCell,
  };
}

/**
 * What a report shows of a cell: its count, or null when hidden — the same null whether the
 * count was small or hidden to protect another, so the reader cannot tell which is which.
 */
export function cellOut(c: SuppressedCell): number | null {
  return c.suppressed ? null : c.count;
}
