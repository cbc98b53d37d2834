import { lazy } from 'react';

// The staff workspace's pages, each loaded when first opened: the first load stays small.

export const AccessibilityPage = lazy(() =>
  import('../features/public/accessibility.page').then((m) => ({ default: m.AccessibilityPage })),
);
export const StaffUsersPage = lazy(() =>
  import('../features/admin/staff-users.page').then((m) => ({ default: m.StaffUsersPage })),
);
export const CreateStaffUserPage = lazy(() =>
  import('../features/admin/create-staff-user.page').then((m) => ({ default: m.CreateStaffUserPage })),
);
export const StaffUserPage = lazy(() =>
  import('../features/admin/staff-user.page').then((m) => ({ default: m.StaffUserPage })),
);
export const UnitsPage = lazy(() =>
  import('../features/admin/units.page').then((m) => ({ default: m.UnitsPage })),
);
export const BreakGlassPage = lazy(() =>
  import('../features/access/break-glass.page').then((m) => ({ default: m.BreakGlassPage })),
);
// Family pages are staff-only and carry the forms (zod, react-hook-form): loaded when opened.
export const MyFamiliesPage = lazy(() =>
  import('../features/families/my-families.page').then((m) => ({ default: m.MyFamiliesPage })),
);
export const WithoutCoordinatorPage = lazy(() =>
  import('../features/families/without-coordinator.page').then((m) => ({
    default: m.WithoutCoordinatorPage,
  })),
);
export const SearchFamiliesPage = lazy(() =>
  import('../features/families/search-families.page').then((m) => ({ default: m.SearchFamiliesPage })),
);
export const FamilyPage = lazy(() =>
  import('../features/families/family.page').then((m) => ({ default: m.FamilyPage })),
);
export const RegisterPregnancyPage = lazy(() =>
  import('../features/families/register-pregnancy.page').then((m) => ({ default: m.RegisterPregnancyPage })),
);
export const BirthImportPage = lazy(() =>
  import('../features/families/birth-import.page').then((m) => ({ default: m.BirthImportPage })),
);
export const CataloguePage = lazy(() =>
  import('../features/offers/catalogue.page').then((m) => ({ default: m.CataloguePage })),
);
export const OfferPage = lazy(() =>
  import('../features/offers/offer.page').then((m) => ({ default: m.OfferPage })),
);
export const OfferFormPage = lazy(() =>
  import('../features/offers/offer-form.page').then((m) => ({ default: m.OfferFormPage })),
);
export const MyCohortsPage = lazy(() =>
  import('../features/cohorts/my-cohorts.page').then((m) => ({ default: m.MyCohortsPage })),
);
export const CohortPage = lazy(() =>
  import('../features/cohorts/cohort.page').then((m) => ({ default: m.CohortPage })),
);
export const PlanCohortsPage = lazy(() =>
  import('../features/cohorts/plan-cohorts.page').then((m) => ({ default: m.PlanCohortsPage })),
);
export const SessionAttendancePage = lazy(() =>
  import('../features/cohorts/session-attendance.page').then((m) => ({ default: m.SessionAttendancePage })),
);
// Health visiting (Step 5): the worklist and the programme lead's visit programme.
export const TodayPage = lazy(() =>
  import('../features/tasks/today.page').then((m) => ({ default: m.TodayPage })),
);
export const VisitProgrammePage = lazy(() =>
  import('../features/visits/visit-programme.page').then((m) => ({ default: m.VisitProgrammePage })),
);
// Concern reports (Step 6): the caseworkers' inbox, the sender's list and the form.
export const ConcernInboxPage = lazy(() =>
  import('../features/concern-reports/concern-inbox.page').then((m) => ({ default: m.ConcernInboxPage })),
);
export const MyConcernReportsPage = lazy(() =>
  import('../features/concern-reports/my-concern-reports.page').then((m) => ({
    default: m.MyConcernReportsPage,
  })),
);
export const SendConcernPage = lazy(() =>
  import('../features/concern-reports/send-concern.page').then((m) => ({ default: m.SendConcernPage })),
);
// Handovers and "Mellem to stole" (Step 6).
export const HandoverFormPage = lazy(() =>
  import('../features/handovers/handover-form.page').then((m) => ({ default: m.HandoverFormPage })),
);
export const ReceivedHandoversPage = lazy(() =>
  import('../features/handovers/received-handovers.page').then((m) => ({ default: m.ReceivedHandoversPage })),
);
export const HandoverPage = lazy(() =>
  import('../features/handovers/handover.page').then((m) => ({ default: m.HandoverPage })),
);
export const BetweenChairsPage = lazy(() =>
  import('../features/between-chairs/between-chairs.page').then((m) => ({ default: m.BetweenChairsPage })),
);
export const AccessMatrixPage = lazy(() =>
  import('../features/access/access-matrix.page').then((m) => ({ default: m.AccessMatrixPage })),
);

