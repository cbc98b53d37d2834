import type { CourseSession } from '../../api/api.types';

/** Upcoming sessions first (soonest first); those that have ended after them (latest first). */
export function splitSessions(sessions: readonly CourseSession[], now: Date = new Date()) {
  const t = now.getTime();
  const upcoming = sessions
    .filter((s) => new Date(s.endsAt).getTime() >= t)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = sessions
    .filter((s) => new Date(s.endsAt).getTime() < t)
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return { upcoming, past };
}

export type FamilyCohort = {
  id: string;
  name: string;
  offerName: string;
  lastEndsAt: string;
  ended: boolean;
};

/** The family's cohorts, from its sessions; a cohort has ended when its last session has. */
export function cohortsOf(sessions: readonly CourseSession[], now: Date = new Date()): FamilyCohort[] {
  const byId = new Map<string, FamilyCohort>();
  for (const s of sessions) {
    if (!s.cohort) continue;
    const seen = byId.get(s.cohort.id);
    const last = seen && seen.lastEndsAt > s.endsAt ? seen.lastEndsAt : s.endsAt;
    byId.set(s.cohort.id, {
      id: s.cohort.id,
      name: s.cohort.name,
      offerName: s.offer.name,
      lastEndsAt: last,
      ended: new Date(last).getTime() < now.getTime(),
    });
  }
  return [...byId.values()];
}

/** The same address with webcal:, which phones hand to their calendar app. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:/, 'webcal:');
}
