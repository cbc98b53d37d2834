import {
  anonymousContactsIndicator,
  betweenChairsIndicator,
  coordinatorCoverageIndicator,
  counsellingFamiliesIndicator,
  counsellingGoalProgressIndicator,
  counsellingNoSpecialSupportIndicator,
  referralDaysToAcceptanceIndicator,
  referralOnTimeIndicator,
  satisfactionIndicator,
} from './cooperation-indicators';
import {
  attendanceIndicator,
  completionIndicator,
  developmentNoConcernIndicator,
  dropoutIndicator,
  earlyVisitIndicator,
  epdsCoverageIndicator,
  epdsFollowUpIndicator,
  epdsPositiveRateIndicator,
  item10SameDayIndicator,
  reachIndicator,
  readmissionsIndicator,
  visitTimelinessIndicator,
} from './family-indicators';

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
