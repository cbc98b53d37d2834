import { describe, expect, it } from 'vitest';
import { referralAckDeadline } from './referral-deadline';

/** 10:00 Danish time on a date (CET or CEST: the hour keeps the Danish date whatever the offset). */
const at = (date: string) => new Date(`${date}T08:00:00Z`);

describe('referral acknowledgement deadline (Danish working days)', () => {
  it('is 5 working days by default: a Monday referral is due the Monday after', () => {
    expect(referralAckDeadline(at('2026-11-23'), null)).toEqual({ workingDays: 5, dueOn: '2026-11-30' });
  });

  it('skips Easter: Maundy Thursday, Good Friday and Easter Monday are not working days', () => {
    // Wednesday 1 April 2026: 2, 3 and 6 April are holidays; 7, 8, 9, 10 and 13 April count.
    expect(referralAckDeadline(at('2026-04-01'), null).dueOn).toBe('2026-04-13');
  });

  it('skips Christmas and New Year: juleaften, the Christmas days, nytårsaften and New Year’s Day', () => {
    // Wednesday 23 December 2026: 28, 29, 30 December, 4 and 5 January count.
    expect(referralAckDeadline(at('2026-12-23'), null).dueOn).toBe('2027-01-05');
  });

  it('skips Grundlovsdag (5 June)', () => {
    // Thursday 4 June 2026: Friday 5 June is Grundlovsdag; 8–12 June count.
    expect(referralAckDeadline(at('2026-06-04'), null).dueOn).toBe('2026-06-12');
    expect(referralAckDeadline(at('2026-06-04'), 1).dueOn).toBe('2026-06-08');
  });

  it('uses the partnership’s number of working days when it sets one', () => {
    expect(referralAckDeadline(at('2026-11-23'), 2)).toEqual({ workingDays: 2, dueOn: '2026-11-25' });
    expect(referralAckDeadline(at('2026-11-23'), 10).dueOn).toBe('2026-12-07');
  });

  it('counts from the Danish date: half past midnight in Copenhagen is already the next day', () => {
    // 23:30 UTC on Monday 23 November is 00:30 on Tuesday 24 November in Copenhagen.
    expect(referralAckDeadline(new Date('2026-11-23T23:30:00Z'), null).dueOn).toBe('2026-12-01');
  });
});
