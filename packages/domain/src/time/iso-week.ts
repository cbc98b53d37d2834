import { addDays, copenhagenLocalToInstant } from './calendar';

/**
 * ISO 8601 weeks ("2026-W48"), the weeks Danish calendars number: Monday to Sunday, week 1 is
 * the week with the year's first Thursday, so 29 Dec – 3 Jan may belong to either year and a
 * year has 52 or 53 weeks.
 */
export type IsoWeek = { year: number; week: number };

const weekPattern = /^(\d{4})-W(\d{2})$/;
const dayMs = 86_400_000;

const utc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The ISO week a calendar date (YYYY-MM-DD) falls in. */
export function isoWeekOf(date: string): IsoWeek {
  const ms = utc(date);
  const mondayBased = (new Date(ms).getUTCDay() + 6) % 7;
  // The week belongs to the year its Thursday falls in.
  const thursday = new Date(ms + (3 - mondayBased) * dayMs);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * dayMs));
  return { year, week };
}

/** 53 when 1 January is a Thursday, or a Wednesday in a leap year; else 52. */
export function isoWeeksInYear(year: number): 52 | 53 {
  // 28 December always lies in the year's last week.
  return isoWeekOf(`${pad(year, 4)}-12-28`).week === 53 ? 53 : 52;
}

export function formatIsoWeek(w: IsoWeek): string {
  return `${pad(w.year, 4)}-W${pad(w.week, 2)}`;
}

/** "2026-W48" → its year and week; null for text that is not a week, or a week 53 the year lacks. */
export function parseIsoWeek(text: string): IsoWeek | null {
  const m = weekPattern.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1 || week < 1 || week > isoWeeksInYear(year)) return null;
  return { year, week };
}

/** The Monday that starts an ISO week. */
export function isoWeekMonday(w: IsoWeek): string {
  // 4 January is always in week 1.
  const jan4 = `${pad(w.year, 4)}-01-04`;
  const jan4Monday = addDays(jan4, -((new Date(utc(jan4)).getUTCDay() + 6) % 7));
  return addDays(jan4Monday, (w.week - 1) * 7);
}

/** The week `by` weeks later (earlier when negative), across year ends. */
export function shiftIsoWeek(w: IsoWeek, by: number): IsoWeek {
  return isoWeekOf(addDays(isoWeekMonday(w), by * 7));
}

export type IsoWeekRange = {
  week: string;
  /** Monday to Sunday. */
  days: string[];
  /** Monday 00:00 in Copenhagen. */
  from: Date;
  /** The next Monday 00:00 in Copenhagen (exclusive): a DST week is 167 or 169 hours long. */
  to: Date;
};

/** Local midnight exists every day in Copenhagen: the clocks change at 02:00 and 03:00. */
function copenhagenMidnight(date: string): Date {
  const instant = copenhagenLocalToInstant(`${date} 00:00`);
  if (!instant) throw new Error(`no midnight on ${date} in Copenhagen`);
  return instant;
}

/** The days and the instants of an ISO week in Europe/Copenhagen; null when the text is no week. */
export function isoWeekRange(week: string | IsoWeek): IsoWeekRange | null {
  const w = parseIsoWeek(typeof week === 'string' ? week : formatIsoWeek(week));
  if (!w) return null;
  const monday = isoWeekMonday(w);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return {
    week: formatIsoWeek(w),
    days,
    from: copenhagenMidnight(monday),
    to: copenhagenMidnight(addDays(monday, 7)),
  };
}
