/**
 * The facts the indicators are computed from: one row per thing that happened, with only what
 * the definitions need and no one's identity. The server extracts them; the tests build them.
 * Dates are YYYY-MM-DD in Europe/Copenhagen.
 */
import type { CounsellingOutcome } from '../counselling/counselling-rules';

export type ParentRole = 'mother' | 'father' | 'co_parent';

/** Where a family lives and how it is cared for: the usual breakdowns. */
export type FamilyDims = {
  district: string;
  language: string;
  careLevel?: 1 | 2 | 3 | 4 | null;
};

/** A pregnancy registered as the family's first child (Familieiværksætterne's target group). */
export type FirstPregnancyFact = FamilyDims & {
  dueDate: string;
  /** Enrolled (or completed) in a course for first-time parents. */
  enrolled: boolean;
};

/** One parent's place on a course. */
export type CourseParticipantFact = FamilyDims & {
  offerId: string;
  parentRole: ParentRole;
  /** The cohort's first session: the course is counted in that month. */
  courseStart: string;
  sessionsAttended: number;
  status: 'enrolled' | 'completed' | 'dropped_out';
  /** The cohort's last session has been held. */
  courseEnded: boolean;
};

/** A programme visit whose window has closed (due), done or not. */
export type DueVisitFact = FamilyDims & {
  visitType: string;
  windowStart: string;
  windowEnd: string;
  doneOn: string | null;
};

/** A live birth and the first health-visiting visit after it. */
export type BirthFact = FamilyDims & {
  birthDate: string;
  /** From the birth notification; null when the birth was at home or the date is missing. */
  dischargeDate: string | null;
  firstVisitOn: string | null;
};

/** A parent who should have been offered EPDS (the child reached the screening visit). */
export type EpdsEligibleFact = FamilyDims & {
  eligibleOn: string;
  parentRole: ParentRole;
  screened: boolean;
};

/** One EPDS screening and what followed. */
export type EpdsScreeningFact = FamilyDims & {
  screenedOn: string;
  parentRole: ParentRole;
  positive: boolean;
  /** A documented follow-up (repeat screening, conversation or referral) after a positive. */
  followUpOn: string | null;
  /** Any answer above 0 on item 10. */
  item10Alert: boolean;
  alertHandledOn: string | null;
};

export type ReferralFact = {
  district: string;
  offerId: string | null;
  sentOn: string;
  deadline: string;
  acknowledgedOn: string | null;
  acceptedOn: string | null;
  /** The day the facts were read: a referral still inside its deadline is not late yet. */
  asOf: string;
};

/** A family with an open need, measured at a month's end (or today for the running month). */
export type OpenNeedSnapshotFact = FamilyDims & {
  measuredOn: string;
  hasCoordinator: boolean;
  referralOverdue: boolean;
};

export type CounsellingCaseFact = {
  district: string;
  openedOn: string;
  closedOn: string | null;
  outcome: CounsellingOutcome | null;
  /** Each goal's first and last score (0–10). */
  goals: readonly { first: number; last: number }[];
  asOf: string;
};

export type AnonymousContactFact = {
  contactOn: string;
  topics: readonly string[];
};

/** A child's 8–10-month visit. */
export type DevelopmentVisitFact = FamilyDims & {
  visitOn: string;
  developmentConcern: boolean;
};

export type ReadmissionCause = 'dehydration' | 'jaundice' | 'poor_thriving' | 'feeding_problems' | 'other';

/** A live birth and the child's hospital admissions imported from the region. */
export type LiveBirthFact = FamilyDims & {
  birthDate: string;
  admissions: readonly { admittedOn: string; cause: ReadmissionCause }[];
};

export type SurveyQuestion = 'can_act' | 'heard' | 'satisfied';

/** One answer (1–5) to one question of a satisfaction survey. */
export type SurveyAnswerFact = {
  answeredOn: string;
  offerId: string;
  question: SurveyQuestion;
  score: number;
};
