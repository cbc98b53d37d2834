import type { TimelineEntry } from '../../api/api.types';

/** The kinds the web app has words for; later steps add more, and unknown ones get a general label. */
export const knownKinds = [
  'pregnancy_registered',
  'pregnancy_week_16',
  'pregnancy_week_26',
  'due_date',
  'birth',
  'coordinator_assigned',
  'kindergarten_start',
  'course_session',
] as const;

/** Sign-ups for an offer (Step 4), one kind per enrollment status. */
export const enrollmentKinds = [
  'enrollment_invited',
  'enrollment_waitlisted',
  'enrollment_enrolled',
  'enrollment_declined',
  'enrollment_dropped_out',
  'enrollment_completed',
] as const;
export type EnrollmentKind = (typeof enrollmentKinds)[number];

export function isEnrollmentKind(kind: string): kind is EnrollmentKind {
  return (enrollmentKinds as readonly string[]).includes(kind);
}
export type KnownKind = (typeof knownKinds)[number];

export function isKnownKind(kind: string): kind is KnownKind {
  return (knownKinds as readonly string[]).includes(kind);
}

/** The day an entry is placed on: its date, or the start of its window. */
export function entryDay(entry: Pick<TimelineEntry, 'date' | 'window'>): string {
  return entry.date ?? entry.window?.start ?? '';
}

/**
 * The red thread in two parts: what is coming (next first — it is what a family or a health
 * visitor acts on) and what has happened (latest first). Overdue and due entries are still to
 * be done, so they count as coming.
 */
export function groupTimeline(entries: readonly TimelineEntry[]): {
  coming: TimelineEntry[];
  past: TimelineEntry[];
} {
  const byDay = (a: TimelineEntry, b: TimelineEntry) => entryDay(a).localeCompare(entryDay(b));
  const past = entries.filter((e) => e.status === 'done' || e.status === 'cancelled');
  const coming = entries.filter((e) => !past.includes(e));
  return { coming: [...coming].sort(byDay), past: [...past].sort(byDay).reverse() };
}

/** A number parameter from an entry (e.g. the session's number), or null. */
export function numberParam(entry: Pick<TimelineEntry, 'params'>, name: string): number | null {
  const value = entry.params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A text parameter from an entry, or null when it is missing or not text. */
export function textParam(entry: Pick<TimelineEntry, 'params'>, name: string): string | null {
  const value = entry.params[name];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}
