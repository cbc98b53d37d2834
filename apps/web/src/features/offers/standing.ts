import type { Eligibility, OfferForFamily, RuleResult } from '../../api/api.types';

/**
 * Where a family stands with an offer, from the API's eligibility answer: signed up already,
 * can join now, soon (the time window opens within eight weeks), later (it opens after that),
 * too late (the window has closed), or not at all (a rule other than time says no).
 */
export type Standing =
  | { kind: 'signed_up'; status: string; enrollmentId: string }
  | { kind: 'now' }
  | { kind: 'soon'; from: string }
  | { kind: 'later'; from: string }
  | { kind: 'passed' }
  | { kind: 'not'; failing: RuleResult['rule'][] };

const timeRules: readonly RuleResult['rule'][] = ['pregnancy_weeks', 'child_age'];
const open = ['invited', 'waitlisted', 'enrolled'];

export function standingOf(e: Eligibility, today: string): Standing {
  if (e.enrollment && open.includes(e.enrollment.status))
    return { kind: 'signed_up', status: e.enrollment.status, enrollmentId: e.enrollment.id };
  if (e.now) return { kind: 'now' };
  const failing = e.rules.filter((r) => !r.ok).map((r) => r.rule);
  const otherFailing = failing.filter((r) => !timeRules.includes(r));
  if (otherFailing.length > 0) return { kind: 'not', failing: otherFailing };
  if (e.window && e.window.from > today)
    return e.soon ? { kind: 'soon', from: e.window.from } : { kind: 'later', from: e.window.from };
  if (e.window && e.window.to < today) return { kind: 'passed' };
  // A time rule without a window: no pregnancy or child the rule can measure.
  return { kind: 'not', failing };
}

/** The order parents and staff meet offers in: what they can do now first. */
const order: Record<Standing['kind'], number> = {
  signed_up: 0,
  now: 1,
  soon: 2,
  later: 3,
  not: 4,
  passed: 5,
};

export function byStanding(today: string) {
  return (a: OfferForFamily, b: OfferForFamily): number => {
    const sa = a.forFamily ? order[standingOf(a.forFamily, today).kind] : 9;
    const sb = b.forFamily ? order[standingOf(b.forFamily, today).kind] : 9;
    return sa - sb || a.name.localeCompare(b.name, 'da');
  };
}

/** The state of one rule, as the words need it. */
export type RuleState = 'ok' | 'no' | 'notYet' | 'passed' | 'unknown';

export function ruleState(r: RuleResult, today: string): RuleState {
  if (r.ok) return 'ok';
  if (!timeRules.includes(r.rule)) return 'no';
  if (!r.window) return 'unknown';
  if (r.window.from > today) return 'notYet';
  return 'passed';
}

/** Today in Copenhagen as YYYY-MM-DD, the calendar the API's windows are in. */
export function copenhagenToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
