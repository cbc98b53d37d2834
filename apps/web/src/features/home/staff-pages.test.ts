import { staffRoles } from '@familiespor/domain';
import { describe, expect, it } from 'vitest';
import { canUse, figuresLinksFor, pagesFor, staffPageOrder } from './staff-pages';

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
      'referrals',
      'counsellingCases',
      'figures',
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
    expect(pagesFor(['analyst'])).toEqual(['home', 'figures', 'offers']);
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

  it('puts the figures pages of a role with "Tal og resultater" there, and loses none', () => {
    expect(figuresLinksFor(['programme_lead'])).toEqual([
      'counsellingStatistics',
      'openCounsellingStatistics',
      'benchmark',
      'readmissionImport',
    ]);
    expect(figuresLinksFor(['analyst'])).toEqual(['openCounsellingStatistics', 'benchmark']);
    // The midwife has no hub: her import stays in her menu.
    expect(pagesFor(['midwife'])).toContain('readmissionImport');
    for (const role of staffRoles) {
      const reachable = new Set([
        ...pagesFor([role]),
        ...(canUse([role], 'figures') ? figuresLinksFor([role]) : []),
      ]);
      expect(staffPageOrder.filter((p) => canUse([role], p) && !reachable.has(p))).toEqual([]);
    }
  });
});
