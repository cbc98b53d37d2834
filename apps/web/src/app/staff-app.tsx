import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation } from 'wouter';
import type { StaffMe } from '../api/api.types';
import { PageShell } from '../components/layout/page-shell.component';
import type { NavItem } from '../components/layout/site-header.component';
import { Loading } from '../components/loading.component';
import { StaffLoginPage } from '../features/auth/staff-login.page';
import { StaffHomePage } from '../features/home/staff-home.page';
import {
  canOpen,
  canUse,
  pagesFor,
  type StaffPage,
  type SubPage,
  staffPages,
} from '../features/home/staff-pages';
import { ForbiddenPage, NotFoundPage } from '../features/public/not-found.page';
import { useFormat } from '../i18n/use-format.hook';
import { createQueryClient } from './query-client';
import { RequireSession } from './require-session.component';
import { useLogout, useSession } from './session.hook';
import { SessionLostRedirect } from './session-lost.component';
import {
  AccessibilityPage,
  AccessMatrixPage,
  BenchmarkPage,
  BetweenChairsPage,
  BirthImportPage,
  BreakGlassPage,
  CataloguePage,
  CohortPage,
  CommitteeReportPage,
  ConcernInboxPage,
  CounsellingCasePage,
  CounsellingCasesPage,
  CounsellingStatisticsPage,
  CreateStaffUserPage,
  FamilyPage,
  FiguresHubPage,
  HandoverFormPage,
  HandoverPage,
  IndicatorPage,
  MyCohortsPage,
  MyConcernReportsPage,
  MyFamiliesPage,
  OfferFormPage,
  OfferPage,
  OpenCasePage,
  OpenCounsellingPage,
  OpenCounsellingSlotsPage,
  OpenCounsellingStatisticsPage,
  PlanCohortsPage,
  ReadmissionImportPage,
  ReceivedHandoversPage,
  ReferIdentifiedPage,
  ReferPage,
  ReferralIntakePage,
  ReferralsPage,
  RegisterPregnancyPage,
  SearchFamiliesPage,
  SendConcernPage,
  SessionAttendancePage,
  StaffUserPage,
  StaffUsersPage,
  SurveyResultsPage,
  TodayPage,
  UnitsPage,
  VisitProgrammePage,
  WithoutCoordinatorPage,
} from './staff-lazy-pages';

function useStaffChrome(me: StaffMe | null) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const logout = useLogout(() => navigate('/login', { replace: true }));
  if (!me) return { user: undefined, nav: [] as NavItem[], onLogout: undefined };
  return {
    user: {
      name: me.user.name,
      detail: fmt.list(me.roles.map((r) => t(`roles.${r}.name`))),
      organisation: me.organisation.name,
    },
    nav: pagesFor(me.roles).map((p) => ({
      href: staffPages[p].path,
      label: t(`pages.${p}.nav`),
      exact: p === 'home',
    })),
    onLogout: () => void logout(),
  };
}

function StaffShell({ me, children }: { me: StaffMe | null; children: ReactNode }) {
  const { t } = useTranslation();
  const chrome = useStaffChrome(me);
  return (
    <PageShell homeHref="/" area={t('area.staff')} {...chrome}>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </PageShell>
  );
}

function Guarded({ me, page, children }: { me: StaffMe; page: StaffPage; children: ReactNode }) {
  return canUse(me.roles, page) ? children : <ForbiddenPage />;
}

/** A page reached from another page, not from the menu. */
function GuardedSub({ me, page, children }: { me: StaffMe; page: SubPage; children: ReactNode }) {
  return canOpen(me.roles, page) ? children : <ForbiddenPage />;
}

/** Public pages show who is signed in when someone is, but need nobody. */
function PublicPage({ children }: { children: ReactNode }) {
  const session = useSession();
  const me = session.data?.kind === 'staff' ? session.data : null;
  return <StaffShell me={me}>{children}</StaffShell>;
}

