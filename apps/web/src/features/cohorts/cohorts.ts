import type { CourseSession, SessionParticipant } from '../../api/api.types';

export type CohortSummary = {
  id: string;
  name: string;
  offer: { id: string; name: string };
  place: string;
  facilitator: { id: string; name: string } | null;
  total: number;
  held: number;
  next: CourseSession | null;
  last: CourseSession | null;
  ended: boolean;
};

const started = (s: CourseSession, now: Date) => new Date(s.startsAt).getTime() <= now.getTime();

/** The cohorts behind a list of sessions: running ones first (by their next session), ended ones last. */
export function summariseCohorts(
  sessions: readonly CourseSession[],
  now: Date = new Date(),
): CohortSummary[] {
  const groups = new Map<string, CourseSession[]>();
  for (const s of sessions) {
    if (!s.cohort) continue;
    groups.set(s.cohort.id, [...(groups.get(s.cohort.id) ?? []), s]);
  }
  const out: CohortSummary[] = [];
  for (const [id, list] of groups) {
    const sorted = [...list].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const first = sorted[0] as CourseSession;
    const next = sorted.find((s) => !started(s, now) && s.status !== 'cancelled') ?? null;
    out.push({
      id,
      name: first.cohort?.name ?? '',
      offer: first.offer,
      place: first.place,
      facilitator: first.facilitator,
      total: sorted.filter((s) => s.status !== 'cancelled').length,
      held: sorted.filter((s) => s.status === 'held').length,
      next,
      last: sorted.filter((s) => started(s, now)).at(-1) ?? null,
      ended: next === null,
    });
  }
  return out.sort((a, b) => {
    if (a.ended !== b.ended) return a.ended ? 1 : -1;
    const an = a.next?.startsAt ?? a.last?.startsAt ?? '';
    const bn = b.next?.startsAt ?? b.last?.startsAt ?? '';
    return a.ended ? bn.localeCompare(an) : an.localeCompare(bn);
  });
}

/** The server takes attendance from 12 hours before a session starts (recordAttendance). */
export const checkInOpensHoursBefore = 12;

export function checkInOpensAt(session: CourseSession): Date {
  return new Date(new Date(session.startsAt).getTime() - checkInOpensHoursBefore * 3_600_000);
}

export function mayCheckIn(session: CourseSession, now: Date = new Date()): boolean {
  return session.status !== 'cancelled' && checkInOpensAt(session).getTime() <= now.getTime();
}

const roleOrder: Record<string, number> = { mother: 0, father: 1, co_parent: 1, other_caregiver: 2 };

/** Each family's parents together, mother first: the facilitator checks them in one by one. */
export function byFamily(participants: readonly SessionParticipant[]): SessionParticipant[][] {
  const groups = new Map<string, SessionParticipant[]>();
  for (const p of participants) groups.set(p.familyId, [...(groups.get(p.familyId) ?? []), p]);
  return [...groups.values()]
    .map((g) => [...g].sort((a, b) => (roleOrder[a.role] ?? 3) - (roleOrder[b.role] ?? 3)))
    .sort((a, b) => (a[0]?.name ?? '').localeCompare(b[0]?.name ?? '', 'da'));
}
