import { addDays, daysBetween } from '../time/calendar';
import type {
  AnonymousContactFact,
  BirthFact,
  CounsellingCaseFact,
  CourseParticipantFact,
  DevelopmentVisitFact,
  DueVisitFact,
  EpdsEligibleFact,
  EpdsScreeningFact,
  FamilyDims,
  FirstPregnancyFact,
  LiveBirthFact,
  OpenNeedSnapshotFact,
  ReadmissionCause,
  ReferralFact,
  SurveyAnswerFact,
} from './indicator-facts';
import { type Contribution, defineIndicator } from './indicator-model';

const family = (f: FamilyDims) => ({
  district: f.district,
  language: f.language,
  ...(f.careLevel ? { care_level: String(f.careLevel) } : {}),
});
const familyDimensions = ['district', 'language', 'care_level'] as const;
const one = (yes: boolean) => (yes ? 1 : 0);
const within = (from: string, to: string | null, days: number) =>
  to !== null && to >= from && daysBetween(from, to) <= days;

/** Familieiværksætterne's reach (the Aarhus trial reached 80 %). */
export const reachIndicator = defineIndicator<FirstPregnancyFact>({
  id: 'reach',
  unit: 'share',
  timing: 'during',
  dimensions: familyDimensions,
  words: {
    numerator: 'first-time pregnancies with the due date in the period that are enrolled in a course',
    denominator: 'first-time pregnancies with the due date in the period registered in Familiespor',
    dated: 'due date',
  },
  contributions: (f) => [{ date: f.dueDate, dims: family(f), numerator: one(f.enrolled), denominator: 1 }],
});

const course = (f: CourseParticipantFact) => ({ ...family(f), offer: f.offerId, parent_role: f.parentRole });
const courseDimensions = ['offer', 'parent_role', ...familyDimensions] as const;

/** Sessions attended per enrolled parent (Aarhus: mothers 8.4, partners 7.9 of 12). */
export const attendanceIndicator = defineIndicator<CourseParticipantFact>({
  id: 'attendance',
  unit: 'mean',
  timing: 'during',
  dimensions: courseDimensions,
  words: {
    numerator: 'sessions attended by the enrolled parents of courses that started in the period',
    denominator: 'parents enrolled on those courses',
    dated: 'the course’s first session',
  },
  contributions: (f) => [
    { date: f.courseStart, dims: course(f), numerator: f.sessionsAttended, denominator: 1 },
  ],
});

export const completionIndicator = defineIndicator<CourseParticipantFact>({
  id: 'completion',
  unit: 'share',
  timing: 'during',
  dimensions: courseDimensions,
  words: {
    numerator: 'parents who completed the course',
    denominator: 'parents enrolled on courses that started in the period and have ended, or who dropped out',
    dated: 'the course’s first session',
  },
  contributions: (f) =>
    f.courseEnded || f.status === 'dropped_out'
      ? [{ date: f.courseStart, dims: course(f), numerator: one(f.status === 'completed'), denominator: 1 }]
      : [],
});

export const dropoutIndicator = defineIndicator<CourseParticipantFact>({
  id: 'dropout',
  unit: 'share',
  timing: 'during',
  dimensions: courseDimensions,
  words: {
    numerator: 'parents who dropped out',
    denominator: 'parents enrolled on courses that started in the period',
    dated: 'the course’s first session',
  },
  contributions: (f) => [
    { date: f.courseStart, dims: course(f), numerator: one(f.status === 'dropped_out'), denominator: 1 },
  ],
});

export const visitTimelinessIndicator = defineIndicator<DueVisitFact>({
  id: 'visit_timeliness',
  unit: 'share',
  timing: 'during',
  dimensions: ['visit_type', ...familyDimensions],
  words: {
    numerator: 'visits done inside their window',
    denominator: 'visits whose window closed in the period',
    dated: 'the window’s last day',
  },
  contributions: (f) => [
    {
      date: f.windowEnd,
      dims: { ...family(f), visit_type: f.visitType },
      numerator: one(f.doneOn !== null && f.doneOn >= f.windowStart && f.doneOn <= f.windowEnd),
      denominator: 1,
    },
  ],
});

