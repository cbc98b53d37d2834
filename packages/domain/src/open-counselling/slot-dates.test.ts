import { describe, expect, it } from 'vitest';
import { danishDaysOff } from '../time/working-days';
import { checkCounsellingSlot, isoWeekdayOf, nextSlotOccurrences, slotFallsOn } from './slot-dates';

const wednesday = {
  weekday: 3 as const,
  startTime: '15:00',
  endTime: '18:00',
  validFrom: '2025-01-01',
  validTo: null,
};

describe('the next days of a weekly slot', () => {
  it('knows the ISO weekday of a date', () => {
    expect(isoWeekdayOf('2026-11-23')).toBe(1); // a Monday
    expect(isoWeekdayOf('2026-11-29')).toBe(7);
  });

  it('lists the next Wednesdays in Danish time, winter and summer', () => {
    const next = nextSlotOccurrences(wednesday, new Date('2026-03-16T09:00:00Z'), 3, danishDaysOff);
    expect(next.map((o) => o.date)).toEqual(['2026-03-18', '2026-03-25', '2026-04-01']);
    // 15:00 Danish time is 14:00 UTC in winter, 13:00 UTC after the clocks go forward (29 March).
    expect(next[0]?.startsAt).toBe('2026-03-18T14:00:00.000Z');
    expect(next[2]?.startsAt).toBe('2026-04-01T13:00:00.000Z');
    expect(next[2]?.endsAt).toBe('2026-04-01T16:00:00.000Z');
  });

  it('includes today until the slot is over, then starts next week', () => {
    const during = nextSlotOccurrences(wednesday, new Date('2026-11-25T16:30:00Z'), 1, danishDaysOff);
    expect(during[0]?.date).toBe('2026-11-25'); // 17:30 in Copenhagen: still open
    const after = nextSlotOccurrences(wednesday, new Date('2026-11-25T17:00:00Z'), 1, danishDaysOff);
    expect(after[0]?.date).toBe('2026-12-02'); // 18:00: closed for today
  });

  it('marks a public holiday closed, with its name, and still counts it', () => {
    // 24 December 2025 (juleaftensdag) and 31 December 2025 are Wednesdays.
    const next = nextSlotOccurrences(wednesday, new Date('2025-12-20T10:00:00Z'), 3, danishDaysOff);
    expect(next.map((o) => [o.date, o.closed?.name ?? null])).toEqual([
      ['2025-12-24', 'Juleaftensdag'],
      ['2025-12-31', 'Nytårsaftensdag'],
      ['2026-01-07', null],
    ]);
    expect(next[0]?.closed?.reason).toBe('holiday');
    // Maundy Thursday 2026 is 2 April.
    const thursday = { ...wednesday, weekday: 4 as const };
    const easter = nextSlotOccurrences(thursday, new Date('2026-03-30T08:00:00Z'), 1, danishDaysOff);
    expect(easter[0]).toMatchObject({ date: '2026-04-02', closed: { reason: 'holiday' } });
  });

  it('starts on the first day and stops after the last', () => {
    const bounded = { ...wednesday, validFrom: '2026-12-01', validTo: '2026-12-20' };
    const next = nextSlotOccurrences(bounded, new Date('2026-11-01T10:00:00Z'), 5, danishDaysOff);
    expect(next.map((o) => o.date)).toEqual(['2026-12-02', '2026-12-09', '2026-12-16']);
    expect(nextSlotOccurrences(bounded, new Date('2026-12-21T10:00:00Z'), 5, danishDaysOff)).toEqual([]);
    expect(slotFallsOn(bounded, '2026-12-09')).toBe(true);
    expect(slotFallsOn(bounded, '2026-12-10')).toBe(false);
    expect(slotFallsOn(bounded, '2026-12-23')).toBe(false);
  });
});

describe('checking a slot before it is published', () => {
  const ok = {
    weekday: 3,
    startTime: '15:00',
    endTime: '18:00',
    validFrom: '2026-11-23',
    validTo: null,
    walkIn: true,
    street: 'Kirkegade 3',
    postcode: '9991',
    phone: null,
    chatUrl: null,
  };
  const codes = (over: Partial<typeof ok> | Record<string, unknown>) =>
    checkCounsellingSlot({ ...ok, ...over } as typeof ok, '2026-11-23').map((e) => `${e.path}:${e.code}`);

  it('accepts a Wednesday drop-in at an address, and a phone line without one', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ walkIn: false, street: null, postcode: null, phone: '+45 33 45 43 00' })).toEqual([]);
  });

  it('refuses times outside the day, a slot that ends before it starts, and no way in', () => {
    expect(codes({ startTime: '02:30' })).toEqual(['startTime:invalid_time']);
    expect(codes({ endTime: '14:00' })).toEqual(['endTime:ends_before_start']);
    expect(codes({ endTime: '25:00' })).toEqual(['endTime:invalid_time']);
    expect(codes({ weekday: 8 })).toEqual(['weekday:invalid_weekday']);
    expect(codes({ walkIn: false, street: null, postcode: null })).toEqual(['channels:no_channel']);
    expect(codes({ street: null })).toEqual(['street:address_missing']);
  });

  it('refuses a last day before the first, in the past, or a start more than a year ahead', () => {
    expect(codes({ validFrom: '2026-12-01', validTo: '2026-11-30' })).toEqual(['validTo:ends_before_start']);
    expect(codes({ validFrom: '2026-01-01', validTo: '2026-02-01' })).toEqual(['validTo:in_the_past']);
    expect(codes({ validFrom: '2028-01-01' })).toEqual(['validFrom:too_far_ahead']);
  });
});
