import { addDays, daysBetween } from '../time/calendar';

/**
 * Individual family counselling (DESIGN §1): a long-term case at a housing-area social secretariat
 * or the municipality, with goals scaled 0–10 over time, contacts, collaborating parties, and an
 * outcome when it closes (Vollsmose 2017: 58 families counselled, 23 closed as no longer needing
 * special support).
 */

export const counsellingOutcomes = [
  'no_special_support',
  'municipal_measure',
  'moved',
  'ended_by_family',
  'other',
] as const;
export type CounsellingOutcome = (typeof counsellingOutcomes)[number];

export const counsellingOpenedFrom = ['referral', 'own_request'] as const;
export type CounsellingOpenedFrom = (typeof counsellingOpenedFrom)[number];

export const counsellingContactForms = [
  'home_visit',
  'office',
  'phone',
  'video',
  'with_partner',
  'other',
] as const;
export type CounsellingContactForm = (typeof counsellingContactForms)[number];

export const counsellingParticipants = [
  'mother',
  'father_co_parent',
  'child',
  'siblings',
  'daycare',
  'health_visitor',
  'school',
  'other',
] as const;
export type CounsellingParticipant = (typeof counsellingParticipants)[number];

export const counsellingPartyKinds = [
  'daycare',
  'childminder',
  'health_visiting',
  'school',
  'other',
] as const;
export type CounsellingPartyKind = (typeof counsellingPartyKinds)[number];

/** The scale families and counsellors use together: 0 is "not at all", 10 "the goal is reached". */
export const goalScale = { min: 0, max: 10 } as const;

/** A contact longer than a working day is a typing mistake, not a meeting. */
export const contactMaxMinutes = 600;

export type CounsellingProblem = { path: string; code: string; message: string };

/**
 * A day something happened in the case (a contact, a score, the closing): not before the case was
 * opened, and not in the future — a counsellor records what has happened.
 */
export function checkCaseDay(
  path: string,
  day: string,
  openedOn: string,
  today: string,
): CounsellingProblem[] {
  if (addDays(day, 0) !== day) return [{ path, code: 'invalid_date', message: 'Not a date in the calendar' }];
  if (day > today) return [{ path, code: 'in_future', message: 'The day has not come yet' }];
  if (day < openedOn)
    return [{ path, code: 'before_opened', message: 'The day is before the case was opened' }];
  return [];
}

/** Closing: an outcome always; "other" says what in the note. */
export function checkClosing(
  c: { closedOn: string; outcome: CounsellingOutcome; note: string | null },
  openedOn: string,
  today: string,
): CounsellingProblem[] {
  const problems = checkCaseDay('closedOn', c.closedOn, openedOn, today);
  if (c.outcome === 'other' && !c.note?.trim())
    problems.push({ path: 'note', code: 'required', message: 'Say what the outcome was' });
  return problems;
}

export type GoalProgress = {
  first: number | null;
  latest: number | null;
  /** latest − first; null until the goal has been scored twice. */
  change: number | null;
  scored: number;
};

/**
 * Where a goal started and where it stands now: the first and the latest score by day (and by the
 * moment it was recorded, for two on one day).
 */
export function goalProgress(
  scores: readonly { score: number; scoredOn: string; scoredAt: string }[],
): GoalProgress {
  if (scores.length === 0) return { first: null, latest: null, change: null, scored: 0 };
  const sorted = [...scores].sort((a, b) =>
    a.scoredOn !== b.scoredOn ? (a.scoredOn < b.scoredOn ? -1 : 1) : a.scoredAt < b.scoredAt ? -1 : 1,
  );
  const first = (sorted[0] as { score: number }).score;
  const latest = (sorted[sorted.length - 1] as { score: number }).score;
  return { first, latest, change: sorted.length > 1 ? latest - first : null, scored: sorted.length };
}

/** The median of whole numbers; the mean of the middle two for an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A share as a fraction 0–1, or null when there is nothing to divide by. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function yearBounds(year: number): { from: string; to: string } {
  const y = String(year).padStart(4, '0');
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

export type CaseForFigures = {
  familyId: string;
  openedOn: string;
  closedOn: string | null;
  outcome: CounsellingOutcome | null;
  goalsImproved?: number;
  goalsScoredTwice?: number;
};

export type CounsellingYearFigures = {
  year: number;
  /** Families with a case open at any time in the year. */
  familiesCounselled: number;
  casesOpened: number;
  casesClosed: number;
  /** Still open on the year's last day (or today, for the current year). */
  openAtEnd: number;
  outcomes: Record<CounsellingOutcome, number>;
  noSpecialSupport: { count: number; shareOfClosed: number | null; shareOfFamilies: number | null };
  /** Of the cases closed in the year: from opening to closing, in days. */
  medianDurationDays: number | null;
  /** Goals of the cases closed in the year scored at least twice, and how many of them rose. */
  goals: { scoredTwice: number; improved: number };
};

/**
 * One organisation's figures for a calendar year (DESIGN §1 outcomes: "counselling outcomes"),
 * from its cases that were open at some time in the year. Days are Danish calendar days.
 */
export function counsellingYearFigures(
  year: number,
  cases: readonly CaseForFigures[],
  today: string,
): CounsellingYearFigures {
  const { from, to } = yearBounds(year);
  const end = today < to ? today : to;
  const inYear = cases.filter((c) => c.openedOn <= to && (c.closedOn === null || c.closedOn >= from));
  const closed = inYear.filter((c) => c.closedOn !== null && c.closedOn <= to);
  const outcomes = Object.fromEntries(counsellingOutcomes.map((o) => [o, 0])) as Record<
    CounsellingOutcome,
    number
  >;
  for (const c of closed) if (c.outcome) outcomes[c.outcome] += 1;
  const families = new Set(inYear.map((c) => c.familyId)).size;
  const nss = outcomes.no_special_support;
  return {
    year,
    familiesCounselled: families,
    casesOpened: inYear.filter((c) => c.openedOn >= from).length,
    casesClosed: closed.length,
    openAtEnd: inYear.filter((c) => c.openedOn <= end && (c.closedOn === null || c.closedOn > end)).length,
    outcomes,
    noSpecialSupport: {
      count: nss,
      shareOfClosed: share(nss, closed.length),
      shareOfFamilies: share(nss, families),
    },
    medianDurationDays: median(closed.map((c) => daysBetween(c.openedOn, c.closedOn as string))),
    goals: {
      scoredTwice: closed.reduce((n, c) => n + (c.goalsScoredTwice ?? 0), 0),
      improved: closed.reduce((n, c) => n + (c.goalsImproved ?? 0), 0),
    },
  };
}
