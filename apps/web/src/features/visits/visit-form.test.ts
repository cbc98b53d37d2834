import { describe, expect, it } from 'vitest';
import { emptyVisitForm, parseNumber, visitFieldOfPath, visitRequest, visitStanding } from './visit-form';

const today = '2026-11-23';

describe('the visit form', () => {
  it('reads Danish numbers', () => {
    expect(parseNumber('3.250', true)).toBe(3250);
    expect(parseNumber(' 4250 ', true)).toBe(4250);
    expect(parseNumber('52,5', false)).toBe(52.5);
    expect(parseNumber('', false)).toBeNull();
    expect(parseNumber('ca. 50', false)).toBe('invalid');
    expect(parseNumber('3,2', true)).toBe('invalid');
  });

  it('maps a done visit to the request body', () => {
    const r = visitRequest({
      ...emptyVisitForm(today),
      place: 'home',
      weightG: '5.100',
      lengthCm: '58,5',
      topics: ['feeding', 'sleep'],
      otherTopics: 'Søskende, D-vitamin',
      development: 'concern',
      developmentNote: ' Følger ikke med øjnene ',
      pkuDone: true,
      notes: '  ',
    });
    expect(r).toEqual({
      ok: true,
      body: {
        outcome: 'done',
        doneOn: today,
        place: 'home',
        weightG: 5100,
        lengthCm: 58.5,
        headCm: null,
        topics: ['feeding', 'sleep', 'Søskende', 'D-vitamin'],
        development: { status: 'concern', note: 'Følger ikke med øjnene' },
        pkuDone: true,
        hearingDone: false,
        notes: null,
      },
    });
  });

  it('asks for the place, a note on a concern and real numbers', () => {
    const r = visitRequest({ ...emptyVisitForm(today), weightG: 'tung', development: 'concern' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        { field: 'place', code: 'required' },
        { field: 'weightG', code: 'not_a_number' },
        { field: 'developmentNote', code: 'required' },
      ]);
  });

  it('reschedules a missed visit to a new window, or leaves it missed', () => {
    const missed = { ...emptyVisitForm(today), outcome: 'missed' as const, reason: 'Syg' };
    expect(visitRequest({ ...missed, rescheduleStart: '2026-11-30', rescheduleEnd: '2026-12-04' })).toEqual({
      ok: true,
      body: { outcome: 'missed', reason: 'Syg', rescheduleTo: { start: '2026-11-30', end: '2026-12-04' } },
    });
    expect(visitRequest({ ...missed, reschedule: false })).toEqual({
      ok: true,
      body: { outcome: 'missed', reason: 'Syg' },
    });
    const bad = visitRequest({ ...missed, rescheduleStart: '2026-12-04', rescheduleEnd: '2026-11-30' });
    expect(bad.ok || bad.errors).toEqual([{ field: 'rescheduleEnd', code: 'window_order' }]);
  });

  it('needs a reason to cancel', () => {
    const r = visitRequest({ ...emptyVisitForm(today), outcome: 'cancelled' });
    expect(r.ok || r.errors).toEqual([{ field: 'reason', code: 'required' }]);
  });

  it('puts the server errors on the fields', () => {
    expect(visitFieldOfPath('weightG')).toBe('weightG');
    expect(visitFieldOfPath('rescheduleTo.start')).toBe('rescheduleStart');
    expect(visitFieldOfPath('topics.3')).toBe('otherTopics');
    expect(visitFieldOfPath('outcome')).toBeNull();
  });

  it('marks a planned visit past its window as overdue', () => {
    const w = (start: string, end: string) => ({ start, due: end, end });
    expect(visitStanding({ status: 'planned', window: w('2026-10-01', '2026-11-22') }, today)).toBe(
      'overdue',
    );
    expect(visitStanding({ status: 'planned', window: w('2026-11-20', '2026-11-23') }, today)).toBe('due');
    expect(visitStanding({ status: 'planned', window: w('2026-11-24', '2026-12-01') }, today)).toBe(
      'upcoming',
    );
    expect(visitStanding({ status: 'done', window: w('2026-10-01', '2026-10-05') }, today)).toBe('done');
  });

  it('marks a planned visit with a time from today on as booked; a booked day passed counts by its window', () => {
    const window = { start: '2026-11-20', due: '2026-11-25', end: '2026-11-25' };
    const booking = (at: string) => ({
      at,
      place: 'home' as const,
      healthVisitor: { id: 'h', name: 'Mette' },
    });
    expect(visitStanding({ status: 'planned', window, booking: booking(`${today}T15:00:00Z`) }, today)).toBe(
      'booked',
    );
    // Outside the window (after its end) but still ahead: booked.
    expect(
      visitStanding({ status: 'planned', window, booking: booking('2026-12-01T09:00:00Z') }, '2026-11-27'),
    ).toBe('booked');
    expect(
      visitStanding({ status: 'planned', window, booking: booking('2026-11-21T09:00:00Z') }, today),
    ).toBe('due');
    expect(visitStanding({ status: 'done', window, booking: booking(`${today}T15:00:00Z`) }, today)).toBe(
      'done',
    );
  });
});
