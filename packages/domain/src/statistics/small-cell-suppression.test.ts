import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellOut,
  type SuppressedCell,
  suppressDistribution,
  suppressSmallCells,
} from './small-cell-suppression';

const shown = (cells: SuppressedCell[]) => cells.map(cellOut);

describe('small-cell suppression', () => {
  it('hides counts 1–4 and shows zeros and counts of 5 or more', () => {
    const t = suppressSmallCells({ cells: [[0, 1, 4, 5, 12]] });
    expect(shown(t.cells[0] as SuppressedCell[])).toEqual([0, null, null, 5, 12]);
    expect(t.cells[0]?.map((c) => c.suppressed)).toEqual([null, 'small', 'small', null, null]);
  });

  it('hides the next-smallest cell when a total would give the one small count away', () => {
    // 3 + 7 + 20 = 30: with "<5", 7, 20 and 30 shown, 30 − 7 − 20 = 3.
    const d = suppressDistribution([3, 7, 20], 30);
    expect(d.cells.map((c) => c.suppressed)).toEqual(['small', 'complementary', null]);
    expect(shown(d.cells)).toEqual([null, null, 20]);
    expect(cellOut(d.total)).toBe(30);
  });

  it('needs nothing more when two cells of the line are hidden already, or no total is shown', () => {
    expect(suppressDistribution([3, 2, 20], 25).cells.map((c) => c.suppressed)).toEqual([
      'small',
      'small',
      null,
    ]);
    expect(suppressSmallCells({ cells: [[3, 7, 20]] }).cells[0]?.map((c) => c.suppressed)).toEqual([
      'small',
      null,
      null,
    ]);
  });

  it('never picks a zero as the partner: it hides the total instead', () => {
    // 2 + 0 + 0 = 7 is impossible, so take a total that is not the plain sum (a month's contacts).
    const u = suppressSmallCells({ cells: [[2, 0, 0]], rowTotals: [7] });
    expect(u.cells[0]?.map((c) => c.suppressed)).toEqual(['small', null, null]);
    expect(u.rowTotals?.[0]?.suppressed).toBe('complementary');
    // A total that is small itself is hidden as such, and then protects nothing.
    const d = suppressDistribution([3, 0, 0], 3);
    expect(shown(d.cells)).toEqual([null, 0, 0]);
    expect(d.total.suppressed).toBe('small');
  });

  it('follows a hidden cell into its column, and the margins into the grand total', () => {
    // Month × topic with totals both ways.
    const t = suppressSmallCells({
      cells: [
        [2, 10, 8],
        [9, 6, 11],
        [7, 12, 5],
      ],
      rowTotals: [20, 26, 24],
      columnTotals: [18, 28, 24],
      grandTotal: 70,
    });
    const hidden = t.cells.map((r) => r.map((c) => c.suppressed !== null));
    // Row 0: 2 small → 8 hidden with it. Column 0: 2 hidden → 7 hidden (the smaller of 9 and 7).
    // Column 2: 8 hidden → 5 hidden. Row 2: 7 and 5 hidden — two, done.
    expect(hidden).toEqual([
      [true, false, true],
      [false, false, false],
      [true, false, true],
    ]);
    for (const row of t.cells) expect(row.filter((c) => c.suppressed).length).not.toBe(1);
  });

  it('leaves no line that shows its total with exactly one hidden part', () => {
    const table = fc.integer({ min: 1, max: 5 }).chain((rows) =>
      fc.integer({ min: 1, max: 6 }).chain((cols) =>
        fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: cols, maxLength: cols }), {
          minLength: rows,
          maxLength: rows,
        }),
      ),
    );
    fc.assert(
      fc.property(table, (cells) => {
        const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
        const columnTotals = (cells[0] ?? []).map((_, c) => cells.reduce((a, r) => a + (r[c] ?? 0), 0));
        const grandTotal = rowTotals.reduce((a, b) => a + b, 0);
        const t = suppressSmallCells({ cells, rowTotals, columnTotals, grandTotal });
        const lines: { parts: SuppressedCell[]; total: SuppressedCell | null }[] = [
          ...t.cells.map((r, i) => ({ parts: r, total: t.rowTotals?.[i] ?? null })),
          ...(t.cells[0] ?? []).map((_, c) => ({
            parts: t.cells.map((r) => r[c] as SuppressedCell),
            total: t.columnTotals?.[c] ?? null,
          })),
          { parts: t.rowTotals ?? [], total: t.grandTotal },
          { parts: t.columnTotals ?? [], total: t.grandTotal },
        ];
        for (const line of lines) {
          if (line.total && !line.total.suppressed)
            expect(line.parts.filter((c) => c.suppressed).length).not.toBe(1);
        }
        // Every small count is hidden, every zero shown, and a hidden cell's count stays on the server.
        for (const row of t.cells)
          for (const c of row) {
            if (c.count > 0 && c.count < 5) expect(cellOut(c)).toBeNull();
            if (c.count === 0) expect(cellOut(c)).toBe(0);
          }
      }),
    );
  });

  it('refuses a negative or fractional count and a ragged table', () => {
    expect(() => suppressSmallCells({ cells: [[-1]] })).toThrow(RangeError);
    expect(() => suppressSmallCells({ cells: [[1.5]] })).toThrow(RangeError);
    expect(() => suppressSmallCells({ cells: [[1, 2], [3]] })).toThrow(RangeError);
    expect(() => suppressSmallCells({ cells: [[1, 2]], rowTotals: [3, 4] })).toThrow(RangeError);
  });
});