/** The first visit within 14 days of coming home from the birthplace (of the birth when at home). */
export const earlyVisitIndicator = defineIndicator<BirthFact>({
  id: 'early_visit',
  unit: 'share',
  timing: 'during',
  dimensions: familyDimensions,
  words: {
    numerator: 'births with a health-visiting visit within 14 days of discharge',
    denominator: 'births in the period',
    dated: 'birth date',
  },
  contributions: (f) => [
    {
      date: f.birthDate,
      dims: family(f),
      numerator: one(within(f.dischargeDate ?? f.birthDate, f.firstVisitOn, 14)),
      denominator: 1,
    },
  ],
});

const epdsDimensions = ['parent_role', ...familyDimensions] as const;

export const epdsCoverageIndicator = defineIndicator<EpdsEligibleFact>({
  id: 'epds_coverage',
  unit: 'share',
  timing: 'during',
  dimensions: epdsDimensions,
  words: {
    numerator: 'parents screened with EPDS',
    denominator: 'parents whose child reached the screening visit in the period',
    dated: 'the day the child reached the screening visit',
  },
  contributions: (f) => [
    {
      date: f.eligibleOn,
      dims: { ...family(f), parent_role: f.parentRole },
      numerator: one(f.screened),
      denominator: 1,
    },
  ],
});

export const epdsPositiveRateIndicator = defineIndicator<EpdsScreeningFact>({
  id: 'epds_positive',
  unit: 'share',
  timing: 'during',
  dimensions: epdsDimensions,
  words: {
    numerator: 'screenings at or above the cut-off',
    denominator: 'screenings in the period',
    dated: 'screening date',
  },
  contributions: (f) => [
    {
      date: f.screenedOn,
      dims: { ...family(f), parent_role: f.parentRole },
      numerator: one(f.positive),
      denominator: 1,
    },
  ],
});

export const epdsFollowUpIndicator = defineIndicator<EpdsScreeningFact>({
  id: 'epds_follow_up',
  unit: 'share',
  timing: 'during',
  dimensions: epdsDimensions,
  words: {
    numerator: 'positive screenings with a documented follow-up within 14 days',
    denominator: 'positive screenings in the period',
    dated: 'screening date',
  },
  contributions: (f) =>
    f.positive
      ? [
          {
            date: f.screenedOn,
            dims: { ...family(f), parent_role: f.parentRole },
            numerator: one(within(f.screenedOn, f.followUpOn, 14)),
            denominator: 1,
          },
        ]
      : [],
});

export const item10SameDayIndicator = defineIndicator<EpdsScreeningFact>({
  id: 'epds_item10_same_day',
  unit: 'share',
  timing: 'during',
  dimensions: epdsDimensions,
  words: {
    numerator: 'item-10 alerts handled the same day',
    denominator: 'item-10 alerts (any answer above 0 on self-harm) in the period',
    dated: 'screening date',
  },
  contributions: (f) =>
    f.item10Alert
      ? [
          {
            date: f.screenedOn,
            dims: { ...family(f), parent_role: f.parentRole },
            numerator: one(f.alertHandledOn === f.screenedOn),
            denominator: 1,
          },
        ]
      : [],
});

const referralDims = (f: ReferralFact) => ({
  district: f.district,
  ...(f.offerId ? { offer: f.offerId } : {}),
});

export const referralOnTimeIndicator = defineIndicator<ReferralFact>({
  id: 'referral_on_time',
  unit: 'share',
  timing: 'during',
  dimensions: ['district', 'offer'],
  words: {
    numerator: 'referrals acknowledged on or before their deadline',
    denominator: 'referrals sent in the period that were acknowledged or whose deadline has passed',
    dated: 'the day the referral was sent',
  },
  contributions: (f) =>
    f.acknowledgedOn !== null || f.deadline < f.asOf
      ? [
          {
            date: f.sentOn,
            dims: referralDims(f),
            numerator: one(f.acknowledgedOn !== null && f.acknowledgedOn <= f.deadline),
            denominator: 1,
          },
        ]
      : [],
});

