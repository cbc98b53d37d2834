import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lockedUntil, loginFailureLimit, normaliseEmail, sessionState } from './session-policy';

const t0 = new Date('2026-11-23T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('session state', () => {
  it('is active within 30 idle minutes and 12 hours', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(100), endedAt: null }, at(129))).toBe('active');
  });
  it('expires after 30 idle minutes', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(10), endedAt: null }, at(40))).toBe('idle_expired');
  });
  it('expires 12 hours after login however recent the activity', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(719), endedAt: null }, at(720))).toBe(
      'absolute_expired',
    );
  });
  it('is ended after logout', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0, endedAt: at(1) }, at(2))).toBe('ended');
  });
});

describe('lockout', () => {
  it('locks for 15 minutes from the tenth failure within 15 minutes', () => {
    const failures = Array.from({ length: 10 }, (_, i) => at(i));
    expect(lockedUntil(failures, at(9))).toEqual(at(24));
    expect(lockedUntil(failures, at(24))).toBeNull();
  });
  it('does not lock on nine failures', () => {
    expect(
      lockedUntil(
        Array.from({ length: 9 }, (_, i) => at(i)),
        at(9),
      ),
    ).toBeNull();
  });
  it('does not lock when ten failures span more than 15 minutes', () => {
    expect(
      lockedUntil(
        Array.from({ length: 10 }, (_, i) => at(i * 2)),
        at(18),
      ),
    ).toBeNull();
  });
  it('is independent of the order the failures are given in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 90 }),
        (mins, now) => {
          const dates = mins.map(at);
          const reversed = [...dates].reverse();
          expect(lockedUntil(dates, at(now))).toEqual(lockedUntil(reversed, at(now)));
        },
      ),
    );
  });
  it('never locks with fewer failures than the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: loginFailureLimit - 1 }), (mins) => {
        expect(lockedUntil(mins.map(at), at(0))).toBeNull();
      }),
    );
  });
});

it('normalises e-mail addresses for lookup', () => {
  expect(normaliseEmail('  Mor@Demo.DK ')).toBe('mor@demo.dk');
});
