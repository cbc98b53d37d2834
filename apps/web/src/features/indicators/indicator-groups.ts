import type { IndicatorId } from '@familiespor/domain';

/** The dashboard's sections: indicators grouped as a programme lead thinks of the offers. */
export const indicatorGroups = {
  fiv: ['reach', 'attendance', 'completion', 'dropout'],
  healthVisiting: ['visit_timeliness', 'early_visit', 'development_no_concern', 'readmissions'],
  epds: ['epds_coverage', 'epds_positive', 'epds_follow_up', 'epds_item10_same_day'],
  cooperation: ['referral_on_time', 'referral_days_to_acceptance', 'coordinator_coverage', 'between_chairs'],
  counselling: [
    'counselling_families',
    'counselling_no_special_support',
    'counselling_goal_progress',
    'anonymous_contacts',
  ],
  experience: ['satisfaction'],
} as const satisfies Record<string, readonly IndicatorId[]>;

export type IndicatorGroup = keyof typeof indicatorGroups;
