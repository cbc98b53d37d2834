import type { CohortPlan, ConfirmCohortPlanInput, PlannedFamily } from '../../api/api.types';

/** At most 10 couples in a cohort (DESIGN §1); the API refuses more. */
export const maxCouples = 10;

export type GuestRow = { name: string; organisation: string; topic: string; sessionNumber: string };
export type DraftCohort = {
  key: string;
  siteId: string;
  siteName: string;
  language: string;
  families: PlannedFamily[];
  name: string;
  facilitatorUserId: string;
  weekday: string;
  startTime: string;
  durationMinutes: string;
  room: string;
  guests: GuestRow[];
};
export type Waiting = PlannedFamily & { reason: CohortPlan['unassigned'][number]['reason'] | 'removed' };
export type Draft = { cohorts: DraftCohort[]; waiting: Waiting[] };

const byDue = (a: PlannedFamily, b: PlannedFamily) =>
  a.dueDate.localeCompare(b.dueDate) || a.names.localeCompare(b.names, 'da');

/** The preview as a draft the programme lead adjusts; `name` gives each cohort its first name. */
export function draftFrom(plan: CohortPlan, name: (c: CohortPlan['cohorts'][number]) => string): Draft {
  return {
    cohorts: plan.cohorts.map((c, i) => ({
      key: `cohort-${i + 1}`,
      siteId: c.siteId,
      siteName: c.siteName,
      language: c.language,
      families: [...c.families].sort(byDue),
      name: name(c),
      facilitatorUserId: '',
      weekday: '2',
      startTime: '17:00',
      durationMinutes: '120',
      room: '',
      guests: [],
    })),
    waiting: plan.unassigned.map((u) => ({ ...u })),
  };
}

function take(draft: Draft, enrollmentId: string): { draft: Draft; family: PlannedFamily | null } {
  let family: PlannedFamily | null = null;
  const cohorts = draft.cohorts.map((c) => {
    const found = c.families.find((f) => f.enrollmentId === enrollmentId);
    if (found) family = found;
    return found ? { ...c, families: c.families.filter((f) => f.enrollmentId !== enrollmentId) } : c;
  });
  const waitingFound = draft.waiting.find((w) => w.enrollmentId === enrollmentId);
  if (waitingFound) {
    const { reason: _r, ...rest } = waitingFound;
    family = rest;
  }
  return {
    draft: { cohorts, waiting: draft.waiting.filter((w) => w.enrollmentId !== enrollmentId) },
    family,
  };
}

/** Moves a family to another cohort, or (to: null) out of the plan, back to the waiting families. */
export function moveFamily(draft: Draft, enrollmentId: string, to: string | null): Draft {
  const { draft: without, family } = take(draft, enrollmentId);
  if (!family) return draft;
  if (to === null) return { ...without, waiting: [...without.waiting, { ...family, reason: 'removed' }] };
  return {
    ...without,
    cohorts: without.cohorts.map((c) =>
      c.key === to ? { ...c, families: [...c.families, family].sort(byDue) } : c,
    ),
  };
}

export function updateCohort(draft: Draft, key: string, change: Partial<DraftCohort>): Draft {
  return { ...draft, cohorts: draft.cohorts.map((c) => (c.key === key ? { ...c, ...change } : c)) };
}

/** Days between the earliest and the latest due date. */
export function spreadOf(families: readonly PlannedFamily[]): number {
  if (families.length < 2) return 0;
  const dues = families.map((f) => Date.parse(`${f.dueDate}T12:00:00Z`));
  return Math.round((Math.max(...dues) - Math.min(...dues)) / 86_400_000);
}

export function dueRangeOf(families: readonly PlannedFamily[]): { from: string; to: string } | null {
  if (families.length === 0) return null;
  const sorted = families.map((f) => f.dueDate).sort();
  return { from: sorted[0] as string, to: sorted.at(-1) as string };
}

/** The plan's figures as the lead has adjusted it (the preview's `stats` describe the first proposal). */
export function statsOf(draft: Draft) {
  const used = draft.cohorts.filter((c) => c.families.length > 0);
  const spreads = used.map((c) => spreadOf(c.families)).sort((a, b) => a - b);
  const couples = used.reduce((n, c) => n + c.families.length, 0);
  const mid = Math.floor(spreads.length / 2);
  const median =
    spreads.length === 0
      ? 0
      : spreads.length % 2 === 1
        ? (spreads[mid] as number)
        : ((spreads[mid - 1] as number) + (spreads[mid] as number)) / 2;
  return {
    cohorts: used.length,
    couples,
    medianSpread: median,
    maxSpread: spreads.at(-1) ?? 0,
    fillRate: used.length === 0 ? 0 : couples / (used.length * maxCouples),
  };
}

export type DraftProblem =
  | {
      cohort: string;
      field: 'name' | 'facilitatorUserId' | 'startTime' | 'durationMinutes' | 'families';
      code: string;
    }
  | { cohort: string; field: 'guest'; index: number; part: keyof GuestRow; code: string };

const whole = (s: string, min: number, max: number) =>
  /^\d+$/.test(s.trim()) && Number(s) >= min && Number(s) <= max;

/** What must be right before the plan is sent: the same rules as confirmCohortPlan's body. */
export function checkDraft(draft: Draft, sessionCount: number): DraftProblem[] {
  const problems: DraftProblem[] = [];
  for (const c of draft.cohorts) {
    if (c.families.length === 0) continue;
    if (c.families.length > maxCouples) problems.push({ cohort: c.key, field: 'families', code: 'too_many' });
    if (c.name.trim() === '') problems.push({ cohort: c.key, field: 'name', code: 'required' });
    if (c.facilitatorUserId === '')
      problems.push({ cohort: c.key, field: 'facilitatorUserId', code: 'required' });
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(c.startTime))
      problems.push({ cohort: c.key, field: 'startTime', code: 'invalid' });
    if (!whole(c.durationMinutes, 30, 300))
      problems.push({ cohort: c.key, field: 'durationMinutes', code: 'invalid' });
    c.guests.forEach((g, index) => {
      for (const part of ['name', 'organisation', 'topic'] as const) {
        if (g[part].trim() === '')
          problems.push({ cohort: c.key, field: 'guest', index, part, code: 'required' });
      }
      if (!whole(g.sessionNumber, 1, sessionCount))
        problems.push({ cohort: c.key, field: 'guest', index, part: 'sessionNumber', code: 'invalid' });
    });
  }
  return problems;
}

/** The body for confirmCohortPlan: cohorts with families only, in the draft's order. */
export function toConfirmBody(offerId: string, draft: Draft): ConfirmCohortPlanInput {
  return {
    offerId,
    cohorts: draft.cohorts
      .filter((c) => c.families.length > 0)
      .map((c) => ({
        name: c.name.trim(),
        siteId: c.siteId,
        language: c.language,
        enrollmentIds: c.families.map((f) => f.enrollmentId),
        facilitatorUserId: c.facilitatorUserId,
        startTime: c.startTime,
        weekday: Number(c.weekday),
        durationMinutes: Number(c.durationMinutes),
        ...(c.room.trim() ? { room: c.room.trim() } : {}),
        guestPresenters: c.guests.map((g) => ({
          name: g.name.trim(),
          organisation: g.organisation.trim(),
          topic: g.topic.trim(),
          sessionNumber: Number(g.sessionNumber),
        })),
      })),
  };
}
