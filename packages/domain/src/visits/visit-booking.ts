/**
 * A visit is booked for a time, but its window is a span of Danish calendar days: a booking at
 * 00:30 on the day after the window (Copenhagen time) is outside it, although it is still the
 * window's last day in UTC. Booking outside the window is allowed — the family may be away —
 * but the health visitor is told.
 */
export function isOutsideWindow(day: string, window: { start: string; end: string }): boolean {
  return day < window.start || day > window.end;
}
