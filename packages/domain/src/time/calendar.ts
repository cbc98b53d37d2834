/**
 * Calendar dates (YYYY-MM-DD) in Europe/Copenhagen. Families live by local dates: a child
 * born at 00:30 Danish summer time was born on that date, although it is still yesterday in UTC.
 */
export const timeZone = 'Europe/Copenhagen';

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function copenhagenDate(instant: Date): string {
  return dateFormat.format(instant);
}

const toUtc = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * 86_400_000);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / 86_400_000);
}

/** Calendar months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole calendar months from `from` to `to` (the child's age in months on a date). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  let months = (y2 - y1) * 12 + (m2 - m1);
  if (d2 < d1 && addMonths(from, months) > to) months -= 1;
  return months;
}

export const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const offsetFormat = new Intl.DateTimeFormat('en-US', {
  timeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function copenhagenWallClock(instant: Date): number {
  const parts = Object.fromEntries(offsetFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/**
 * The instant of a Danish wall-clock time such as "2026-11-20 14:32" (birth notifications
 * give local times). In the autumn's repeated hour the earlier instant is chosen; a time
 * that does not exist (the spring's skipped hour) is returned as null.
 */
export function copenhagenLocalToInstant(local: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const wall = Date.UTC(y as number, (mo as number) - 1, d as number, h as number, mi as number, s || 0);
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== d || new Date(wall).getUTCHours() !== h)
    return null;
  for (const offsetHours of [2, 1]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    if (copenhagenWallClock(candidate) === wall) return candidate;
  }
  return null;
}
