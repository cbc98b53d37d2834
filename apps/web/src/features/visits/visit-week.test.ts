import { describe, expect, it } from 'vitest';
import type { CalendarVisit } from '../../api/api.types';
import { weekDays, weekNumber, weekOfSearch } from './visit-week';

const days = [
  '2026-11-23',
  '2026-11-24',
  '2026-11-25',
  '2026-11-26',
  '2026-11-27',
  '2026-11-28',
  '2026-11-29',
];
const visit = (id: string, at: string | null): CalendarVisit => ({
  visitId: id,
  name: 'Etableringsbesøg',
  kind: 'statutory',
  window: { start: '2026-11-22', due: '2026-11-25', end: '2026-11-25' },
  child: { personId: 'c', givenName: 'Alma' },
  family: { id: 'f', names: ['Rikke', 'Thomas'] },
  booking: at ? { at, place: 'home', healthVisitor: { id: 'h', name: 'Mette' } } : null,
  bookingOutsideWindow: false,
});

describe('the week of visits', () => {
  it('shows Monday to Friday, each with its visits by time', () => {
    const week = weekDays(days, [
      visit('b', '2026-11-24T12:00:00.000Z'),
      visit('a', '2026-11-24T08:30:00.000Z'),
      visit('c', '2026-11-26T09:00:00.000Z'),
    ]);
    expect(week.map((d) => d.date)).toEqual(days.slice(0, 5));
    expect(week[1]?.visits.map((v) => v.visitId)).toEqual(['a', 'b']);
    expect(week[3]?.visits.map((v) => v.visitId)).toEqual(['c']);
    expect(week[0]?.visits).toEqual([]);
  });

  it('shows Saturday or Sunday only when a visit is booked on it, by its day in Copenhagen', () => {
    // 23:30 UTC on Saturday is 00:30 on Sunday in Copenhagen.
    const week = weekDays(days, [visit('s', '2026-11-28T23:30:00.000Z')]);
    expect(week.map((d) => d.date)).toEqual([...days.slice(0, 5), '2026-11-29']);
    expect(week.at(-1)).toMatchObject({ weekend: true, visits: [{ visitId: 's' }] });
  });

  it('reads the week from the address, and its number', () => {
    expect(weekOfSearch('?uge=2026-W49')).toBe('2026-W49');
    expect(weekOfSearch('uge=2026-W60')).toBeUndefined();
    expect(weekOfSearch('')).toBeUndefined();
    expect(weekNumber('2026-W09')).toBe(9);
  });
});
