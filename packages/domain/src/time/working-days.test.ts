import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar';
import {
  addWorkingDays,
  danishDaysOff,
  isWorkingDay,
  workingDayDeadline,
  workingDaysBetween,
} from './working-days';

describe('Danish working days', () => {
  it('skips the Easter days: Maundy Thursday, Good Friday and Easter Monday', () => {
    // Easter 2026: Thursday 2 April – Monday 6 April.
    expect(addWorkingDays('2026-04-01', 1)).toBe('2026-04-07');
    expect(['2026-04-02', '2026-04-03', '2026-04-06'].map(isWorkingDay)).toEqual([false, false, false]);
    // Easter 2027 falls in March.
    expect(addWorkingDays('2027-03-24', 1)).toBe('2027-03-30');
  });

  it('skips Christmas Eve, Christmas, Boxing Day, New Year’s Eve and New Year’s Day', () => {
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-30', 1)).toBe('2027-01-04');
    // Concern reports received just before Christmas: their 6-working-day receipt deadlines.
    expect(addWorkingDays('2026-12-18', 6)).toBe('2026-12-30');
    expect(addWorkingDays('2026-12-23', 6)).toBe('2027-01-06');
  });

  it('skips Constitution Day (5 June), a day off in public administration', () => {
    expect(isWorkingDay('2026-06-05')).toBe(false);
    expect(addWorkingDays('2026-06-04', 1)).toBe('2026-06-08');
    expect(danishDaysOff(2026).get('2026-06-05')).toBe('Grundlovsdag');
  });

  it('knows Store Bededag was a holiday until 2023 and a working day from 2024', () => {
    expect(isWorkingDay('2023-05-05')).toBe(false);
    expect(isWorkingDay('2024-04-26')).toBe(true);
  });

  it('counts from the day after: 6 working days from a Friday end the Monday week after', () => {
    expect(addWorkingDays('2026-11-20', 6)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-20', 5)).toBe('2026-11-27');
    expect(addWorkingDays('2026-11-21', 0)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  it('takes the Danish date of an instant: 23:30 UTC on 31 March 2026 is 1 April in Denmark', () => {
    expect(workingDayDeadline(new Date('2026-03-31T23:30:00Z'), 1)).toBe('2026-04-07');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-11-23', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
  });

  it('always lands on a working day, and the days between are exactly n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 365 }), fc.integer({ min: 1, max: 30 }), (offset, n) => {
        const from = addDays('2025-01-01', offset);
        const to = addWorkingDays(from, n);
        return isWorkingDay(to) && workingDaysBetween(from, to) === n;
      }),
    );
  });
});
