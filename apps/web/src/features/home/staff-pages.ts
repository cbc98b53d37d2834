import type { StaffRole } from '../../api/api.types';

/** Roles whose matrix cell for category concern lets them send a concern report (DESIGN §4). */
const concernSenders = [
  'midwife',
  'health_visitor',
  'family_counsellor',
  'ngo_counsellor',
  'caseworker',
  'daycare_educator',
  'course_facilitator',
] as const satisfies readonly StaffRole[];

/** Roles whose matrix cell for category referral lets them refer families and receive referrals. */
const referrers = [
  'midwife',
  'health_visitor',
  'family_counsellor',
  'ngo_counsellor',
  'caseworker',
  'programme_lead',
] as const satisfies readonly StaffRole[];

/** The staff workspace's pages and the roles that use them (DESIGN §2). Only pages that exist. */
export const staffPages = {
  home: { path: '/', roles: 'all' },
  today: { path: '/i-dag', roles: ['health_visitor'] },
  myFamilies: { path: '/familier/mine', roles: ['health_visitor'] },
  withoutCoordinator: { path: '/familier/uden-tovholder', roles: ['health_visitor', 'programme_lead'] },
  betweenChairs: { path: '/familier/mellem-to-stole', roles: ['programme_lead'] },
  registerPregnancy: { path: '/graviditeter/ny', roles: ['midwife'] },
  searchFamilies: { path: '/familier/soeg', roles: ['health_visitor', 'midwife', 'programme_lead'] },
  birthImport: { path: '/foedselsanmeldelser', roles: ['midwife'] },
  /** The region's midwives import its file; a municipality's programme lead may too (docs/readmissions.md). */
  readmissionImport: { path: '/genindlaeggelser', roles: ['midwife', 'programme_lead'] },
  receivedHandovers: { path: '/overleveringer', roles: ['daycare_educator', 'caseworker'] },
  concernInbox: { path: '/underretninger', roles: ['caseworker'] },
  myConcernReports: { path: '/underretninger/mine', roles: concernSenders },
  referrals: { path: '/henvisninger', roles: referrers },
  counsellingCases: { path: '/raadgivning', roles: ['family_counsellor', 'programme_lead'] },
  counsellingStatistics: { path: '/tal/raadgivning', roles: ['family_counsellor', 'programme_lead'] },
  openCounselling: { path: '/aaben-raadgivning', roles: ['ngo_counsellor'] },
  openCounsellingStatistics: {
    path: '/statistik/aaben-raadgivning',
    roles: ['ngo_counsellor', 'programme_lead', 'analyst'],
  },
  benchmark: { path: '/tal/sammenlign-kommuner', roles: ['programme_lead', 'analyst'] },
  /** "Tal og resultater" (step 8): the dashboards, and the way to every other figures page. */
  figures: { path: '/tal', roles: ['programme_lead', 'analyst'] },
  offers: { path: '/tilbud', roles: 'all' },
  myCohorts: { path: '/hold', roles: ['health_visitor', 'course_facilitator'] },
  planCohorts: { path: '/hold/planlaeg', roles: ['programme_lead'] },
  visitProgramme: { path: '/besoegsprogram', roles: ['programme_lead'] },
  users: { path: '/admin/brugere', roles: ['org_admin', 'platform_admin'] },
  units: { path: '/admin/enheder', roles: ['org_admin', 'platform_admin'] },
  breakGlass: { path: '/adgang/noedadgang', roles: ['programme_lead'] },
  accessMatrix: { path: '/adgang/regler', roles: ['programme_lead', 'org_admin'] },
} as const satisfies Record<string, { path: string; roles: 'all' | readonly StaffRole[] }>;

export type StaffPage = keyof typeof staffPages;

/** Pages outside the menu, reached from another page, and the roles that may open them. */
export const subPages = {
  editOffer: ['programme_lead'],
  cohort: ['health_visitor', 'course_facilitator', 'programme_lead'],
  /** The family page's visits and screenings (category health_visit and screening). */
  healthVisiting: ['health_visitor', 'programme_lead'],
  /** "Henvis" from the family page (category referral). */
  refer: referrers,
  /** "Overlevering" from the family page (category handover, written by health visiting). */
  writeHandover: ['health_visitor', 'programme_lead'],
  /** "Send underretning", also from the family page. */
  sendConcern: concernSenders,
  /** "Åbn rådgivningsforløb" from the family page and an accepted referral (the counsellor runs it). */
  openCounsellingCase: ['family_counsellor'],
  /** "Åbningstider" of the open anonymous counselling, from its page and its statistics. */
  openCounsellingSlots: ['ngo_counsellor', 'programme_lead'],
  /** "Henvis med navn" from open counselling: a parent who chose to be identified (issue #8). */
  referIdentified: ['ngo_counsellor'],
  /** "Forældrenes tilfredshed" (step 8): aggregates only, from the offer page. */
  surveyResults: ['programme_lead', 'analyst'],
  /** "Udvalgsrapport" (issue #9): the committee report, from "Tal og resultater". */
  committeeReport: ['programme_lead', 'analyst'],
  /** One indicator's dashboard (step 8), from "Tal og resultater". */
  indicator: ['programme_lead', 'analyst'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type SubPage = keyof typeof subPages;

export function canOpen(roles: readonly StaffRole[], page: keyof typeof subPages): boolean {
  return roles.some((r) => (subPages[page] as readonly StaffRole[]).includes(r));
}
export const staffPageOrder: readonly StaffPage[] = [
  'home',
  'today',
  'myFamilies',
  'withoutCoordinator',
  'betweenChairs',
  'registerPregnancy',
  'searchFamilies',
  'birthImport',
  'readmissionImport',
  'receivedHandovers',
  'concernInbox',
  'myConcernReports',
  'referrals',
  'counsellingCases',
  'figures',
  'counsellingStatistics',
  'openCounselling',
  'openCounsellingStatistics',
  'benchmark',
  'offers',
  'myCohorts',
  'planCohorts',
  'visitProgramme',
  'users',
  'units',
  'breakGlass',
  'accessMatrix',
];

/** Pages about families: a role with one of them works with families in Familiespor already. */
export const familyPages: readonly StaffPage[] = [
  'myFamilies',
  'withoutCoordinator',
  'registerPregnancy',
  'searchFamilies',
  'birthImport',
];

export function canUse(roles: readonly StaffRole[], page: StaffPage): boolean {
  const allowed = staffPages[page].roles;
  return allowed === 'all' || roles.some((r) => (allowed as readonly StaffRole[]).includes(r));
}

/**
 * Figures pages that a role with "Tal og resultater" finds there rather than in the menu: a
 * programme lead's menu stays short enough to read at a glance (it had grown to 15 entries).
 */
export const figuresHubPages: readonly StaffPage[] = [
  'counsellingStatistics',
  'openCounsellingStatistics',
  'benchmark',
  'readmissionImport',
];

/** The figures pages "Tal og resultater" links to for these roles. */
export function figuresLinksFor(roles: readonly StaffRole[]): StaffPage[] {
  return figuresHubPages.filter((p) => canUse(roles, p));
}

export function pagesFor(roles: readonly StaffRole[]): StaffPage[] {
  const hub = canUse(roles, 'figures');
  return staffPageOrder.filter((p) => canUse(roles, p) && !(hub && figuresHubPages.includes(p)));
}
