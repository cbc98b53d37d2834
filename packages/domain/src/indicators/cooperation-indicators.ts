import { addDays, daysBetween } from '../time/calendar';
import type {
  AnonymousContactFact,
  CounsellingCaseFact,
  OpenNeedSnapshotFact,
  ReferralFact,
  SurveyAnswerFact,
} from './indicator-facts';
import { familyDimensions, familyDims, one } from './indicator-helpers';
import { type Contribution, defineIndicator } from './indicator-model';

// The indicators of working together: referrals, coordinators, counselling, satisfaction.

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
    { date: f.measuredOn, dims: familyDims(f), numerator: one(f.hasCoordinator), denominator: 1 },
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
    { date: f.measuredOn, dims: familyDims(f), numerator: one(!f.hasCoordinator || f.referralOverdue) },
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
