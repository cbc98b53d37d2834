import type { CourseSession, Enrollment } from '../../api/api.types';

export type KnownParent = { personId: string; name: string; self: boolean };

/**
 * The parents who can take part: the family's parents from the API (the signed-in parent
 * first), and anyone an earlier sign-up named who is not among them.
 */
export function knownParents(
  self: { id: string; name: string },
  familyParents: readonly { personId: string; name: string }[],
  enrollments: readonly Enrollment[],
): KnownParent[] {
  const out: KnownParent[] = [{ personId: self.id, name: self.name, self: true }];
  const add = (p: { personId: string; name: string }) => {
    if (!out.some((k) => k.personId === p.personId))
      out.push({ personId: p.personId, name: p.name, self: false });
  };
  for (const p of familyParents) add(p);
  for (const e of enrollments) for (const p of e.participants) add(p);
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
