/**
 * "Mellem to stole" (DESIGN §1, §5): a family with an open need and nobody to hold the thread.
 * The kinds of open need; each is found by a source the server registers, so later steps (the
 * referral module, counselling cases) add theirs without this list's consumers changing.
 */
export const openNeedKinds = [
  'positive_screening',
  'course_dropout',
  'coordinator_task',
  'open_referral',
  'referral_overdue',
  'open_counselling_case',
] as const;
export type OpenNeedKind = (typeof openNeedKinds)[number];

/** How far back a need still counts as open when nothing closed it. */
export const openNeedLookback = { screeningDays: 365, dropoutDays: 180 } as const;

/** The one task per family the list makes for the programme lead's organisation. */
export function betweenChairsTaskKey(familyId: string): string {
  return `between_chairs:${familyId}`;
}

export type OpenNeed = { kind: OpenNeedKind; since: string };

/**
 * One family's needs as the list shows them: one per kind (its earliest date), oldest first,
 * and since when the family has had any of them.
 */
export function summariseNeeds(needs: readonly OpenNeed[]): { needs: OpenNeed[]; since: string | null } {
  const first = new Map<OpenNeedKind, string>();
  for (const n of needs) {
    const seen = first.get(n.kind);
    if (seen === undefined || n.since < seen) first.set(n.kind, n.since);
  }
  const out = [...first].map(([kind, since]) => ({ kind, since }));
  out.sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.kind < b.kind ? -1 : 1));
  return { needs: out, since: out[0]?.since ?? null };
}
