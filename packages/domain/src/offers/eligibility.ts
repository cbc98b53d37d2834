import { dateAtWeek } from '../family/pregnancy';
import { addDays, addMonths, daysBetween } from '../time/calendar';

/**
 * Who an offer is for (DESIGN §3). Every field is optional: an offer without rules is open to
 * all families of its municipalities.
 */
export type EligibilityRules = {
  firstTimeParentsOnly?: boolean;
  /** Pregnancy weeks, inclusive: the family may join from `from`+0 until `to`+6. */
  pregnancyWeeks?: { from: number; to: number };
  /** The child's age in whole months, inclusive. */
  childAgeMonths?: { from: number; to: number };
  /** Municipalities whose residents may join (by organisation id); empty or absent: any. */
  municipalityIds?: string[];
  /** Languages the offer is held in; a family that speaks none of them needs an interpreter. */
  languages?: string[];
  referralOnly?: boolean;
};

export type FamilyFacts = {
  municipalityId: string;
  firstTimeParents: boolean;
  activeDueDate: string | null;
  childBirthDates: string[];
  /** The parents' preferred languages, and whether any of them can follow with an interpreter. */
  languages: string[];
  interpreterAvailable: boolean;
  /** The family is referred to this offer (`isReferredTo`), or a professional refers it now. */
  referred: boolean;
};

/** What the family's referrals and sign-ups say about one offer; see `isReferredTo`. */
export type ReferralFacts = {
  /** Referrals of the family to an offer (the ones the reader may know of), with their status. */
  referrals: readonly { offerId: string; status: string }[];
  /** The family's sign-ups, with their status and waitlist priority. */
  signUps: readonly { offerId: string; status: string; priority: string }[];
};

/**
 * Whether the family counts as referred to the offer — the `referral` rule of a referral-only
 * offer, and "referred first" on its waitlist:
 * - a referral to this very offer that the provider has accepted: accepting is its yes to taking
 *   the family on, so the family may now be signed up (by a professional, or by the parents in
 *   the portal). Requested or received is not yet a yes, rejected is a no, and a completed
 *   referral has done its work and closed the door with the involvement it gave;
 * - or an open sign-up for it that a professional made as a referral (with a reason).
 * A referral to the provider's organisation or unit is not a referral to one of its offers.
 */
export function isReferredTo(offerId: string, facts: ReferralFacts): boolean {
  return (
    facts.referrals.some((r) => r.offerId === offerId && r.status === 'accepted') ||
    facts.signUps.some(
      (e) =>
        e.offerId === offerId &&
        e.priority === 'referred' &&
        ['invited', 'waitlisted', 'enrolled'].includes(e.status),
    )
  );
}

export type RuleName =
  | 'first_time_parents'
  | 'pregnancy_weeks'
  | 'child_age'
  | 'municipality'
  | 'language'
  | 'referral';

export type RuleResult = {
  rule: RuleName;
  ok: boolean;
  /** A window of dates the rule allows, when it is about time. */
  window?: { from: string; to: string };
};

export type Eligibility = {
  /** Every rule holds today. */
  now: boolean;
  /** Every rule but time holds, and the time window opens within `soonDays`. */
  soon: boolean;
  /** When the family can join: the intersection of the time windows, if any. */
  window: { from: string; to: string } | null;
  rules: RuleResult[];
};

export const soonDays = 56;

function intersect(a: { from: string; to: string } | null, b: { from: string; to: string }) {
  if (!a) return b;
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return { from, to };
}

/**
 * Whether a family may join an offer, rule by rule, so staff can see why and parents can see
 * what they may join now and soon. Pure: the same facts and day give the same answer.
 */
export function checkEligibility(rules: EligibilityRules, family: FamilyFacts, today: string): Eligibility {
  const results: RuleResult[] = [];
  let window: { from: string; to: string } | null = null;

  if (rules.firstTimeParentsOnly) results.push({ rule: 'first_time_parents', ok: family.firstTimeParents });
  if (rules.municipalityIds && rules.municipalityIds.length > 0) {
    results.push({ rule: 'municipality', ok: rules.municipalityIds.includes(family.municipalityId) });
  }
  if (rules.languages && rules.languages.length > 0) {
    const speaks = family.languages.some((l) => rules.languages?.includes(l));
    results.push({ rule: 'language', ok: speaks || family.interpreterAvailable });
  }
  if (rules.referralOnly) results.push({ rule: 'referral', ok: family.referred });

  if (rules.pregnancyWeeks) {
    const due = family.activeDueDate;
    if (!due) results.push({ rule: 'pregnancy_weeks', ok: false });
    else {
      const w = {
        from: dateAtWeek(due, rules.pregnancyWeeks.from),
        to: addDays(dateAtWeek(due, rules.pregnancyWeeks.to), 6),
      };
      window = intersect(window, w);
      results.push({ rule: 'pregnancy_weeks', ok: w.from <= today && today <= w.to, window: w });
    }
  }
  if (rules.childAgeMonths) {
    // The youngest child decides; with a pregnancy ongoing, the coming child is considered too.
    const births = [...family.childBirthDates].sort();
    const birth = births.at(-1) ?? family.activeDueDate;
    if (!birth) results.push({ rule: 'child_age', ok: false });
    else {
      const w = {
        from: addMonths(birth, rules.childAgeMonths.from),
        to: addDays(addMonths(birth, rules.childAgeMonths.to + 1), -1),
      };
      window = intersect(window, w);
      results.push({ rule: 'child_age', ok: w.from <= today && today <= w.to, window: w });
    }
  }

  const timeRules: RuleName[] = ['pregnancy_weeks', 'child_age'];
  const others = results.filter((r) => !timeRules.includes(r.rule));
  const timeOk = results.filter((r) => timeRules.includes(r.rule)).every((r) => r.ok);
  const othersOk = others.every((r) => r.ok);
  const validWindow = window && window.from <= window.to ? window : null;
  const opensSoon =
    validWindow !== null && validWindow.from > today && daysBetween(today, validWindow.from) <= soonDays;
  const hasTimeRule = results.some((r) => timeRules.includes(r.rule));
  return {
    now: othersOk && timeOk && (!hasTimeRule || validWindow !== null),
    soon: othersOk && !timeOk && opensSoon,
    window: validWindow,
    rules: results,
  };
}
