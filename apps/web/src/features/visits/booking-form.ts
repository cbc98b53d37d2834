import { addDays, copenhagenDate, copenhagenLocalToInstant, isOutsideWindow } from '@familiespor/domain';
import type { BookVisitInput, ChildVisit, VisitPlace } from '../../api/api.types';

/** What the "Aftal tid" form holds: a Danish date and wall-clock time, and the place. */
export type BookingFormValues = { date: string; time: string; place: VisitPlace };
export type BookingField = keyof BookingFormValues;
export type BookingFieldError = { field: BookingField; code: string };

/** A visit is most often booked for a morning; the health visitor changes it as agreed. */
export const defaultBookingTime = '10:00';

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The date the form proposes: the first weekday from tomorrow (a booking is made ahead) inside
 * the window; a weekend day inside it if there is no weekday left; today when the window ends
 * today; and when the window has passed, the next weekday — outside the window, which the form
 * then says.
 */
export function defaultBookingDate(window: { start: string; end: string }, today: string): string {
  const first = later(window.start, addDays(today, 1));
  for (let d = first; d <= window.end; d = addDays(d, 1)) if (!isWeekend(d)) return d;
  if (first <= window.end) return first;
  if (window.start <= today && today <= window.end) return today;
  let d = first;
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "10:00" of an instant, in Copenhagen. */
export function copenhagenClock(iso: string): string {
  return clock.format(new Date(iso));
}

/** The form's first values: the booking to move, or a proposal inside the window, at home. */
export function bookingFormDefaults(
  visit: Pick<ChildVisit, 'window' | 'booking'>,
  today: string,
): BookingFormValues {
  if (visit.booking) {
    return {
      date: copenhagenDate(new Date(visit.booking.at)),
      time: copenhagenClock(visit.booking.at),
      place: visit.booking.place,
    };
  }
  return { date: defaultBookingDate(visit.window, today), time: defaultBookingTime, place: 'home' };
}

/** Whether the chosen date lies outside the visit's window (allowed, but the form warns). */
export function bookingOutsideWindow(date: string, window: { start: string; end: string }): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && isOutsideWindow(date, window);
}

/** "10", "1000", "10.00" or "10:00" as health visitors type a time → "10:00"; null if not a time. */
export function normaliseTime(text: string): string | null {
  const m = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/**
 * The form → the body of `bookVisit`: the Danish date and time as an instant. What only the
 * server knows (a time already passed, who may visit) comes back as its field errors.
 */
export function bookingRequest(
  v: BookingFormValues,
): { ok: true; body: BookVisitInput } | { ok: false; errors: BookingFieldError[] } {
  const errors: BookingFieldError[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.date)) errors.push({ field: 'date', code: 'required' });
  const time = normaliseTime(v.time);
  if (v.time.trim() === '') errors.push({ field: 'time', code: 'required' });
  else if (!time) errors.push({ field: 'time', code: 'invalid' });
  if (errors.length > 0 || !time) return { ok: false, errors };
  // The hour the clocks skip in spring (02:00–03:00 on the last Sunday of March) does not exist.
  const at = copenhagenLocalToInstant(`${v.date} ${time}`);
  if (!at) return { ok: false, errors: [{ field: 'time', code: 'no_such_time' }] };
  return { ok: true, body: { at: at.toISOString(), place: v.place } };
}

/** The server's error paths → the form's fields: the time itself is judged as the date and time. */
export function bookingFieldOfPath(path: string): BookingField | null {
  if (path === 'at') return 'date';
  if (path === 'place') return 'place';
  return null;
}
