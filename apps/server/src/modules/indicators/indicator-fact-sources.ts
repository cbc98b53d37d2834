import type { IndicatorId } from '@familiespor/domain';
import type { Tx } from '../../db/scope';
// The open-need sources "Mellem to stole" reads: registered by their modules on import.
import '../between-chairs/open-need.sources';
import '../counselling/counselling-open-needs';
import '../referrals/referral-open-needs';
// Facts kept by other modules register themselves; loaded here so every refresh has them, also
// in a process that has not built the app (a job runner, the benchmark).
import '../readmissions/readmissions-facts';
import '../surveys/surveys-indicator.facts';
import {
  anonymousContactFacts,
  counsellingCaseFacts,
  openNeedSnapshotFacts,
  referralFacts,
} from './case-facts.repo';
import {
  birthFacts,
  courseParticipantFacts,
  developmentVisitFacts,
  dueVisitFacts,
  firstPregnancyFacts,
} from './family-facts.repo';
import { type FactQuery, registerIndicatorFacts } from './indicator-facts.registry';
import { epdsEligibleFacts, epdsScreeningFacts } from './screening-facts.repo';

/**
 * The fact sources of the indicators whose records the modules of steps 1–7 keep. Satisfaction
 * (surveys) and readmissions (the region's file) are registered by their own modules.
 */
const register = (indicator: IndicatorId, facts: (tx: Tx, q: FactQuery) => Promise<readonly unknown[]>) =>
  registerIndicatorFacts({ indicator, facts });

register('reach', firstPregnancyFacts);
for (const id of ['attendance', 'completion', 'dropout'] as const) register(id, courseParticipantFacts);
register('visit_timeliness', dueVisitFacts);
register('early_visit', birthFacts);
register('epds_coverage', epdsEligibleFacts);
for (const id of ['epds_positive', 'epds_follow_up', 'epds_item10_same_day'] as const)
  register(id, epdsScreeningFacts);
for (const id of ['referral_on_time', 'referral_days_to_acceptance'] as const) register(id, referralFacts);
// One function for both, so a refresh reads the open needs once (indicator-refresh.ts).
const openNeedsOnTheDay = (tx: Tx, q: FactQuery) =>
  openNeedSnapshotFacts(tx, q, new Date(`${q.asOf}T12:00:00Z`));
for (const id of ['coordinator_coverage', 'between_chairs'] as const) register(id, openNeedsOnTheDay);
for (const id of [
  'counselling_families',
  'counselling_no_special_support',
  'counselling_goal_progress',
] as const)
  register(id, counsellingCaseFacts);
register('anonymous_contacts', anonymousContactFacts);
register('development_no_concern', developmentVisitFacts);
