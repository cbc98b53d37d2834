import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, copenhagenDate } from './calendar';
import {
  formatIsoWeek,
  isoWeekOf,
  isoWeekRange,
  isoWeeksInYear,
  parseIsoWeek,
  shiftIsoWeek,
} from './iso-week';

const hours = (r: { from: Date; to: Date }) => (r.to.getTime() - r.from.getTime()) / 3_600_000;

describe('ISO weeks in Copenhagen', () => {
  it('gives week 48 of 2026 as Monday 23 to Sunday 29 November, from local midnight to midnight', () => {
    expect(isoWeekRange('2026-W48')).toEqual({
      week: '2026-W48',
      days: [
        '2026-11-23',
        '2026-11-24',
        '2026-11-25',
        '2026-11-26',
        '2026-11-27',
        '2026-11-28',
        '2026-11-29',
      ],
      from: new Date('2026-11-22T23:00:00.000Z'),
      to: new Date('2026-11-29T23:00:00.000Z'),
    });
    expect(isoWeekOf('2026-11-23')).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf('2026-11-29')).toEqual({ year: 2026, week: 48 });
    expect(isoWeekOf('2026-11-30')).toEqual({ year: 2026, week: 49 });
  });

  it('knows the years with a week 53: 1 January a Thursday, or a Wednesday in a leap year', () => {
    expect(isoWeeksInYear(2026)).toBe(53); // 1 Jan 2026 is a Thursday
    expect(isoWeeksInYear(2020)).toBe(53); // leap year, 1 Jan a Wednesday
    expect(isoWeeksInYear(2027)).toBe(52);
    expect(isoWeeksInYear(2024)).toBe(52); // leap year, 1 Jan a Monday
    expect(isoWeekRange('2026-W53')?.days).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(isoWeekRange('2027-W53')).toBeNull();
    expect(isoWeekRange('2020-W53')?.days[0]).toBe('2020-12-28');
  });

  it('puts the days around New Year in the week of their Thursday', () => {
    expect(formatIsoWeek(isoWeekOf('2027-01-01'))).toBe('2026-W53');
    expect(formatIsoWeek(isoWeekOf('2027-01-03'))).toBe('2026-W53');
    expect(formatIsoWeek(isoWeekOf('2027-01-04'))).toBe('2027-W01');
    expect(formatIsoWeek(isoWeekOf('2024-12-30'))).toBe('2025-W01'); // a Monday of next year's week 1
    expect(formatIsoWeek(isoWeekOf('2021-01-03'))).toBe('2020-W53');
    expect(isoWeekRange('2025-W01')?.days[0]).toBe('2024-12-30');
  });

  it('moves between weeks across the year end', () => {
    expect(formatIsoWeek(shiftIsoWeek({ year: 2026, week: 53 }, 1))).toBe('2027-W01');
    expect(formatIsoWeek(shiftIsoWeek({ year: 2027, week: 1 }, -1))).toBe('2026-W53');
    expect(formatIsoWeek(shiftIsoWeek({ year: 2027, week: 52 }, 1))).toBe('2028-W01');
    expect(formatIsoWeek(shiftIsoWeek({ year: 2026, week: 48 }, 0))).toBe('2026-W48');
  });

  it('makes the week of summer time 167 hours and the week of winter time 169', () => {
    // Summer time begins on Sunday 29 March 2026, winter time on Sunday 25 October 2026.
    const spring = isoWeekRange('2026-W13');
    expect(spring?.from).toEqual(new Date('2026-03-22T23:00:00.000Z'));
    expect(spring?.to).toEqual(new Date('2026-03-29T22:00:00.000Z'));
    expect(spring && hours(spring)).toBe(167);
    const autumn = isoWeekRange('2026-W43');
    expect(autumn?.from).toEqual(new Date('2026-10-18T22:00:00.000Z'));
    expect(autumn?.to).toEqual(new Date('2026-10-25T23:00:00.000Z'));
    expect(autumn && hours(autumn)).toBe(169);
    expect(hours(isoWeekRange('2026-W48') as { from: Date; to: Date })).toBe(168);
  });

  it('refuses text that is not a week', () => {
    for (const text of [
      '2026-W60',
      '2026-W00',
      '2026-W54',
      '2026-W5',
      '2026W48',
      ' 2026-W48',
      '2026-w48',
      '',
    ])
      expect(parseIsoWeek(text), text).toBeNull();
    expect(parseIsoWeek('2026-W01')).toEqual({ year: 2026, week: 1 });
    expect(isoWeekRange({ year: 2027, week: 53 })).toBeNull();
  });

  it('every date lies in its own week, whose instants hold the date’s Copenhagen day', () => {
    const day = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addDays('2000-01-01', n));
    fc.assert(
      fc.property(day, (date) => {
        const range = isoWeekRange(isoWeekOf(date));
        if (!range) return false;
        const i = range.days.indexOf(date);
        const noonUtc = new Date(`${date}T12:00:00Z`);
        return (
          i >= 0 &&
          i === (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7 &&
          copenhagenDate(range.from) === range.days[0] &&
          range.from <= noonUtc &&
          noonUtc < range.to &&
          formatIsoWeek(shiftIsoWeek(shiftIsoWeek(isoWeekOf(date), 1), -1)) === range.week
        );
      }),
    );
  });
});
