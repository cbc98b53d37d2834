import { describe, expect, it } from 'vitest';
import { assessmentDeadline, concernDeadlines, receiptDeadline } from './concern-deadlines';

const at = (iso: string) => new Date(iso);

describe('the assessment deadline: 24 hours on the clock (Barnets lov § 133 stk. 3)', () => {
  it('runs through a weekend: Friday 15:00 → Saturday 15:00, not the next working day', () => {
    // Friday 2026-11-27 15:00 Danish time (UTC+1).
    expect(assessmentDeadline(at('2026-11-27T14:00:00Z')).toISOString()).toBe('2026-11-28T14:00:00.000Z');
    // Saturday 23:30 → Sunday 23:30.
    expect(assessmentDeadline(at('2026-11-28T22:30:00Z')).toISOString()).toBe('2026-11-29T22:30:00.000Z');
  });

  it('runs through a holiday (Christmas Eve → Christmas Day) and counts real hours across summer time', () => {
    expect(assessmentDeadline(at('2026-12-24T09:00:00Z')).toISOString()).toBe('2026-12-25T09:00:00.000Z');
    // The night clocks go forward (29 March 2026): 24 real hours, 10:00 → 11:00 on the wall clock.
    expect(assessmentDeadline(at('2026-03-28T09:00:00Z')).toISOString()).toBe('2026-03-29T09:00:00.000Z');
  });

  it('is overdue one millisecond after, and done late when recorded after it', () => {
    const received = at('2026-11-27T14:00:00Z');
    const none = { assessedAt: null, receiptSentAt: null };
    expect(concernDeadlines(received, at('2026-11-28T14:00:00Z'), none).assessment.state).toBe('open');
    const late = concernDeadlines(received, at('2026-11-28T14:00:00.001Z'), none);
    expect(late.assessment.state).toBe('overdue');
    expect(late.overdue).toBe(true);
    expect(
      concernDeadlines(received, at('2026-11-30T08:00:00Z'), {
        assessedAt: at('2026-11-28T13:59:00Z'),
        receiptSentAt: null,
      }).assessment.state,
    ).toBe('done');
    expect(
      concernDeadlines(received, at('2026-11-30T08:00:00Z'), {
        assessedAt: at('2026-11-29T08:00:00Z'),
        receiptSentAt: null,
      }).assessment.state,
    ).toBe('done_late');
  });
});

describe('the receipt deadline: 6 working days (Barnets lov § 133 stk. 4)', () => {
  it('counts from the day after receipt on an ordinary week: Friday → the Monday week after', () => {
    expect(receiptDeadline(at('2026-11-20T10:00:00Z'))).toBe('2026-11-30');
  });

  it('skips Easter: received the Wednesday before (2025), due the Tuesday after Easter week', () => {
    // Maundy Thursday 17, Good Friday 18, Easter Monday 21 April 2025 are days off.
    expect(receiptDeadline(at('2025-04-16T10:00:00Z'))).toBe('2025-04-29');
    // Received on Good Friday itself: the count starts on the Tuesday after Easter.
    expect(receiptDeadline(at('2025-04-18T10:00:00Z'))).toBe('2025-04-29');
  });

  it('skips Christmas: juleaften, both Christmas days, nytårsaften and New Year’s Day', () => {
    // Monday 22 December 2025 → Tuesday 6 January 2026.
    expect(receiptDeadline(at('2025-12-22T10:00:00Z'))).toBe('2026-01-06');
    expect(receiptDeadline(at('2026-12-23T10:00:00Z'))).toBe('2027-01-06');
  });

  it('skips Grundlovsdag (5 June) and Whit Monday', () => {
    // 2025: Grundlovsdag Thursday 5 June, Whit Monday 9 June.
    expect(receiptDeadline(at('2025-06-03T10:00:00Z'))).toBe('2025-06-13');
    // 2026: Grundlovsdag is a Friday.
    expect(receiptDeadline(at('2026-06-02T10:00:00Z'))).toBe('2026-06-11');
  });

  it('takes the Danish date of receipt: 00:30 Danish summer time is already the next day', () => {
    // 2025-06-03 22:30 UTC = Wednesday 4 June 00:30 in Copenhagen.
    expect(receiptDeadline(at('2025-06-03T22:30:00Z'))).toBe('2025-06-16');
  });

  it('is overdue the day after the deadline date, and a receipt sent on the deadline date is on time', () => {
    const received = at('2025-12-22T10:00:00Z');
    const none = { assessedAt: at('2025-12-22T12:00:00Z'), receiptSentAt: null };
    expect(concernDeadlines(received, at('2026-01-06T22:00:00Z'), none).receipt.state).toBe('open');
    const late = concernDeadlines(received, at('2026-01-06T23:30:00Z'), none); // 7 January in Denmark
    expect(late.receipt).toEqual({ dueOn: '2026-01-06', state: 'overdue' });
    expect(late.overdue).toBe(true);
    const sent = (iso: string) =>
      concernDeadlines(received, at('2026-02-01T10:00:00Z'), { ...none, receiptSentAt: at(iso) }).receipt
        .state;
    expect(sent('2026-01-06T15:00:00Z')).toBe('done');
    expect(sent('2026-01-07T08:00:00Z')).toBe('done_late');
  });
});
