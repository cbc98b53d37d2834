/**
 * Open counselling is anonymous (Barnets lov § 29): its free text must not carry what identifies
 * a person — a CPR number, a phone number, an e-mail address. These rules find them. The database
 * refuses the same text with a CHECK constraint (migration 0015, `anonymous_text_has_identifier`),
 * written with these very patterns, so a row that bypasses the application is refused too; the
 * patterns therefore use only what JavaScript and PostgreSQL regular expressions share (ASCII
 * classes such as [0-9] rather than \d, lookarounds without groups).
 *
 * They err on the side of refusing: a counsellor can always rephrase a note, while a CPR number
 * that slipped through cannot be taken back from statistics shared with a municipality.
 */

export type IdentifierKind = 'cpr' | 'phone' | 'email';

export const identifierPatterns = {
  /**
   * DDMMYY-SSSS or DDMMYYSSSS (also with a space), not part of a longer run of digits. Whether the
   * six digits are a plausible date is checked on the groups (see plausibleCprDate).
   */
  cpr: '(?<![0-9])([0-9]{2})([0-9]{2})[0-9]{2}[- ]?[0-9]{4}(?![0-9])',
  /**
   * A Danish number — eight digits, the first 2–9 — as people write it: 12345678, 12 34 56 78,
   * 12-34-56-78, 1234 5678, 123 45 678; with or without +45, 0045 or (+45) in front.
   */
  phone:
    '(?<![0-9])(?:(?:[+]|00)45[ -]?|[(][+]45[)] ?)?[2-9](?:[0-9]{7}|[0-9] [0-9]{2} [0-9]{2} [0-9]{2}|[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}|[0-9]{3} [0-9]{4}|[0-9]{2} [0-9]{2} [0-9]{3})(?![0-9])',
  /** Anything shaped like name@domain.tld. */
  email: '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+([.][A-Za-z0-9-]+)*[.][A-Za-z]{2,}',
} as const;

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * The first four digits could be a CPR birth date: a day of the month (or a replacement number's
 * day, 61–91) and a month. February 29 counts in every year: the two-digit year and the century
 * digit are not trusted here, and refusing one date too many is the safe mistake.
 */
export function plausibleCprDate(dd: number, mm: number): boolean {
  const day = dd > 60 ? dd - 60 : dd;
  if (mm < 1 || mm > 12 || day < 1) return false;
  return day <= (daysInMonth[mm - 1] as number);
}

const cpr = new RegExp(identifierPatterns.cpr, 'g');
const phone = new RegExp(identifierPatterns.phone);
const email = new RegExp(identifierPatterns.email);

function hasCpr(text: string): boolean {
  for (const m of text.matchAll(cpr)) {
    if (plausibleCprDate(Number(m[1]), Number(m[2]))) return true;
  }
  return false;
}

/** The kinds of identifier the text seems to contain, in the order cpr, phone, email. */
export function findIdentifiers(text: string): IdentifierKind[] {
  const found: IdentifierKind[] = [];
  if (hasCpr(text)) found.push('cpr');
  if (phone.test(text)) found.push('phone');
  if (email.test(text)) found.push('email');
  return found;
}
