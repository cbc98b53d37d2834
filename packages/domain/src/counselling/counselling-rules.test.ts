import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../time/calendar';
import {
  type CaseForFigures,
  checkCaseDay,
  checkClosing,
  counsellingYearFigures,
  goalProgress,
  median,
} from './counselling-rules';

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([300, 10, 120])).toBe(120);
    expect(median([10, 20, 30, 41])).toBe(25);
  });

  it('lies between the smallest and the largest value, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1 }), (xs) => {
        const m = median(xs) as number;
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
        expect(median([...xs].reverse())).toBe(m);
      }),
    );
  });
});

describe('goal progress', () => {
  it('compares the first score with the latest, by day and then by the moment it was recorded', () => {
    expect(goalProgress([])).toEqual({ first: null, latest: null, change: null, scored: 0 });
    expect(goalProgress([{ score: 3, scoredOn: '2026-02-01', scoredAt: '2026-02-01T09:00:00Z' }])).toEqual({
      first: 3,
      latest: 3,
      change: null,
      scored: 1,
    });
    expect(
      goalProgress([
        { score: 8, scoredOn: '2026-05-01', scoredAt: '2026-05-01T09:00:00Z' },
        { score: 2, scoredOn: '2026-01-10', scoredAt: '2026-05-02T09:00:00Z' }, // recorded late
        { score: 6, scoredOn: '2026-05-01', scoredAt: '2026-05-01T08:00:00Z' },
      ]),
    ).toEqual({ first: 2, latest: 8, change: 6, scored: 3 });
  });
});

describe('days in a case', () => {
  it('refuses a day before the case was opened, one in the future and one not in the calendar', () => {
    expect(checkCaseDay('contactOn', '2026-03-01', '2026-03-01', '2026-03-05')).toEqual([]);
    expect(checkCaseDay('contactOn', '2026-02-28', '2026-03-01', '2026-03-05')[0]?.code).toBe(
      'before_opened',
    );
    expect(checkCaseDay('contactOn', '2026-03-06', '2026-03-01', '2026-03-05')[0]?.code).toBe('in_future');
    expect(checkCaseDay('contactOn', '2026-02-30', '2026-01-01', '2026-03-05')[0]?.code).toBe('invalid_date');
  });

  it('wants a note when the outcome is "other"', () => {
    const ok = { closedOn: '2026-03-05', outcome: 'other' as const, note: 'Familien fik hjælp i Tyrkiet' };
    expect(checkClosing(ok, '2026-01-01', '2026-03-05')).toEqual([]);
    expect(checkClosing({ ...ok, note: '  ' }, '2026-01-01', '2026-03-05')).toEqual([
      { path: 'note', code: 'required', message: 'Say what the outcome was' },
    ]);
    expect(checkClosing({ ...ok, outcome: 'moved', note: null }, '2026-01-01', '2026-03-05')).toEqual([]);
  });
});

describe('a year of counselling', () => {
  const c = (
    familyId: string,
    openedOn: string,
    closedOn: string | null,
    outcome: CaseForFigures['outcome'] = null,
  ): CaseForFigures => ({ familyId, openedOn, closedOn, outcome });

  it('counts the families with a case open at any time in the year, the closings and their outcomes', () => {
    const cases = [
      c('a', '2016-09-01', '2017-02-01', 'no_special_support'), // opened the year before
      c('b', '2017-03-01', '2017-09-28', 'no_special_support'),
      c('c', '2017-05-01', null), // still open
      c('d', '2017-06-01', '2018-01-10', 'moved'), // closed the year after
      c('e', '2015-01-01', '2016-12-31', 'moved'), // closed before the year
      c('f', '2018-01-02', null), // opened after it
      c('b', '2017-10-01', '2017-12-31', 'ended_by_family'), // the same family again
    ];
    const f = counsellingYearFigures(2017, cases, '2026-01-05');
    expect(f).toMatchObject({
      year: 2017,
      familiesCounselled: 4,
      casesOpened: 4,
      casesClosed: 3,
      openAtEnd: 2,
      noSpecialSupport: { count: 2, shareOfClosed: 2 / 3, shareOfFamilies: 2 / 4 },
      // 153, 211 and 91 days
      medianDurationDays: 153,
    });
    expect(f.outcomes).toEqual({
      no_special_support: 2,
      municipal_measure: 0,
      moved: 0,
      ended_by_family: 1,
      other: 0,
    });
  });

  it('reads Vollsmose 2017 back: 58 families counselled, 23 of them closed as no longer needing special support', () => {
    const cases: CaseForFigures[] = [];
    for (let i = 0; i < 58; i++) {
      const opened = addDays('2016-06-01', i * 9);
      cases.push(
        c(
          `family-${i}`,
          opened,
          i < 23 ? addDays('2017-01-15', i * 10) : null,
          i < 23 ? 'no_special_support' : null,
        ),
      );
    }
    const f = counsellingYearFigures(2017, cases, '2018-03-01');
    expect(f.familiesCounselled).toBe(58);
    expect(f.noSpecialSupport.count).toBe(23);
    expect(f.noSpecialSupport.shareOfFamilies).toBeCloseTo(23 / 58);
  });

  it('counts the current year up to today', () => {
    const f = counsellingYearFigures(
      2026,
      [c('a', '2026-01-05', null), c('b', '2026-12-01', null)],
      '2026-03-01',
    );
    expect(f.openAtEnd).toBe(1);
    expect(f.noSpecialSupport.shareOfClosed).toBeNull();
    expect(f.medianDurationDays).toBeNull();
  });
});
