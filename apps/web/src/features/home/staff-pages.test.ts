import { describe, expect, it } from 'vitest';
import { canUse, pagesFor } from './staff-pages';

describe('the staff menu', () => {
  it('gives each role the pages it works with', () => {
    expect(pagesFor(['health_visitor'])).toEqual([
      'home',
      'today',
      'myFamilies',
      'withoutCoordinator',
      'searchFamilies',
      'myConcernReports',
      'referrals',
      'offers',
      'myCohorts',
    ]);
    expect(pagesFor(['midwife'])).toEqual([
      'home',
      'registerPregnancy',
      'searchFamilies',
      'birthImport',
      'readmissionImport',
      'myConcernReports',
      'referrals',
      'offers',
    ]);
    expect(pagesFor(['course_facilitator'])).toEqual(['home', 'myConcernReports', 'offers', 'myCohorts']);
    expect(pagesFor(['org_admin'])).toEqual(['home', 'offers', 'users', 'units', 'accessMatrix']);
    expect(pagesFor(['platform_admin'])).toEqual(['home', 'offers', 'users', 'units']);
    expect(pagesFor(['programme_lead'])).toEqual([
      'home',
      'withoutCoordinator',
      'betweenChairs',
      'searchFamilies',
      'readmissionImport',
      'referrals',
      'counsellingCases',
      'counsellingStatistics',
      'openCounsellingStatistics',
      'benchmark',
      'offers',
      'planCohorts',
      'visitProgramme',
      'breakGlass',
      'accessMatrix',
    ]);
    expect(pagesFor(['analyst', 'programme_lead'])).toEqual(pagesFor(['programme_lead']));
    expect(pagesFor(['daycare_educator'])).toEqual([
      'home',
      'receivedHandovers',
      'myConcernReports',
      'offers',
    ]);
    expect(pagesFor(['family_counsellor'])).toEqual([
      'home',
      'myConcernReports',
      'referrals',
      'counsellingCases',
      'counsellingStatistics',
      'offers',
    ]);
    expect(pagesFor(['ngo_counsellor'])).toEqual([
      'home',
      'myConcernReports',
      'referrals',
      'openCounselling',
      'openCounsellingStatistics',
      'offers',
    ]);
    expect(pagesFor(['analyst'])).toEqual(['home', 'openCounsellingStatistics', 'benchmark', 'offers']);
    expect(pagesFor(['caseworker'])).toEqual([
      'home',
      'receivedHandovers',
      'concernInbox',
      'myConcernReports',
      'referrals',
      'offers',
    ]);
  });

  it('keeps family pages from roles that see aggregates or configuration only', () => {
    for (const role of ['analyst', 'org_admin', 'platform_admin'] as const) {
      expect(canUse([role], 'searchFamilies')).toBe(false);
      expect(canUse([role], 'withoutCoordinator')).toBe(false);
    }
  });
});
