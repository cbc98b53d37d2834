import type { IndicatorCell } from '@familiespor/domain';
import { describe, expect, it } from 'vitest';
import { benchmarkFigures, ownFigures } from './benchmark-table';

const cell = (month: string, numerator: number, denominator: number): IndicatorCell => ({
  month,
  dimension: 'total',
  value: null,
  numerator,
  denominator,
  stock: 0,
  histogram: {},
});
const period = { from: '2026-01', to: '2026-02' };
const share = { unit: 'share', timing: 'during' } as const;

describe('benchmarkFigures', () => {
  it('has nothing to show when no other municipality shares', () => {
    expect(benchmarkFigures(share, [], period)).toEqual({
      rows: [],
      others: { numerator: null, denominator: null, result: null, suppressed: false },
    });
  });

  it('shows shares with counts of 5 and more as they are', () => {
    const t = benchmarkFigures(
      share,
      [
        { orgId: 'a', cells: [cell('2026-01', 5, 10), cell('2026-02', 5, 10)] },
        { orgId: 'b', cells: [cell('2026-01', 6, 12)] },
      ],
      period,
    );
    expect(t.rows).toEqual([
      { numerator: 10, denominator: 20, result: 0.5, suppressed: false },
      { numerator: 6, denominator: 12, result: 0.5, suppressed: false },
    ]);
    expect(t.others).toEqual({ numerator: 16, denominator: 32, result: 0.5, suppressed: false });
  });

  it('hides a small not-counted part too: 97 of 100 would give away the 3', () => {
    const t = benchmarkFigures(
      share,
      [
        { orgId: 'a', cells: [cell('2026-01', 97, 100)] },
        { orgId: 'b', cells: [cell('2026-01', 50, 80)] },
      ],
      period,
    );
    expect(t.rows[0]).toMatchObject({ numerator: null, denominator: 100, suppressed: true });
    // b's numerator goes too, or the others' total would give a's back.
    expect(t.rows[1]).toMatchObject({ numerator: null, denominator: 80 });
    expect(t.others).toMatchObject({ numerator: 147, denominator: 180 });
  });

  it('suppresses a mean by the number of persons behind it, with a complementary row', () => {
    const mean = { unit: 'mean', timing: 'during' } as const;
    const t = benchmarkFigures(
      mean,
      [
        { orgId: 'a', cells: [cell('2026-01', 30, 3)] },
        { orgId: 'b', cells: [cell('2026-01', 80, 10)] },
        { orgId: 'c', cells: [cell('2026-01', 160, 20)] },
      ],
      period,
    );
    expect(t.rows.map((r) => r.result)).toEqual([null, null, 8]);
    expect(t.others).toMatchObject({ numerator: 270, denominator: 33, suppressed: false });
  });
});

describe('ownFigures', () => {
  it('shows the viewer’s own small figures as they are', () => {
    expect(ownFigures(share, [cell('2026-01', 2, 3)], period)).toEqual({
      numerator: 2,
      denominator: 3,
      result: 2 / 3,
      suppressed: false,
    });
  });
});
