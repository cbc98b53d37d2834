import type {
  accessMatrix,
  addTargetedVisitBody,
  authProviders,
  bookVisitBody,
  breakGlassGrant,
  calendarFeed,
  cohortFiguresResult,
  cohortPlan,
  completeTaskBody,
  confirmCohortPlanBody,
  confirmedCohorts,
  coordinatorCandidate,
  courseSession,
  createOfferBody,
  createStaffUserBody,
  Enrollment,
  eligibilityResult,
  enrollBody,
  FamilyDetail,
  FamilySummary,
  familyPage,
  familyTimeline,
  ImportResult,
  Me,
  myTimeline,
  networkChoice,
  networkMembers,
  Offer,
  Organisation,
  offerForFamily,
  Problem,
  ProblemCode,
  recordScreeningBody,
  recordVisitBody,
  registerBirthBody,
  registerPregnancyBody,
  StaffUser,
  TimelineEntry,
  teamMember,
  templateSession,
  unit,
  updateOfferBody,
  updateVisitProgrammeBody,
  visitType,
  withdrawBody,
  worklistGroups,
} from '@familiespor/contracts';
import type { z } from 'zod';

// Types only: the contracts' zod schemas stay out of the bundles that do not validate with them.
export type {
  Enrollment,
  FamilyDetail,
  FamilySummary,
  ImportResult,
  Me,
  Offer,
  Organisation,
  Problem,
  ProblemCode,
  StaffUser,
  TimelineEntry,
};
export type StaffMe = Extract<Me, { kind: 'staff' }>;
export type ParentMe = Extract<Me, { kind: 'parent' }>;
export type AuthProviders = z.infer<typeof authProviders>;
export type Unit = z.infer<typeof unit>;
export type AccessMatrix = z.infer<typeof accessMatrix>;
export type BreakGlassGrant = z.infer<typeof breakGlassGrant>;
export type CreateStaffUserInput = z.input<typeof createStaffUserBody>;
export type StaffRole = StaffMe['roles'][number];

export type FamilyPage = z.infer<typeof familyPage>;
export type FamilyTimeline = z.infer<typeof familyTimeline>;
export type MyTimeline = z.infer<typeof myTimeline>;
export type TeamMember = z.infer<typeof teamMember>;
export type Stage = FamilyDetail['stage'];
export type FamilyMember = FamilyDetail['members'][number];
export type Coordinator = NonNullable<FamilyDetail['coordinator']>;
export type RegisterPregnancyInput = z.input<typeof registerPregnancyBody>;
export type RegisterBirthInput = z.input<typeof registerBirthBody>;
export type CoordinatorCandidate = z.infer<typeof coordinatorCandidate>;

// Offers, sign-ups and the Familieiværksætterne course (Step 4).
export type OfferForFamily = z.infer<typeof offerForFamily>;
export type Eligibility = z.infer<typeof eligibilityResult>;
export type RuleResult = Eligibility['rules'][number];
export type RuleName = RuleResult['rule'];
export type OfferKind = Offer['kind'];
export type OfferLevel = Offer['level'];
export type OfferSite = Offer['sites'][number];
export type TemplateSession = z.infer<typeof templateSession>;
export type CreateOfferInput = z.input<typeof createOfferBody>;
export type UpdateOfferInput = z.input<typeof updateOfferBody>;
export type EnrollInput = z.input<typeof enrollBody>;
export type WithdrawInput = z.input<typeof withdrawBody>;
export type EnrollmentStatus = Enrollment['status'];
export type CohortPlan = z.infer<typeof cohortPlan>;
export type PlannedCohort = CohortPlan['cohorts'][number];
export type PlannedFamily = PlannedCohort['families'][number];
export type UnassignedFamily = CohortPlan['unassigned'][number];
export type ConfirmCohortPlanInput = z.input<typeof confirmCohortPlanBody>;
export type ConfirmedCohorts = z.infer<typeof confirmedCohorts>;
export type CourseSession = z.infer<typeof courseSession>;
export type SessionParticipant = NonNullable<CourseSession['participants']>[number];
export type CohortFigures = z.infer<typeof cohortFiguresResult>;
export type CalendarFeed = z.infer<typeof calendarFeed>;
export type NetworkChoice = z.infer<typeof networkChoice>;
export type NetworkMembers = z.infer<typeof networkMembers>;

// Health visiting, screening and tasks (Step 5).
export type {
  CalendarVisit,
  ChildVisit,
  RecordScreeningResult,
  RecordVisitBody,
  Screening,
  Task,
  VisitBooking,
  VisitCalendar,
  VisitProgramme,
  VisitTimeliness,
  Worklist,
} from '@familiespor/contracts';
export type RecordVisitInput = z.input<typeof recordVisitBody>;
export type RecordScreeningInput = z.input<typeof recordScreeningBody>;
export type AddTargetedVisitInput = z.input<typeof addTargetedVisitBody>;
export type BookVisitInput = z.input<typeof bookVisitBody>;
export type VisitPlace = BookVisitInput['place'];
export type UpdateVisitProgrammeInput = z.input<typeof updateVisitProgrammeBody>;
export type VisitType = z.infer<typeof visitType>;
export type VisitWindow = VisitType['window'];
export type CompleteTaskInput = z.input<typeof completeTaskBody>;
export type WorklistGroup = (typeof worklistGroups)[number];
