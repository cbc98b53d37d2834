import { describe, expect, it } from 'vitest';
import {
  checkCommitteePeriod,
  committeeChange,
  committeeReportKeys,
  committeeReportLines,
  committeeReportRow,
  defaultCommitteePeriod,
  previousYearPeriod,
  suppressFigure,
} from './committee-report';
import { indicatorCatalogue } from './indicator-catalogue';
import type { IndicatorCell, IndicatorDimension } from './indicator-model';

const cell = (
  month: string,
  numerator: number,
  denominator: number,
  dimension: IndicatorDimension | 'total' = 'total',
  value: string | null = null,
): IndicatorCell => ({ month, dimension, value, numerator, denominator, stock: 0, histogram: {} });

const line = (key: string) => {
  const l = committeeReportLines.find((x) => x.key === key);
  if (!l) throw new Error(`no line ${key}`);
  return l;
};
const year2026 = { from: '2026-01', to: '2026-12' };

describe('the committee report: lines and periods', () => {
  it('holds a fixed, ordered list of catalogue indicators, each key once', () => {
    expect(committeeReportKeys).toEqual([
      'reach',
      'attendance_mothers',
      'attendance_partners',
      'completion',
      'early_visit',
      'visit_timeliness',
      'epds_coverage_mothers',
      'epds_coverage_partners',
      'epds_follow_up',
      'referral_on_time',
      'between_chairs',
      'counselling_no_special_support',
      'development_no_concern',
      'readmissions',
      'satisfaction',
    ]);
    for (const l of committeeReportLines) {
      const d = indicatorCatalogue[l.indicator];
      expect(d, l.key).toBeDefined();
      if (l.only) expect(d.dimensions as readonly string[]).toContain(l.only.breakdown);
    }
    expect(line('readmissions').better).toBe('lower');
    expect(line('between_chairs').better).toBe('lower');
  });

  it('defaults to the last 12 whole months in Copenhagen, compared with the year before', () => {
    // 23:30 UTC on 30 November is already 1 December in Copenhagen: November is then whole.
    expect(defaultCommitteePeriod(new Date('2026-11-30T23:30:00Z'))).toEqual({
      from: '2025-12',
      to: '2026-11',
    });
    expect(defaultCommitteePeriod(new Date('2026-01-15T12:00:00Z'))).toEqual({
      from: '2025-01',
      to: '2025-12',
    });
    expect(previousYearPeriod({ from: '2025-03', to: '2026-02' })).toEqual({
      from: '2024-03',
      to: '2025-02',
    });
  });

  it('accepts up to 12 months and refuses a bad month, an end before the start and more', () => {
    expect(checkCommitteePeriod({ from: '2026-01', to: '2026-12' })).toBeNull();
    expect(checkCommitteePeriod({ from: '2026-05', to: '2026-05' })).toBeNull();
    expect(checkCommitteePeriod({ from: '2026-13', to: '2026-12' })).toBe('bad_month');
    expect(checkCommitteePeriod({ from: '2026-05', to: '2026-04' })).toBe('end_before_start');
    expect(checkCommitteePeriod({ from: '2025-12', to: '2026-12' })).toBe('too_long');
  });
});

describe('the committee report: small-cell suppression', () => {
  it('a share: shown when both parts and the total are 5 or more', () => {
    expect(suppressFigure('share', { numerator: 40, denominator: 50, result: 0.8 })).toEqual({
      numerator: 40,
      denominator: 50,
      result: 0.8,
      suppressed: false,
    });
  });

  it('a share with a small numerator: "<5" and the share hidden, the denominator shown', () => {
    expect(suppressFigure('share', { numerator: 3, denominator: 60, result: 0.05 })).toEqual({
      numerator: null,
      denominator: 60,
      result: null,
      suppressed: true,
    });
  });

  it('a share whose rest is small hides the numerator too, or 100 − 97 gives the 3 back', () => {
    expect(suppressFigure('share', { numerator: 97, denominator: 100, result: 0.97 })).toEqual({
      numerator: null,
      denominator: 100,
      result: null,
      suppressed: true,
    });
  });

  it('a share of a small denominator hides it; zeros stay visible; nothing to divide by is not hidden', () => {
    expect(suppressFigure('share', { numerator: 2, denominator: 4, result: 0.5 })).toMatchObject({
      numerator: null,
      denominator: null,
      result: null,
      suppressed: true,
    });
    expect(suppressFigure('share', { numerator: 0, denominator: 20, result: 0 })).toEqual({
      numerator: 0,
      denominator: 20,
      result: 0,
      suppressed: false,
    });
    expect(suppressFigure('share', { numerator: 0, denominator: 0, result: null })).toEqual({
      numerator: 0,
      denominator: 0,
      result: null,
      suppressed: false,
    });
  });

  it('a mean hides when fewer than 5 persons are behind it; a count when it is below 5', () => {
    expect(suppressFigure('mean', { numerator: 30, denominator: 4, result: 7.5 }).suppressed).toBe(true);
    expect(suppressFigure('mean', { numerator: 40, denominator: 5, result: 8 })).toMatchObject({
      result: 8,
      suppressed: false,
    });
    expect(suppressFigure('count', { numerator: 4, denominator: null, result: 4 })).toMatchObject({
      result: null,
      suppressed: true,
    });
    expect(suppressFigure('count', { numerator: 0, denominator: null, result: 0 })).toMatchObject({
      result: 0,
      suppressed: false,
    });
  });
});

