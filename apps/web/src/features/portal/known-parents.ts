import type { CourseSession, Enrollment } from '../../api/api.types';

export type KnownParent = { personId: string; name: string; self: boolean };

/**
 * The parents the portal can name. The API tells the portal who is signed in, and each sign-up
 * names its participants; it has no list of the family's parents yet (see docs/web.md), so the
 * other parent is known only from an earlier sign-up.
 */
export function knownParents(
  self: { id: string; name: string },
  enrollments: readonly Enrollment[],
): KnownParent[] {
  const out: KnownParent[] = [{ personId: self.id, name: self.name, self: true }];
  for (const e of enrollments) {
    for (const p of e.participants) {
      if (!out.some((k) => k.personId === p.personId))
        out.push({ personId: p.personId, name: p.name, self: false });
    }
  }
  return out;
}

/** Before the first session a family declines; after it, it drops out (the API's two words). */
export function withdrawalKind(
  enrollment: Enrollment,
  sessions: readonly CourseSession[],
  now: Date = new Date(),
): 'declined' | 'dropped_out' {
  if (!enrollment.cohortId) return 'declined';
  const begun = sessions.some(
    (s) => s.cohort?.id === enrollment.cohortId && new Date(s.startsAt).getTime() <= now.getTime(),
  );
  return begun ? 'dropped_out' : 'declined';
}

export const openStatuses: readonly Enrollment['status'][] = ['invited', 'waitlisted', 'enrolled'];
