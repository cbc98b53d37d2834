import { describe, expect, it } from 'vitest';
import {
  bookingFieldOfPath,
  bookingFormDefaults,
  bookingOutsideWindow,
  bookingRequest,
  copenhagenClock,
  defaultBookingDate,
  normaliseTime,
} from './booking-form';

// Monday 23 November 2026.
const today = '2026-11-23';

describe('the date "Aftal tid" proposes', () => {
  it('is tomorrow when the window is open', () => {
    expect(defaultBookingDate({ start: '2026-11-20', end: '2026-12-04' }, today)).toBe('2026-11-24');
  });

  it('is the window’s first day when it opens later, moved past a weekend', () => {
    expect(defaultBookingDate({ start: '2026-12-01', end: '2026-12-31' }, today)).toBe('2026-12-01');
    // 5 December 2026 is a Saturday: Monday the 7th.
    expect(defaultBookingDate({ start: '2026-12-05', end: '2026-12-31' }, today)).toBe('2026-12-07');
  });

  it('keeps a weekend day when the window has no weekday left, and today when it ends today', () => {
    expect(defaultBookingDate({ start: '2026-11-28', end: '2026-11-29' }, today)).toBe('2026-11-28');
    expect(defaultBookingDate({ start: '2026-11-20', end: today }, today)).toBe(today);
  });

  it('is the next weekday when the window has passed (outside it; the form warns)', () => {
    // Friday 27 November: the next weekday after tomorrow (Saturday) is Monday 30 November.
    expect(defaultBookingDate({ start: '2026-11-10', end: '2026-11-20' }, '2026-11-27')).toBe('2026-11-30');
    expect(bookingOutsideWindow('2026-11-30', { start: '2026-11-10', end: '2026-11-20' })).toBe(true);
  });
});

describe('the booking form', () => {
  const window = { start: '2026-11-22', due: '2026-11-25', end: '2026-11-25' };

  it('starts at home at 10:00 on the proposed date, or from the booking it moves', () => {
    expect(bookingFormDefaults({ window, booking: null }, today)).toEqual({
      date: '2026-11-24',
      time: '10:00',
      place: 'home',
    });
    const booking = {
      at: '2026-11-25T12:30:00.000Z',
      place: 'clinic' as const,
      healthVisitor: { id: 'x', name: 'Mette' },
    };
    expect(bookingFormDefaults({ window, booking }, today)).toEqual({
      date: '2026-11-25',
      time: '13:30',
      place: 'clinic',
    });
  });

  it('warns when the date is outside the window, not on its first or last day', () => {
    expect(bookingOutsideWindow('2026-11-22', window)).toBe(false);
    expect(bookingOutsideWindow('2026-11-25', window)).toBe(false);
    expect(bookingOutsideWindow('2026-11-26', window)).toBe(true);
    expect(bookingOutsideWindow('2026-11-21', window)).toBe(true);
    expect(bookingOutsideWindow('', window)).toBe(false);
  });

  it('reads times as they are typed', () => {
    expect(normaliseTime('10:00')).toBe('10:00');
    expect(normaliseTime('9.30')).toBe('09:30');
    expect(normaliseTime('1330')).toBe('13:30');
    expect(normaliseTime('8')).toBe('08:00');
    expect(normaliseTime('24:00')).toBeNull();
    expect(normaliseTime('10:75')).toBeNull();
    expect(normaliseTime('morgen')).toBeNull();
  });

  it('sends the Danish date and time as an instant, in winter and in summer time', () => {
    expect(bookingRequest({ date: '2026-11-24', time: '10:00', place: 'home' })).toEqual({
      ok: true,
      body: { at: '2026-11-24T09:00:00.000Z', place: 'home' },
    });
    expect(bookingRequest({ date: '2026-06-02', time: '9.30', place: 'video' })).toEqual({
      ok: true,
      body: { at: '2026-06-02T07:30:00.000Z', place: 'video' },
    });
    expect(copenhagenClock('2026-06-02T07:30:00.000Z')).toBe('09:30');
  });

  it('names what is missing or wrong, and the hour the clocks skip', () => {
    expect(bookingRequest({ date: '', time: '', place: 'home' })).toEqual({
      ok: false,
      errors: [
        { field: 'date', code: 'required' },
        { field: 'time', code: 'required' },
      ],
    });
    expect(bookingRequest({ date: '2026-11-24', time: 'snart', place: 'home' })).toEqual({
      ok: false,
      errors: [{ field: 'time', code: 'invalid' }],
    });
    // Summer time begins at 02:00 on 29 March 2026: 02:30 does not exist.
    expect(bookingRequest({ date: '2026-03-29', time: '02:30', place: 'home' })).toEqual({
      ok: false,
      errors: [{ field: 'time', code: 'no_such_time' }],
    });
  });

  it('puts the server’s errors on the form’s fields', () => {
    expect(bookingFieldOfPath('at')).toBe('date');
    expect(bookingFieldOfPath('place')).toBe('place');
    expect(bookingFieldOfPath('healthVisitorId')).toBeNull();
  });
});
