import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../api/api.types';
import { entryDay, groupTimeline, isEnrollmentKind, isKnownKind, numberParam, textParam } from './timeline';

const org = { id: '00000000-0000-4000-8000-000000000001', name: 'Demo Kommune' };
const entry = (id: string, over: Partial<TimelineEntry>): TimelineEntry => ({
  id,
  kind: 'due_date',
  date: null,
  window: null,
  organisation: org,
  category: 'pregnancy',
  status: 'upcoming',
  params: {},
  ...over,
});

describe('the red thread', () => {
  it('puts what is coming first, next first, and what has happened after it, latest first', () => {
    const { coming, past } = groupTimeline([
      entry('a', { date: '2026-08-17', status: 'done' }),
      entry('b', { date: '2027-03-15', status: 'upcoming' }),
      entry('c', { date: '2026-09-28', status: 'done' }),
      entry('d', { window: { start: '2026-12-01', end: '2026-12-14' }, status: 'due' }),
      entry('e', { date: '2026-11-01', status: 'overdue' }),
      entry('f', { date: '2026-10-01', status: 'cancelled' }),
    ]);
    expect(coming.map((e) => e.id)).toEqual(['e', 'd', 'b']);
    expect(past.map((e) => e.id)).toEqual(['f', 'c', 'a']);
  });

  it('places an entry on its date, or on the start of its window', () => {
    expect(entryDay({ date: '2026-01-02', window: null })).toBe('2026-01-02');
    expect(entryDay({ date: null, window: { start: '2026-02-01', end: '2026-02-10' } })).toBe('2026-02-01');
  });

  it('knows the kinds it has words for, and only those', () => {
    expect(isKnownKind('birth')).toBe(true);
    expect(isKnownKind('home_visit')).toBe(false);
    expect(isEnrollmentKind('enrollment_waitlisted')).toBe(true);
    expect(isEnrollmentKind('enrollment_paused')).toBe(false);
  });

  it('reads text parameters, treating missing, empty and numbers as absent', () => {
    const e = entry('x', { params: { childName: 'Lily', birthplace: null, week: 16, empty: ' ' } });
    expect(textParam(e, 'childName')).toBe('Lily');
    expect(textParam(e, 'birthplace')).toBeNull();
    expect(textParam(e, 'week')).toBeNull();
    expect(textParam(e, 'empty')).toBeNull();
    expect(textParam(e, 'nothing')).toBeNull();
    expect(numberParam(e, 'week')).toBe(16);
    expect(numberParam(e, 'childName')).toBeNull();
  });
});