export function StaffApp() {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <SessionLostRedirect area="staff" />
      <Switch>
        <Route path="/login" component={StaffLoginPage} />
        <Route path="/tilgaengelighed">
          <PublicPage>
            <AccessibilityPage />
          </PublicPage>
        </Route>
        <Route>
          <RequireSession kind="staff" shell={(me, content) => <StaffShell me={me}>{content}</StaffShell>}>
            {(me) => (
              <Switch>
                <Route path="/">
                  <StaffHomePage me={me} />
                </Route>
                <Route path="/i-dag">
                  <Guarded me={me} page="today">
                    <TodayPage />
                  </Guarded>
                </Route>
                <Route path="/besoegsprogram">
                  <Guarded me={me} page="visitProgramme">
                    <VisitProgrammePage />
                  </Guarded>
                </Route>
                <Route path="/familier/mine">
                  <Guarded me={me} page="myFamilies">
                    <MyFamiliesPage />
                  </Guarded>
                </Route>
                <Route path="/familier/uden-tovholder">
                  <Guarded me={me} page="withoutCoordinator">
                    <WithoutCoordinatorPage />
                  </Guarded>
                </Route>
                <Route path="/familier/mellem-to-stole">
                  <Guarded me={me} page="betweenChairs">
                    <BetweenChairsPage />
                  </Guarded>
                </Route>
                <Route path="/familier/:familyId/overlevering">
                  {(params) => (
                    <GuardedSub me={me} page="writeHandover">
                      <HandoverFormPage key={params.familyId} familyId={params.familyId} />
                    </GuardedSub>
                  )}
                </Route>
                <Route path="/overleveringer">
                  <Guarded me={me} page="receivedHandovers">
                    <ReceivedHandoversPage />
                  </Guarded>
                </Route>
                {/* The receiver and the sender open a handover; the API decides. */}
                <Route path="/overleveringer/:handoverId">
                  {(params) => (
                    <HandoverPage key={params.handoverId} me={me} handoverId={params.handoverId} />
                  )}
                </Route>
                <Route path="/familier/soeg">
                  <Guarded me={me} page="searchFamilies">
                    <SearchFamiliesPage />
                  </Guarded>
                </Route>
                <Route path="/henvisninger">
                  <Guarded me={me} page="referrals">
                    <ReferralsPage />
                  </Guarded>
                </Route>
                <Route path="/henvisninger/med-navn/ny">
                  <GuardedSub me={me} page="referIdentified">
                    <ReferIdentifiedPage />
                  </GuardedSub>
                </Route>
                <Route path="/henvisninger/med-navn/:intakeId">
                  {(params) => (
                    <Guarded me={me} page="referrals">
                      <ReferralIntakePage key={params.intakeId} intakeId={params.intakeId} />
                    </Guarded>
                  )}
                </Route>
                <Route path="/familier/:familyId/henvis">
                  {(params) => (
                    <GuardedSub me={me} page="refer">
                      <ReferPage key={params.familyId} familyId={params.familyId} />
                    </GuardedSub>
                  )}
                </Route>
                <Route path="/raadgivning">
                  <Guarded me={me} page="counsellingCases">
                    <CounsellingCasesPage me={me} />
                  </Guarded>
                </Route>
                <Route path="/tal/tilfredshed">
                  <GuardedSub me={me} page="surveyResults">
                    <SurveyResultsPage />
                  </GuardedSub>
                </Route>
                <Route path="/tal/raadgivning">
                  <Guarded me={me} page="counsellingStatistics">
                    <CounsellingStatisticsPage />
                  </Guarded>
                </Route>
                <Route path="/raadgivning/nyt">
                  <GuardedSub me={me} page="openCounsellingCase">
                    <OpenCasePage me={me} />
                  </GuardedSub>
                </Route>
                {/* The case's organisation and those the parents' consent lets read it; the API decides. */}
                <Route path="/raadgivning/:caseId">
                  {(params) => <CounsellingCasePage key={params.caseId} me={me} caseId={params.caseId} />}
                </Route>
                <Route path="/aaben-raadgivning">
                  <Guarded me={me} page="openCounselling">
                    <OpenCounsellingPage />
                  </Guarded>
                </Route>
                <Route path="/aaben-raadgivning/aabningstider">
                  <GuardedSub me={me} page="openCounsellingSlots">
                    <OpenCounsellingSlotsPage />
                  </GuardedSub>
                </Route>
                <Route path="/statistik/aaben-raadgivning">
                  <Guarded me={me} page="openCounsellingStatistics">
                    <OpenCounsellingStatisticsPage />
                  </Guarded>
                </Route>
                <Route path="/genindlaeggelser">
                  <Guarded me={me} page="readmissionImport">
                    <ReadmissionImportPage />
                  </Guarded>
                </Route>
                <Route path="/tal/sammenlign-kommuner">
                  <Guarded me={me} page="benchmark">
                    <BenchmarkPage me={me} />
                  </Guarded>
                </Route>
                <Route path="/tal/udvalgsrapport">
                  <GuardedSub me={me} page="committeeReport">
                    <CommitteeReportPage />
                  </GuardedSub>
                </Route>
                <Route path="/tal">
                  <Guarded me={me} page="figures">
                    <FiguresHubPage me={me} />
                  </Guarded>
                </Route>
                <Route path="/tal/indikatorer/:indicator">
                  {(params) => (
                    <GuardedSub me={me} page="indicator">
                      <IndicatorPage indicator={params.indicator} />
                    </GuardedSub>
                  )}
                </Route>
                {/* Any professional may open a family the API lets them see; the API decides. */}
                <Route path="/familier/:familyId">
                  {(params) => <FamilyPage key={params.familyId} me={me} familyId={params.familyId} />}
                </Route>
                <Route path="/graviditeter/ny">
                  <Guarded me={me} page="registerPregnancy">
                    <RegisterPregnancyPage />
                  </Guarded>
                </Route>
                <Route path="/foedselsanmeldelser">
                  <Guarded me={me} page="birthImport">
                    <BirthImportPage />
                  </Guarded>
                </Route>
                <Route path="/tilbud">
                  <Guarded me={me} page="offers">
                    <CataloguePage me={me} />
                  </Guarded>
                </Route>
                <Route path="/tilbud/nyt">
                  <GuardedSub me={me} page="editOffer">
                    <OfferFormPage />
                  </GuardedSub>
                </Route>
                <Route path="/tilbud/:offerId/rediger">
                  {(params) => (
                    <GuardedSub me={me} page="editOffer">
                      <OfferFormPage key={params.offerId} offerId={params.offerId} />
                    </GuardedSub>
                  )}
                </Route>
                <Route path="/tilbud/:offerId">
                  {(params) => <OfferPage key={params.offerId} me={me} offerId={params.offerId} />}
                </Route>
                <Route path="/hold">
                  <Guarded me={me} page="myCohorts">
                    <MyCohortsPage />
                  </Guarded>
                </Route>
                <Route path="/hold/planlaeg">
                  <Guarded me={me} page="planCohorts">
                    <PlanCohortsPage me={me} />
                  </Guarded>
                </Route>
                <Route path="/hold/:cohortId/gang/:sessionId">
                  {(params) => (
                    <GuardedSub me={me} page="cohort">
                      <SessionAttendancePage
                        key={params.sessionId}
                        cohortId={params.cohortId}
                        sessionId={params.sessionId}
                      />
                    </GuardedSub>
                  )}
                </Route>
                <Route path="/hold/:cohortId">
                  {(params) => (
                    <GuardedSub me={me} page="cohort">
                      <CohortPage key={params.cohortId} me={me} cohortId={params.cohortId} />
                    </GuardedSub>
                  )}
                </Route>
                <Route path="/underretninger">
                  <Guarded me={me} page="concernInbox">
                    <ConcernInboxPage />
                  </Guarded>
                </Route>
                <Route path="/underretninger/mine">
                  <Guarded me={me} page="myConcernReports">
                    <MyConcernReportsPage />
                  </Guarded>
                </Route>
                <Route path="/underretninger/ny">
                  <GuardedSub me={me} page="sendConcern">
                    <SendConcernPage />
                  </GuardedSub>
                </Route>
                <Route path="/admin/brugere">
                  <Guarded me={me} page="users">
                    <StaffUsersPage me={me} />
                  </Guarded>
                </Route>
                <Route path="/admin/brugere/ny">
                  <Guarded me={me} page="users">
                    <CreateStaffUserPage me={me} />
                  </Guarded>
                </Route>
                <Route path="/admin/brugere/:userId">
                  {(params) => (
                    <Guarded me={me} page="users">
                      <StaffUserPage me={me} userId={params.userId} />
                    </Guarded>
                  )}
                </Route>
                <Route path="/admin/enheder">
                  <Guarded me={me} page="units">
                    <UnitsPage me={me} />
                  </Guarded>
                </Route>
                <Route path="/adgang/noedadgang">
                  <Guarded me={me} page="breakGlass">
                    <BreakGlassPage />
                  </Guarded>
                </Route>
                <Route path="/adgang/regler">
                  <Guarded me={me} page="accessMatrix">
                    <AccessMatrixPage me={me} />
                  </Guarded>
                </Route>
                <Route>
                  <NotFoundPage />
                </Route>
              </Switch>
            )}
          </RequireSession>
        </Route>
      </Switch>
    </QueryClientProvider>
  );
}
