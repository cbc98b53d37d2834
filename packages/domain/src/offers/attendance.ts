/**
 * A family that misses two sessions in a row is at risk of dropping out: its coordinator gets a
 * task to call. `held` lists the family's attendance at each held session in date order — true
 * when at least one of its parents came.
 */
export function missedTwoInARow(held: readonly boolean[]): boolean {
  return held.length >= 2 && held.at(-1) === false && held.at(-2) === false;
}

export type CohortFigures = {
  sessionsHeld: number;
  families: number;
  /** Attended sessions per enrolled parent, by role: mothers and fathers/co-parents counted apart. */
  perParent: { mothers: number; partners: number };
  /** Share of held sessions at which a father or co-parent was present, over families that have one. */
  partnerParticipation: number;
};

export function cohortFigures(
  sessionsHeld: number,
  parents: readonly { role: string; attended: number }[],
  familiesWithPartner: number,
  familyCount: number,
): CohortFigures {
  const mothers = parents.filter((p) => p.role === 'mother');
  const partners = parents.filter((p) => p.role === 'father' || p.role === 'co_parent');
  const avg = (xs: readonly { attended: number }[]) =>
    xs.length === 0 ? 0 : xs.reduce((n, x) => n + x.attended, 0) / xs.length;
  const partnerAttendances = partners.reduce((n, p) => n + p.attended, 0);
  return {
    sessionsHeld,
    families: familyCount,
    perParent: { mothers: avg(mothers), partners: avg(partners) },
    partnerParticipation:
      sessionsHeld === 0 || familiesWithPartner === 0
        ? 0
        : partnerAttendances / (sessionsHeld * familiesWithPartner),
  };
}