describe('the committee report: the change since the year before', () => {
  const f = (result: number | null, suppressed = false) => ({
    numerator: null,
    denominator: null,
    result,
    suppressed,
  });

  it('higher is better for reach, lower for readmissions, in whole percentage points', () => {
    expect(committeeChange('share', 'higher', f(0.8), f(0.72))).toEqual({ change: 8, direction: 'better' });
    expect(committeeChange('share', 'lower', f(0.04), f(0.06))).toEqual({ change: -2, direction: 'better' });
    expect(committeeChange('share', 'lower', f(0.06), f(0.04))).toEqual({ change: 2, direction: 'worse' });
  });

  it('unchanged when the figures look the same as shown (81,4 % and 80,6 % are both 81 %)', () => {
    expect(committeeChange('share', 'higher', f(0.814), f(0.806))).toEqual({
      change: 0,
      direction: 'unchanged',
    });
    expect(committeeChange('mean', 'higher', f(8.42), f(8.38))).toEqual({
      change: 0,
      direction: 'unchanged',
    });
    expect(committeeChange('mean', 'higher', f(8.4), f(7.9))).toEqual({ change: 0.5, direction: 'better' });
  });

  it('no direction next to a hidden figure or where a year has none', () => {
    expect(committeeChange('share', 'higher', f(null, true), f(0.5))).toEqual({
      change: null,
      direction: null,
    });
    expect(committeeChange('share', 'higher', f(0.5), f(null))).toEqual({ change: null, direction: null });
  });
});

describe('the committee report: rows from monthly cells (known answers)', () => {
  it('reach: 40 of 50 this year against 30 of 50 the year before is 20 points better', () => {
    const cells = [
      cell('2026-03', 25, 30),
      cell('2026-09', 15, 20),
      cell('2025-06', 30, 50),
      cell('2024-12', 9, 9),
    ];
    expect(committeeReportRow(line('reach'), cells, year2026)).toEqual({
      key: 'reach',
      indicator: 'reach',
      unit: 'share',
      better: 'higher',
      current: { numerator: 40, denominator: 50, result: 0.8, suppressed: false },
      previous: { numerator: 30, denominator: 50, result: 0.6, suppressed: false },
      change: 20,
      direction: 'better',
    });
  });

  it('attendance of partners adds fathers and co-mothers together; mothers stand alone', () => {
    const cells = [
      cell('2026-04', 40, 5, 'parent_role', 'mother'),
      cell('2026-04', 24, 3, 'parent_role', 'father'),
      cell('2026-05', 16, 2, 'parent_role', 'co_parent'),
      cell('2026-04', 80, 10, 'total'),
    ];
    const partners = committeeReportRow(line('attendance_partners'), cells, year2026);
    expect(partners.current).toEqual({ numerator: 40, denominator: 5, result: 8, suppressed: false });
    expect(partners.previous).toEqual({ numerator: 0, denominator: 0, result: null, suppressed: false });
    expect(partners.direction).toBeNull();
    const mothers = committeeReportRow(line('attendance_mothers'), cells, year2026);
    expect(mothers.current.result).toBe(8);
  });

  it('readmissions: 3 of 200 is "<5" with the share hidden and no direction', () => {
    const cells = [cell('2026-02', 3, 200), cell('2025-02', 12, 190)];
    const r = committeeReportRow(line('readmissions'), cells, year2026);
    expect(r.current).toEqual({ numerator: null, denominator: 200, result: null, suppressed: true });
    expect(r.previous).toMatchObject({ numerator: 12, denominator: 190, suppressed: false });
    expect(r).toMatchObject({ change: null, direction: null });
  });

  it('between chairs is measured at the end: the last measured month, none when never measured', () => {
    const cells = [cell('2026-10', 9, 0), cell('2026-11', 7, 0)];
    const r = committeeReportRow(line('between_chairs'), cells, year2026);
    expect(r.current).toEqual({ numerator: 7, denominator: null, result: 7, suppressed: false });
    expect(r.previous).toEqual({ numerator: null, denominator: null, result: null, suppressed: false });
    expect(r.direction).toBeNull();
    const both = committeeReportRow(line('between_chairs'), [...cells, cell('2025-12', 12, 0)], year2026);
    expect(both).toMatchObject({ change: -5, direction: 'better' });
  });
});
