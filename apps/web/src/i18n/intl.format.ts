import type { Language } from './i18n.setup';

export const timeZone = 'Europe/Copenhagen';

/**
 * Intl locales per language. Arabic keeps Latin digits: the dates, CPR numbers and phone
 * numbers parents meet in Danish letters and on the phone are written that way.
 */
const locales: Record<Language, string> = { da: 'da-DK', en: 'en-GB', ar: 'ar-u-nu-latn' };

export function localeOf(language: Language): string {
  return locales[language];
}

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

export function formatDate(language: Language, value: string | Date): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeZone }).format(toDate(value));
}

export function formatDateTime(language: Language, value: string | Date): string {
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(toDate(value));
}

/** A session's day with its weekday, e.g. "tirsdag den 8. december 2026". */
export function formatDayLong(language: Language, value: string | Date): string {
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(toDate(value));
}

/** A day of a week calendar, e.g. "tirsdag 24. november". */
export function formatWeekdayDate(language: Language, value: string | Date): string {
  return new Intl.DateTimeFormat(locales[language], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(toDate(value));
}

/** From–to on one day, 24-hour clock, e.g. "17.00–19.00". */
export function formatTimeRange(language: Language, start: string | Date, end: string | Date): string {
  return new Intl.DateTimeFormat(locales[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatRange(toDate(start), toDate(end));
}

/** A month and year, e.g. "marts 2027", for naming a cohort by its due dates. */
export function formatMonth(language: Language, value: string | Date): string {
  return new Intl.DateTimeFormat(locales[language], { month: 'long', year: 'numeric', timeZone }).format(
    toDate(value),
  );
}

/** A share as a whole percentage, e.g. "69 %". */
export function formatPercent(language: Language, share: number): string {
  return new Intl.NumberFormat(locales[language], { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  );
}

/** A number with at most one decimal, e.g. "7,5". */
export function formatDecimal(language: Language, value: number): string {
  return new Intl.NumberFormat(locales[language], { maximumFractionDigits: 1 }).format(value);
}

export function formatTime(language: Language, value: string | Date): string {
  return new Intl.DateTimeFormat(locales[language], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(toDate(value));
}

export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

export function formatList(language: Language, items: readonly string[]): string {
  return new Intl.ListFormat(locales[language], { style: 'long', type: 'conjunction' }).format(items);
}

/** A span of days, e.g. "1.–14. december 2026"; Intl leaves out what the two ends share. */
export function formatDateRange(language: Language, start: string | Date, end: string | Date): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeZone }).formatRange(
    toDate(start),
    toDate(end),
  );
}

/** A spoken language named in the reader's language ("ar" → "arabisk"); the code when Intl does not know it. */
export function formatLanguageName(language: Language, code: string): string {
  try {
    return (
      new Intl.DisplayNames([locales[language]], { type: 'language', fallback: 'code' }).of(code) ?? code
    );
  } catch {
    return code;
  }
}

/** The parts of a list ("Amira", " og ", "Mikkel"), so each name can be set apart from the text around it. */
export function formatListParts(
  language: Language,
  items: readonly string[],
): { type: 'element' | 'literal'; value: string }[] {
  return new Intl.ListFormat(locales[language], { style: 'long', type: 'conjunction' }).formatToParts(items);
}
