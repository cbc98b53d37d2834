import { describe, expect, it } from 'vitest';
import { copenhagenDate } from '../time/calendar';
import { isOutsideWindow } from './visit-booking';

const window = { start: '2026-11-20', end: '2026-12-04' };

describe('a booking and the visit window', () => {
  it('is inside on the window’s first and last day, outside the day before and after', () => {
    expect(isOutsideWindow('2026-11-20', window)).toBe(false);
    expect(isOutsideWindow('2026-12-04', window)).toBe(false);
    expect(isOutsideWindow('2026-11-19', window)).toBe(true);
    expect(isOutsideWindow('2026-12-05', window)).toBe(true);
  });

  it('judges a time by its Danish day: 00:30 on 5 December is outside, though still 4 December in UTC', () => {
    const at = new Date('2026-12-04T23:30:00.000Z');
    expect(copenhagenDate(at)).toBe('2026-12-05');
    expect(isOutsideWindow(copenhagenDate(at), window)).toBe(true);
  });
});