export const referralDaysToAcceptanceIndicator = defineIndicator<ReferralFact>({
  id: 'referral_days_to_acceptance',
  unit: 'median',
  timing: 'during',
  dimensions: ['district', 'offer'],
  words: {
    numerator: 'median calendar days from sending to acceptance',
    denominator: null,
    dated: 'the day the referral was accepted',
  },
  contributions: (f) =>
    f.acceptedOn
      ? [{ date: f.acceptedOn, dims: referralDims(f), value: daysBetween(f.sentOn, f.acceptedOn) }]
      : [],
});

export const coordinatorCoverageIndicator = defineIndicator<OpenNeedSnapshotFact>({
  id: 'coordinator_coverage',
  unit: 'share',
  timing: 'at_end',
  dimensions: familyDimensions,
  words: {
    numerator: 'families with an open need and an active coordinator',
    denominator: 'families with an open need, at the end of the period',
    dated: 'the day it was measured (each month’s end)',
  },
  contributions: (f) => [
    { date: f.measuredOn, dims: family(f), numerator: one(f.hasCoordinator), denominator: 1 },
  ],
});

export const betweenChairsIndicator = defineIndicator<OpenNeedSnapshotFact>({
  id: 'between_chairs',
  unit: 'count',
  timing: 'at_end',
  dimensions: familyDimensions,
  words: {
    numerator:
      'families with an open need and no active coordinator, or a referral overdue, at the end of the period',
    denominator: null,
    dated: 'the day it was measured (each month’s end)',
  },
  contributions: (f) => [
    { date: f.measuredOn, dims: family(f), numerator: one(!f.hasCoordinator || f.referralOverdue) },
  ],
});

const firstOfNextMonth = (date: string) => `${addDays(`${date.slice(0, 7)}-01`, 32).slice(0, 7)}-01`;

export const counsellingFamiliesIndicator = defineIndicator<CounsellingCaseFact>({
  id: 'counselling_families',
  unit: 'stock_flow',
  timing: 'during',
  dimensions: ['district'],
  words: {
    numerator: 'families counselled: cases open at the start of the period plus cases opened during it',
    denominator: null,
    dated: 'the day the case opened, and each month’s first day while it stays open',
  },
  contributions: (f) => {
    const dims = { district: f.district };
    const out: Contribution[] = [{ date: f.openedOn, dims, numerator: 1 }];
    const end = f.closedOn ?? f.asOf;
    for (let d = firstOfNextMonth(f.openedOn); d <= end; d = firstOfNextMonth(d)) {
      out.push({ date: d, dims, numerator: 1, stock: true });
    }
    return out;
  },
});

export const counsellingNoSpecialSupportIndicator = defineIndicator<CounsellingCaseFact>({
  id: 'counselling_no_special_support',
  unit: 'share',
  timing: 'during',
  dimensions: ['district'],
  words: {
    numerator: 'cases closed as “no longer needs special support”',
    denominator: 'cases closed in the period',
    dated: 'the day the case closed',
  },
  contributions: (f) =>
    f.closedOn
      ? [
          {
            date: f.closedOn,
            dims: { district: f.district },
            numerator: one(f.outcome === 'no_special_support'),
            denominator: 1,
          },
        ]
      : [],
});

export const counsellingGoalProgressIndicator = defineIndicator<CounsellingCaseFact>({
  id: 'counselling_goal_progress',
  unit: 'mean',
  timing: 'during',
  dimensions: ['district'],
  words: {
    numerator: 'the sum over goals of the last score minus the first (0–10 scale)',
    denominator: 'goals of cases closed in the period',
    dated: 'the day the case closed',
  },
  contributions: (f) =>
    f.closedOn
      ? f.goals.map((g) => ({
          date: f.closedOn as string,
          dims: { district: f.district },
          numerator: g.last - g.first,
          denominator: 1,
        }))
      : [],
});

