import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, copenhagenDate, daysBetween, monthsBetween } from '../time/calendar';
import { checkBirth, checkDueDate, dateAtWeek, gestationalAge, pregnancyStart } from './pregnancy';
import { childAge, familyStage, kindergartenStart } from './stage';

const dates = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar in Europe/Copenhagen', () => {
  it('gives the Danish date of an instant', () => {
    expect(copenhagenDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01'); // 00:30 summer time
    expect(copenhagenDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31'); // 23:59 winter time
  });
  it('adds days across DST changes without drifting', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: -2000, max: 2000 }).map((n) => n || 0),
        (d, n) => {
          expect(daysBetween(d, addDays(d, n))).toBe(n);
        },
      ),
    );
  });
  it('adds months clamped to the month’s end, and counts whole months back', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(monthsBetween('2026-01-15', '2026-03-14')).toBe(1);
    expect(monthsBetween('2026-01-15', '2026-03-15')).toBe(2);
    fc.assert(
      fc.property(
        dates,
        fc.integer({ min: 0, max: 60 }).map((n) => n || 0),
        (d, n) => {
          expect(monthsBetween(d, addMonths(d, n))).toBe(n);
        },
      ),
    );
  });
});

describe('pregnancy', () => {
  it('counts gestational age from the due date (280 days)', () => {
    expect(gestationalAge('2027-03-01', '2027-03-01')).toEqual({ weeks: 40, days: 0, totalDays: 280 });
    expect(gestationalAge('2027-03-01', pregnancyStart('2027-03-01'))).toEqual({
      weeks: 0,
      days: 0,
      totalDays: 0,
    });
    expect(gestationalAge('2027-03-01', addDays(dateAtWeek('2027-03-01', 24), 3))).toMatchObject({
      weeks: 24,
      days: 3,
    });
  });
  it('refuses a due date in the past or more than 44 weeks ahead', () => {
    expect(checkDueDate('2026-11-22', '2026-11-23')).toBe('due_date_past');
    expect(checkDueDate(addDays('2026-11-23', 44 * 7), '2026-11-23')).toBeNull();
    expect(checkDueDate(addDays('2026-11-23', 44 * 7 + 1), '2026-11-23')).toBe('due_date_too_far');
  });
  it('refuses a birth before the pregnancy began, in the future, or discharged before birth', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const t = (iso: string) => new Date(iso);
    expect(checkBirth('2026-12-01', '2026-02-20', '2026-11-23', t('2026-02-20T10:00:00Z'), null, now)).toBe(
      'birth_before_pregnancy',
    );
    expect(checkBirth('2026-12-01', '2026-11-24', '2026-11-23', t('2026-11-24T10:00:00Z'), null, now)).toBe(
      'birth_in_future',
    );
    expect(
      checkBirth(
        '2026-12-01',
        '2026-11-20',
        '2026-11-23',
        t('2026-11-20T10:00:00Z'),
        t('2026-11-20T09:00:00Z'),
        now,
      ),
    ).toBe('discharge_before_birth');
    expect(
      checkBirth(
        '2026-12-01',
        '2026-11-20',
        '2026-11-23',
        t('2026-11-20T10:00:00Z'),
        t('2026-11-21T09:00:00Z'),
        now,
      ),
    ).toBeNull();
  });
});

describe('the family’s stage', () => {
  it('is the pregnancy week while pregnant', () => {
    const due = addDays('2026-11-23', 16 * 7);
    expect(familyStage({ activeDueDate: due, childBirthDates: [] }, '2026-11-23')).toMatchObject({
      kind: 'pregnancy',
      key: 'pregnancy_middle',
      week: 24,
    });
  });
  it('follows the youngest child until kindergarten at 2 years 10 months', () => {
    const stage = (birth: string, today: string) =>
      familyStage({ activeDueDate: null, childBirthDates: [birth] }, today).kind === 'child'
        ? (familyStage({ activeDueDate: null, childBirthDates: [birth] }, today) as { key: string }).key
        : 'none';
    expect(stage('2026-11-20', '2026-11-23')).toBe('newborn');
    expect(stage('2026-10-01', '2026-11-23')).toBe('infant_0_2m');
    expect(stage('2026-01-01', '2026-11-23')).toBe('infant_6_12m');
    expect(stage('2024-01-23', '2026-11-23')).toBe('kindergarten');
    expect(kindergartenStart('2024-01-23')).toBe('2026-11-23');
    expect(childAge('2026-10-23', '2026-11-23')).toEqual({ days: 31, weeks: 4, months: 1 });
  });
  it('is none with no pregnancy and no child', () => {
    expect(familyStage({ activeDueDate: null, childBirthDates: [] }, '2026-11-23')).toEqual({ kind: 'none' });
  });
});

describe('Danish wall-clock times', () => {
  it('converts local birth times to instants in winter and summer', async () => {
    const { copenhagenLocalToInstant } = await import('../time/calendar');
    expect(copenhagenLocalToInstant('2026-11-20 14:32')?.toISOString()).toBe('2026-11-20T13:32:00.000Z');
    expect(copenhagenLocalToInstant('2026-07-01T00:30')?.toISOString()).toBe('2026-06-30T22:30:00.000Z');
    expect(copenhagenLocalToInstant('2026-03-29 02:30')).toBeNull(); // skipped hour
    expect(copenhagenLocalToInstant('2026-10-25 02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(copenhagenLocalToInstant('2026-02-30 10:00')).toBeNull();
    expect(copenhagenLocalToInstant('yesterday')).toBeNull();
  });
});
