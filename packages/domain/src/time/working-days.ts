import Holidays from 'date-holidays';
import { addDays, copenhagenDate } from './calendar';

/**
 * Working days as Danish public administration counts them (the deadlines of Barnets lov and of
 * referral acknowledgements): Monday–Friday except the public holidays, and except the days the
 * public sector's agreements give off — Grundlovsdag, juleaftensdag and nytårsaftensdag. The
 * holidays themselves come from `date-holidays` (maintained; it knows, for instance, that Store
 * Bededag was abolished from 2024), so nothing here is a hand-kept list of dates.
 *
 * Kept out of the package index (imported as `@familiespor/domain/working-days`) so the web
 * bundle does not carry every country's holiday data.
 */

/** Observances the library lists that are days off in Danish public administration. */
const daysOffAmongObservances = new Set(['Grundlovsdag', 'Juleaftensdag', 'Nytårsaftensdag']);

let calendar: Holidays | undefined;
function danishHolidays(): Holidays {
  if (!calendar) {
    calendar = new Holidays('DK');
    // The library does not list New Year's Eve for Denmark; the public sector has it off.
    calendar.setHoliday('12-31', { name: 'Nytårsaftensdag', type: 'observance' });
  }
  return calendar;
}

const byYear = new Map<number, Map<string, string>>();

/** The year's non-working holidays, date → Danish name. */
export function danishDaysOff(year: number): ReadonlyMap<string, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const h of danishHolidays().getHolidays(year)) {
      if (h.type === 'public' || daysOffAmongObservances.has(h.name)) days.set(h.date.slice(0, 10), h.name);
    }
    byYear.set(year, days);
  }
  return days;
}

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

export function isWorkingDay(date: string): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  return !danishDaysOff(Number(date.slice(0, 4))).has(date);
}

/**
 * The date `n` working days after `date` (n ≥ 0): the day of the event itself does not count,
 * as a deadline "within 6 working days" of a Friday report ends the following Monday week.
 * n = 0 gives `date` itself, or the next working day when `date` is not one.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = date;
  if (n === 0) {
    while (!isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** Working days from `from` (exclusive) to `to` (inclusive); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count += 1;
  return count;
}

/** The date `n` working days after the Danish date on which `instant` falls. */
export function workingDayDeadline(instant: Date, n: number): string {
  return addWorkingDays(copenhagenDate(instant), n);
}
