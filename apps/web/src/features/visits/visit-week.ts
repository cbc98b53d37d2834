import { copenhagenDate, parseIsoWeek } from '@familiespor/domain';
import type { CalendarVisit } from '../../api/api.types';

export type WeekDay = { date: string; weekend: boolean; visits: CalendarVisit[] };

/**
 * The days "Ugens besøg" shows: Monday to Friday always, Saturday and Sunday only when a visit
 * is booked on them (health visitors work weekdays). Each day holds its visits by time, by the
 * booking's day in Copenhagen.
 */
export function weekDays(days: readonly string[], booked: readonly CalendarVisit[]): WeekDay[] {
  const byDay = new Map<string, CalendarVisit[]>();
  for (const v of booked) {
    if (!v.booking) continue;
    const day = copenhagenDate(new Date(v.booking.at));
    byDay.set(day, [...(byDay.get(day) ?? []), v]);
  }
  return days.flatMap((date, i) => {
    const visits = [...(byDay.get(date) ?? [])].sort((a, b) =>
      (a.booking?.at ?? '').localeCompare(b.booking?.at ?? ''),
    );
    const weekend = i >= 5;
    return weekend && visits.length === 0 ? [] : [{ date, weekend, visits }];
  });
}

/** The week's number for people ("Uge 48"), from "2026-W48". */
export function weekNumber(week: string): number | null {
  return parseIsoWeek(week)?.week ?? null;
}

/** The week in the address (`?uge=2026-W49`), or none (this week) when it is missing or no week. */
export function weekOfSearch(search: string): string | undefined {
  const week = new URLSearchParams(search).get('uge');
  return week && parseIsoWeek(week) ? week : undefined;
}
