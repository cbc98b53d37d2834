import { addDays, copenhagenDate, copenhagenLocalToInstant, daysBetween } from '../time/calendar';

/**
 * The weekly drop-in ("hver onsdag kl. 15–18"): when it is next open, in Danish time, and which
 * of those days are public holidays, when the door is closed. The holidays are passed in (the
 * server gives `danishDaysOff` from `@familiespor/domain/working-days`), so this file stays out
 * of the holiday library and can be used anywhere.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type WeeklySlot = {
  weekday: IsoWeekday;
  /** Danish wall-clock time, HH:MM. */
  startTime: string;
  endTime: string;
  validFrom: string;
  validTo: string | null;
};

export type SlotOccurrence = {
  date: string;
  startsAt: string;
  endsAt: string;
  /** Closed that day: a public holiday (or a day off in public administration), with its name. */
  closed: { reason: 'holiday'; name: string } | null;
};

export type DaysOff = (year: number) => ReadonlyMap<string, string>;

export function isoWeekdayOf(date: string): IsoWeekday {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return (day === 0 ? 7 : day) as IsoWeekday;
}

/** The instant of a Danish wall-clock time; slots lie outside the night's daylight-saving hour. */
function instant(date: string, time: string): Date {
  const at = copenhagenLocalToInstant(`${date} ${time}`);
  if (!at) throw new RangeError(`no such Danish time: ${date} ${time}`);
  return at;
}

/**
 * The next `count` days the slot is held, from `now` on: today too while it is not over yet.
 * Public holidays are listed, marked closed — a parent who counts on "Wednesday" must see that
 * this Wednesday is Christmas Eve — and count towards `count`. Ends at the slot's last day.
 */
export function nextSlotOccurrences(
  slot: WeeklySlot,
  now: Date,
  count: number,
  daysOff: DaysOff,
): SlotOccurrence[] {
  const today = copenhagenDate(now);
  const start = slot.validFrom > today ? slot.validFrom : today;
  let date = addDays(start, (slot.weekday - isoWeekdayOf(start) + 7) % 7);
  if (date === today && instant(date, slot.endTime).getTime() <= now.getTime()) date = addDays(date, 7);
  const out: SlotOccurrence[] = [];
  while (out.length < count && (slot.validTo === null || date <= slot.validTo)) {
    const holiday = daysOff(Number(date.slice(0, 4))).get(date);
    out.push({
      date,
      startsAt: instant(date, slot.startTime).toISOString(),
      endsAt: instant(date, slot.endTime).toISOString(),
      closed: holiday ? { reason: 'holiday', name: holiday } : null,
    });
    date = addDays(date, 7);
  }
  return out;
}

/** Whether the slot is held on a date at all (its weekday, within its validity). */
export function slotFallsOn(slot: WeeklySlot, date: string): boolean {
  if (date < slot.validFrom || (slot.validTo !== null && date > slot.validTo)) return false;
  return isoWeekdayOf(date) === slot.weekday;
}

export type CounsellingSlotInput = {
  weekday: number;
  startTime: string;
  endTime: string;
  validFrom: string;
  validTo: string | null;
  walkIn: boolean;
  street: string | null;
  postcode: string | null;
  phone: string | null;
  chatUrl: string | null;
};

export type SlotFieldError = { path: string; code: string; message: string };

/** Opening hours people keep: a drop-in between 06:00 and 23:00 (never in the DST night hour). */
export const slotDayLimits = { earliest: '06:00', latest: '23:00' } as const;
const hhmm = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** The checks a slot must pass before it is published, as field errors (empty when it may go). */
export function checkCounsellingSlot(s: CounsellingSlotInput, today: string): SlotFieldError[] {
  const errors: SlotFieldError[] = [];
  const timeOk = (t: string) => hhmm.test(t) && t >= slotDayLimits.earliest && t <= slotDayLimits.latest;
  if (!timeOk(s.startTime))
    errors.push({ path: 'startTime', code: 'invalid_time', message: 'Use a time between 06:00 and 23:00' });
  if (!timeOk(s.endTime))
    errors.push({ path: 'endTime', code: 'invalid_time', message: 'Use a time between 06:00 and 23:00' });
  else if (timeOk(s.startTime) && s.endTime <= s.startTime)
    errors.push({ path: 'endTime', code: 'ends_before_start', message: 'The slot must end after it starts' });
  if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7)
    errors.push({ path: 'weekday', code: 'invalid_weekday', message: 'Monday is 1, Sunday is 7' });
  if (s.validTo !== null && s.validTo < s.validFrom)
    errors.push({ path: 'validTo', code: 'ends_before_start', message: 'The last day is before the first' });
  if (s.validTo !== null && s.validTo < today)
    errors.push({ path: 'validTo', code: 'in_the_past', message: 'The last day has passed already' });
  if (daysBetween(today, s.validFrom) > 366)
    errors.push({ path: 'validFrom', code: 'too_far_ahead', message: 'Start within a year' });
  if (!s.walkIn && !s.phone && !s.chatUrl)
    errors.push({
      path: 'channels',
      code: 'no_channel',
      message: 'Say how parents reach you: at the address, by phone or in a chat',
    });
  if (s.walkIn && (!s.street || !s.postcode))
    errors.push({ path: 'street', code: 'address_missing', message: 'A drop-in needs the address' });
  return errors;
}
