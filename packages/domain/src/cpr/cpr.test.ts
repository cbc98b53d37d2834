import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cprCentury, formatCpr, maskCpr, parseCpr, passesModulus11, syntheticCpr } from './cpr';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = (d: Date) => d.toISOString().slice(0, 10);

/** Builds the CPR digits for a birth date with a given seventh digit and the rest of the serial. */
function cprFor(date: Date, seventh: number, rest: number, replacement = false) {
  const day = date.getUTCDate() + (replacement ? 60 : 0);
  return `${pad(day)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCFullYear() % 100)}${seventh}${pad(rest, 3)}`;
}

/** The seventh digits that encode a given year, per the CPR office's century table. */
function seventhDigitsFor(year: number): number[] {
  const yy = year % 100;
  return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((s) => cprCentury(yy, s) === year);
}

const birthDates = fc.date({
  min: new Date('1858-01-01T00:00:00Z'),
  max: new Date('2057-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('CPR numbers', () => {
  it('round-trips every possible birth date through the century rule', () => {
    fc.assert(
      fc.property(birthDates, fc.integer({ min: 0, max: 999 }), fc.boolean(), (date, rest, replacement) => {
        const utc = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
        for (const seventh of seventhDigitsFor(utc.getUTCFullYear())) {
          const r = parseCpr(cprFor(utc, seventh, rest, replacement));
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.cpr.birthDate).toBe(ymd(utc));
            expect(r.cpr.replacement).toBe(replacement);
          }
        }
      }),
    );
  });

  it('accepts numbers that fail the modulus-11 check (issued since 2007) and says so', () => {
    fc.assert(
      fc.property(birthDates, fc.integer({ min: 0, max: 999 }), (date, rest) => {
        const year = date.getUTCFullYear();
        const seventh = seventhDigitsFor(year)[0];
        fc.pre(seventh !== undefined);
        const digits = cprFor(date, seventh as number, rest);
        const r = parseCpr(digits);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.cpr.modulus11).toBe(passesModulus11(digits));
      }),
    );
    // 070761-4285 is the classic example that passes; changing the last digit makes it fail but stay valid.
    expect(parseCpr('070761-4285')).toMatchObject({
      ok: true,
      cpr: { modulus11: true, birthDate: '1961-07-07' },
    });
    expect(parseCpr('070761-4286')).toMatchObject({ ok: true, cpr: { modulus11: false } });
  });

  it('applies the century table at its edges', () => {
    expect(parseCpr('010136-4000')).toMatchObject({ ok: true, cpr: { birthDate: '2036-01-01' } });
    expect(parseCpr('010137-4000')).toMatchObject({ ok: true, cpr: { birthDate: '1937-01-01' } });
    expect(parseCpr('010157-5000')).toMatchObject({ ok: true, cpr: { birthDate: '2057-01-01' } });
    expect(parseCpr('010158-5000')).toMatchObject({ ok: true, cpr: { birthDate: '1858-01-01' } });
    expect(parseCpr('010199-3000')).toMatchObject({ ok: true, cpr: { birthDate: '1999-01-01' } });
  });

  it('rejects impossible dates, also in replacement numbers', () => {
    for (const bad of [
      '310425-1234',
      '300225-4321',
      '290223-4000',
      '320195-1234',
      '001295-1234',
      '011395-1234',
      '910495-1234',
    ]) {
      expect(parseCpr(bad)).toEqual({ ok: false, error: 'date' });
    }
    expect(parseCpr('290224-4000')).toMatchObject({ ok: true, cpr: { birthDate: '2024-02-29' } });
    expect(parseCpr('890224-4000')).toMatchObject({
      ok: true,
      cpr: { birthDate: '2024-02-29', replacement: true },
    });
  });

  it('rejects anything that is not ten digits', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        fc.pre(!/^\s*\d{6}-?\d{4}\s*$/.test(s));
        expect(parseCpr(s)).toEqual({ ok: false, error: 'format' });
      }),
    );
  });

  it('reads the sex from the last digit', () => {
    expect(parseCpr('0101901231')).toMatchObject({ cpr: { sex: 'male' } });
    expect(parseCpr('0101901232')).toMatchObject({ cpr: { sex: 'female' } });
  });

  it('masks and formats', () => {
    expect(maskCpr('0707614285')).toBe('070761-xxxx');
    expect(formatCpr('0707614285')).toBe('070761-4285');
  });

  it('synthetic numbers are valid replacement numbers with the right birth date and sex', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1937-01-01T00:00:00Z'),
          max: new Date('2036-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.nat(1_999),
        fc.constantFrom('female' as const, 'male' as const),
        (date, seq, sex) => {
          const birthDate = ymd(date);
          const r = parseCpr(syntheticCpr(birthDate, seq, sex));
          expect(r).toMatchObject({ ok: true, cpr: { birthDate, sex, replacement: true } });
        },
      ),
    );
  });

  it('gives every running number of a birth date its own number, and refuses one beyond the range', () => {
    for (const [date, capacity] of [
      ['2025-03-01', 3000],
      ['1990-07-15', 3000],
      ['1920-01-31', 2000],
    ] as const) {
      const numbers = new Set<string>();
      for (let seq = 0; seq < capacity; seq += 1) numbers.add(syntheticCpr(date, seq, 'female'));
      expect(numbers.size).toBe(capacity);
      expect(() => syntheticCpr(date, capacity, 'female')).toThrow(RangeError);
    }
    // The first 500 numbers of a date are the ones earlier versions gave, so kept data still matches.
    expect(syntheticCpr('2025-03-01', 7, 'male')).toBe('6103254015');
  });
});
