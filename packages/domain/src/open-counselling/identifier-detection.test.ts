import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIdentifiers, plausibleCprDate } from './identifier-detection';

/** The server's integration test checks that the database's CHECK constraint agrees (0015). */
const identifierExamples: readonly { text: string; kinds: readonly string[] }[] = [
  // CPR numbers, with and without the dash, also replacement numbers (day + 60).
  { text: 'Mor oplyste 010190-1234 uden at blive spurgt', kinds: ['cpr'] },
  { text: 'cpr 0101901234', kinds: ['cpr'] },
  { text: '310195 4321 står på papiret', kinds: ['cpr'] },
  { text: 'erstatningsnummer 7403954018', kinds: ['cpr'] },
  { text: '290203-1111', kinds: ['cpr'] },
  // Phone numbers as Danes write them.
  { text: 'Ring på 22334455', kinds: ['phone'] },
  { text: 'tlf. 22 33 44 55', kinds: ['phone'] },
  { text: 'tlf. 22-33-44-55', kinds: ['phone'] },
  { text: 'mobil 2233 4455', kinds: ['phone'] },
  { text: 'mobil 223 34 455', kinds: ['phone'] },
  { text: '+4522334455', kinds: ['phone'] },
  { text: '+45 22 33 44 55', kinds: ['phone'] },
  { text: '0045 22334455', kinds: ['phone'] },
  { text: '(+45) 22 33 44 55', kinds: ['phone'] },
  // E-mail addresses.
  { text: 'skriv til amira.h@example.com', kinds: ['email'] },
  { text: 'x_y+z@sub.domain.dk.', kinds: ['email'] },
  // Several at once.
  { text: '010190-1234, 22334455, a@b.dk', kinds: ['cpr', 'phone', 'email'] },
  // What a counsellor writes that is not an identifier.
  { text: 'Bekymret for økonomien efter skilsmissen; fik råd om budget.', kinds: [] },
  { text: 'Kommer igen onsdag kl. 15-18, uge 12', kinds: [] },
  { text: 'Opfølgning 12-03-2026 og 24.12.2025', kinds: [] },
  { text: 'Huslejen er 8.500 kr., gæld 25 000 kr.', kinds: [] },
  { text: 'Barnet er 14 mdr. og sover 2 timer', kinds: [] },
  { text: 'Et tal med 11 cifre: 12345678901', kinds: [] },
  { text: '1234567890 er ingen dato (måned 34)', kinds: [] },
  { text: '320190-1234 har ingen 32. januar', kinds: [] },
  { text: '310490-1234 har ingen 31. april', kinds: [] },
  { text: '12345678 starter med 1: et servicenummer', kinds: [] },
  { text: 'mail til mødrehjælpen @ hjemmesiden', kinds: [] },
];

describe('identifiers in anonymous free text', () => {
  it.each(identifierExamples.map((e) => [e.text, e.kinds]))('%s → %j', (text, kinds) => {
    expect(findIdentifiers(text as string)).toEqual(kinds);
  });

  it('takes the birth date of a CPR number only when it could be one', () => {
    expect(plausibleCprDate(1, 1)).toBe(true);
    expect(plausibleCprDate(31, 12)).toBe(true);
    expect(plausibleCprDate(29, 2)).toBe(true); // any year: the century is not trusted
    expect(plausibleCprDate(30, 2)).toBe(false);
    expect(plausibleCprDate(31, 6)).toBe(false);
    expect(plausibleCprDate(0, 5)).toBe(false);
    expect(plausibleCprDate(5, 13)).toBe(false);
    expect(plausibleCprDate(61, 1)).toBe(true); // replacement number for the 1st
    expect(plausibleCprDate(91, 1)).toBe(true);
    expect(plausibleCprDate(92, 1)).toBe(false);
    expect(plausibleCprDate(45, 1)).toBe(false);
  });

  it('finds every CPR number with a real date, however the dash is written', () => {
    const cpr = fc
      .record({
        date: fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        serial: fc.integer({ min: 0, max: 9999 }),
        replacement: fc.boolean(),
        separator: fc.constantFrom('', '-', ' '),
        before: fc.constantFrom('', 'CPR ', 'nr.: ', '('),
        after: fc.constantFrom('', ' tak', ')', '.'),
      })
      .map(({ date, serial, replacement, separator, before, after }) => {
        const dd = date.getUTCDate() + (replacement ? 60 : 0);
        const mm = date.getUTCMonth() + 1;
        const yy = date.getUTCFullYear() % 100;
        const p = (n: number, w = 2) => String(n).padStart(w, '0');
        return `${before}${p(dd)}${p(mm)}${p(yy)}${separator}${p(serial, 4)}${after}`;
      });
    fc.assert(fc.property(cpr, (text) => findIdentifiers(text).includes('cpr')));
  });

  it('lets ordinary prose without digits, @ or + through', () => {
    const prose = fc.stringMatching(/^[a-zA-ZæøåÆØÅ ,.;:!?()'"-]{0,200}$/);
    fc.assert(fc.property(prose, (text) => findIdentifiers(text).length === 0));
  });
});
