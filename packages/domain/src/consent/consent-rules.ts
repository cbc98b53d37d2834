import type { Category } from '../access/access-matrix';
import { addDays, copenhagenDate, copenhagenLocalToInstant } from '../time/calendar';

/**
 * What a parent may let flow between organisations (DESIGN §4). Concern reports are never
 * consentable: they travel by law (Barnets lov § 133), and parents never see them.
 */
export const consentableCategories = [
  'identity',
  'pregnancy',
  'health_visit',
  'screening',
  'course',
  'counselling',
  'referral',
  'handover',
] as const satisfies readonly Category[];
export type ConsentableCategory = (typeof consentableCategories)[number];

export const consentCaptureWays = ['portal', 'paper', 'verbal'] as const;
export type ConsentCaptureWay = (typeof consentCaptureWays)[number];

/** A consent longer than this must be given again: parents should not forget what they agreed to. */
export const consentMaxYears = 3;

/**
 * "Hvem har set mine data" shows repeated reads as one row: the same professional reading the
 * same kind of record on the same basis, each read within this many minutes of the one before,
 * on one Copenhagen day ("Så oplysninger om familien · 4 gange", 10.02–10.09). Opening a family
 * once writes several reads; a parent needs to see the visit, not each request. Changes and
 * emergency access (break-the-glass) are never grouped.
 */
export const accessLogSpanMinutes = 30;

export type ConsentStatus = 'active' | 'pending' | 'expired' | 'withdrawn';

/** Where a consent stands at an instant; withdrawal wins over everything else. */
export function consentStatus(
  c: { validFrom: Date; validTo: Date | null; withdrawnAt: Date | null },
  now: Date,
): ConsentStatus {
  if (c.withdrawnAt && c.withdrawnAt <= now) return 'withdrawn';
  if (c.validTo && c.validTo <= now) return 'expired';
  if (c.validFrom > now) return 'pending';
  return 'active';
}

/** The first instant of a Danish calendar date. */
export function startOfCopenhagenDay(date: string): Date {
  return copenhagenLocalToInstant(`${date} 00:00`) as Date;
}

/**
 * The instants a consent given in calendar dates runs between: from the start of `validFrom`
 * (or now, when that is today or not given) to the end of `validTo`, so "valid until 1 March"
 * covers all of 1 March in Denmark.
 */
export function consentValidity(
  dates: { validFrom?: string | null | undefined; validTo: string },
  now: Date,
): { validFrom: Date; validTo: Date } {
  const today = copenhagenDate(now);
  const validFrom =
    !dates.validFrom || dates.validFrom <= today ? now : startOfCopenhagenDay(dates.validFrom);
  return { validFrom, validTo: startOfCopenhagenDay(addDays(dates.validTo, 1)) };
}

export type ConsentProblem = { path: string; code: string };

/** What is wrong with a consent's scope and validity, field by field; empty when it may be stored. */
export function checkConsent(
  c: {
    categories: readonly string[];
    fromOrgId: string;
    toOrgId: string;
    validFrom?: string | null | undefined;
    validTo: string;
  },
  today: string,
): ConsentProblem[] {
  const problems: ConsentProblem[] = [];
  const invalid = (['validFrom', 'validTo'] as const).filter((k) => {
    const v = c[k];
    return v && addDays(v, 0) !== v; // 2026-02-30 and 2026-13-01 match the format but are no dates
  });
  if (invalid.length > 0) return invalid.map((path) => ({ path, code: 'invalid_date' }));
  if (c.categories.length === 0) problems.push({ path: 'categories', code: 'required' });
  c.categories.forEach((category, i) => {
    if (!(consentableCategories as readonly string[]).includes(category))
      problems.push({ path: `categories.${i}`, code: 'not_consentable' });
  });
  if (new Set(c.categories).size !== c.categories.length)
    problems.push({ path: 'categories', code: 'duplicate' });
  // Inside one organisation the matrix and the relationship decide; a consent names two.
  if (c.fromOrgId === c.toOrgId) problems.push({ path: 'toOrgId', code: 'same_organisation' });
  const from = c.validFrom ?? today;
  if (c.validFrom && c.validFrom < today) problems.push({ path: 'validFrom', code: 'in_past' });
  if (c.validTo < today) problems.push({ path: 'validTo', code: 'in_past' });
  else if (c.validTo < from) problems.push({ path: 'validTo', code: 'before_valid_from' });
  const [y, m, d] = from.split('-');
  if (c.validTo > `${Number(y) + consentMaxYears}-${m}-${d}`)
    problems.push({ path: 'validTo', code: 'too_long' });
  return problems;
}