// Referrals (step 6): the inbox and sent list, and the "Henvis" form from the family page.
export const ReferralsPage = lazy(() =>
  import('../features/referrals/referrals.page').then((m) => ({ default: m.ReferralsPage })),
);
export const ReferPage = lazy(() =>
  import('../features/referrals/refer.page').then((m) => ({ default: m.ReferPage })),
);
// "Henvis med navn" (issue #8): the referral of a person not yet known, and one such referral.
export const ReferIdentifiedPage = lazy(() =>
  import('../features/referral-intake/refer-identified.page').then((m) => ({
    default: m.ReferIdentifiedPage,
  })),
);
export const ReferralIntakePage = lazy(() =>
  import('../features/referral-intake/referral-intake.page').then((m) => ({ default: m.ReferralIntakePage })),
);

// Family counselling (step 7): the counsellor's cases, one case, opening one, the year's figures.
export const CounsellingCasesPage = lazy(() =>
  import('../features/counselling/counselling-cases.page').then((m) => ({ default: m.CounsellingCasesPage })),
);
export const CounsellingCasePage = lazy(() =>
  import('../features/counselling/counselling-case.page').then((m) => ({ default: m.CounsellingCasePage })),
);
export const OpenCasePage = lazy(() =>
  import('../features/counselling/open-case.page').then((m) => ({ default: m.OpenCasePage })),
);
export const SurveyResultsPage = lazy(() =>
  import('../features/surveys/survey-results.page').then((m) => ({ default: m.SurveyResultsPage })),
);
export const CounsellingStatisticsPage = lazy(() =>
  import('../features/counselling/counselling-statistics.page').then((m) => ({
    default: m.CounsellingStatisticsPage,
  })),
);

// Open anonymous counselling (step 7): "Log en samtale", its statistics and its opening hours.
export const OpenCounsellingPage = lazy(() =>
  import('../features/open-counselling/open-counselling.page').then((m) => ({
    default: m.OpenCounsellingPage,
  })),
);
export const ReadmissionImportPage = lazy(() =>
  import('../features/readmissions/readmission-import.page').then((m) => ({
    default: m.ReadmissionImportPage,
  })),
);
// "Tal og resultater" (step 8): the hub and one indicator's dashboard.
export const FiguresHubPage = lazy(() =>
  import('../features/indicators/figures-hub.page').then((m) => ({ default: m.FiguresHubPage })),
);
export const IndicatorPage = lazy(() =>
  import('../features/indicators/indicator.page').then((m) => ({ default: m.IndicatorPage })),
);
export const BenchmarkPage = lazy(() =>
  import('../features/benchmark/benchmark.page').then((m) => ({ default: m.BenchmarkPage })),
);
// "Udvalgsrapport" (issue #9): the committee report, one printable page.
export const CommitteeReportPage = lazy(() =>
  import('../features/indicators/committee-report.page').then((m) => ({ default: m.CommitteeReportPage })),
);
export const OpenCounsellingStatisticsPage = lazy(() =>
  import('../features/open-counselling/open-counselling-statistics.page').then((m) => ({
    default: m.OpenCounsellingStatisticsPage,
  })),
);
export const OpenCounsellingSlotsPage = lazy(() =>
  import('../features/open-counselling/open-counselling-slots.page').then((m) => ({
    default: m.OpenCounsellingSlotsPage,
  })),
);
