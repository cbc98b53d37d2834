import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { bucketLabel, monthBack, shortMonth } from './indicator-format';

// The quarter's words come from the text bundle; here a stand-in that shows what it was given.
const t = ((key: string, o: { year: string; quarter: string }) =>
  `${key}:${o.quarter}/${o.year}`) as unknown as TFunction;

describe('the dashboard names a bucket in the reader’s words', () => {
  it('a month short, a quarter through the texts, a year as it is, a whole period as two months', () => {
    expect(bucketLabel(t, 'da', '2026-03')).toBe(shortMonth('da', '2026-03'));
    expect(shortMonth('da', '2026-03')).toMatch(/^mar\.? 2026$/);
    expect(shortMonth('en', '2026-03')).toBe('Mar 2026');
    expect(bucketLabel(t, 'da', '2026-Q2')).toBe('dashboard.quarter:2/2026');
    expect(bucketLabel(t, 'da', '2026')).toBe('2026');
    expect(bucketLabel(t, 'en', '2025-11–2026-10')).toBe('Nov 2025–Oct 2026');
  });

  it('counts months back across a new year', () => {
    const jan = new Date(2026, 0, 15);
    expect(monthBack(jan, 0)).toBe('2026-01');
    expect(monthBack(jan, 1)).toBe('2025-12');
    expect(monthBack(jan, 12)).toBe('2025-01');
  });
});