export const anonymousContactsIndicator = defineIndicator<AnonymousContactFact>({
  id: 'anonymous_contacts',
  unit: 'count',
  timing: 'during',
  dimensions: ['topic'],
  words: {
    numerator: 'contacts at the open anonymous counselling (a contact about two topics counts under each)',
    denominator: null,
    dated: 'the day of the contact',
  },
  contributions: (f) => [{ date: f.contactOn, dims: { topic: f.topics }, numerator: 1 }],
});

export const developmentNoConcernIndicator = defineIndicator<DevelopmentVisitFact>({
  id: 'development_no_concern',
  unit: 'share',
  timing: 'during',
  dimensions: familyDimensions,
  words: {
    numerator: 'children without a development concern at the 8–10-month visit',
    denominator: 'children seen at the 8–10-month visit in the period',
    dated: 'visit date',
  },
  contributions: (f) => [
    { date: f.visitOn, dims: family(f), numerator: one(!f.developmentConcern), denominator: 1 },
  ],
});

export const readmissionCauses: readonly ReadmissionCause[] = [
  'dehydration',
  'jaundice',
  'poor_thriving',
  'feeding_problems',
];

export const readmissionsIndicator = defineIndicator<LiveBirthFact>({
  id: 'readmissions',
  unit: 'share',
  timing: 'during',
  dimensions: familyDimensions,
  words: {
    numerator:
      'children admitted within 28 days of birth for dehydration, jaundice, poor thriving or feeding problems (each child once)',
    denominator: 'live births in the period',
    dated: 'birth date',
  },
  contributions: (f) => [
    {
      date: f.birthDate,
      dims: family(f),
      numerator: one(
        f.admissions.some(
          (a) =>
            readmissionCauses.includes(a.cause) &&
            a.admittedOn >= f.birthDate &&
            daysBetween(f.birthDate, a.admittedOn) <= 28,
        ),
      ),
      denominator: 1,
    },
  ],
});

export const satisfactionIndicator = defineIndicator<SurveyAnswerFact>({
  id: 'satisfaction',
  unit: 'mean',
  timing: 'during',
  dimensions: ['offer', 'question'],
  words: {
    numerator: 'the sum of the answers (1–5)',
    denominator: 'answers in the period',
    dated: 'the day the survey was answered',
  },
  contributions: (f) => [
    {
      date: f.answeredOn,
      dims: { offer: f.offerId, question: f.question },
      numerator: f.score,
      denominator: 1,
    },
  ],
});

/** Every indicator, keyed by its stable id (the API's `indicator` parameter). */
export const indicatorCatalogue = {
  reach: reachIndicator,
  attendance: attendanceIndicator,
  completion: completionIndicator,
  dropout: dropoutIndicator,
  visit_timeliness: visitTimelinessIndicator,
  early_visit: earlyVisitIndicator,
  epds_coverage: epdsCoverageIndicator,
  epds_positive: epdsPositiveRateIndicator,
  epds_follow_up: epdsFollowUpIndicator,
  epds_item10_same_day: item10SameDayIndicator,
  referral_on_time: referralOnTimeIndicator,
  referral_days_to_acceptance: referralDaysToAcceptanceIndicator,
  coordinator_coverage: coordinatorCoverageIndicator,
  between_chairs: betweenChairsIndicator,
  counselling_families: counsellingFamiliesIndicator,
  counselling_no_special_support: counsellingNoSpecialSupportIndicator,
  counselling_goal_progress: counsellingGoalProgressIndicator,
  anonymous_contacts: anonymousContactsIndicator,
  development_no_concern: developmentNoConcernIndicator,
  readmissions: readmissionsIndicator,
  satisfaction: satisfactionIndicator,
} as const;

export type IndicatorId = keyof typeof indicatorCatalogue;
export const indicatorIds = Object.keys(indicatorCatalogue) as IndicatorId[];
