import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Switch, useLocation } from 'wouter';
import type { ParentMe } from '../api/api.types';
import { PageShell } from '../components/layout/page-shell.component';
import { Loading } from '../components/loading.component';
import { ParentLoginPage } from '../features/auth/parent-login.page';
import { PortalHomePage } from '../features/portal/portal-home.page';
import { NotFoundPage } from '../features/public/not-found.page';
import { createQueryClient } from './query-client';
import { RequireSession } from './require-session.component';
import { useLogout, useSession } from './session.hook';
import { SessionLostRedirect } from './session-lost.component';

// Offers, appointments and the network are a chunk of their own: the home page loads first.
const PortalOffersPage = lazy(() =>
  import('../features/portal/portal-offers.page').then((m) => ({ default: m.PortalOffersPage })),
);
const SignUpPage = lazy(() =>
  import('../features/portal/sign-up.page').then((m) => ({ default: m.SignUpPage })),
);
const AppointmentsPage = lazy(() =>
  import('../features/portal/appointments.page').then((m) => ({ default: m.AppointmentsPage })),
);
const NetworkPage = lazy(() =>
  import('../features/portal/network.page').then((m) => ({ default: m.NetworkPage })),
);

// "Sådan har du det" carries the EPDS items: its own chunk, its texts fetched when opened.
const HowAreYouPage = lazy(() =>
  import('../features/portal/how-are-you.page').then((m) => ({ default: m.HowAreYouPage })),
);

// Open anonymous counselling: public, no login; its own chunk and texts (da, en, ar).
const PublicOpenCounsellingPage = lazy(() =>
  import('../features/open-counselling/public-open-counselling.page').then((m) => ({
    default: m.PublicOpenCounsellingPage,
  })),
);

// Consents and "Hvem har set mine data": their own chunk and texts, fetched when opened.
const PortalConsentsPage = lazy(() =>
  import('../features/consent/portal-consents.page').then((m) => ({ default: m.PortalConsentsPage })),
);
const AccessLogPage = lazy(() =>
  import('../features/consent/access-log.page').then((m) => ({ default: m.AccessLogPage })),
);

// Satisfaction surveys: the parent's list and answer pages, and the e-mailed link (no login).
const PortalSurveysPage = lazy(() =>
  import('../features/surveys/portal-surveys.page').then((m) => ({ default: m.PortalSurveysPage })),
);
const PortalSurveyAnswerPage = lazy(() =>
  import('../features/surveys/portal-surveys.page').then((m) => ({ default: m.PortalSurveyAnswerPage })),
);
const SurveyCodePage = lazy(() =>
  import('../features/surveys/portal-surveys.page').then((m) => ({ default: m.SurveyCodePage })),
);
const PublicSurveyPage = lazy(() =>
  import('../features/surveys/portal-surveys.page').then((m) => ({ default: m.PublicSurveyPage })),
);

function ParentShell({ me, children }: { me: ParentMe | null; children: ReactNode }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const logout = useLogout(() => navigate('/portal/login', { replace: true }));
  const organisations = [...new Set(me?.families.map((f) => f.organisation.name) ?? [])];
  return (
    <PageShell
      homeHref="/portal"
      area={t('area.portal')}
      user={me ? { name: me.person.name, organisation: organisations.join(', ') || undefined } : undefined}
      nav={
        me
          ? [
              { href: '/portal', label: t('pages.portalHome.nav'), exact: true },
              { href: '/portal/tilbud', label: t('pages.portalOffers.nav') },
              { href: '/portal/aftaler', label: t('pages.portalAppointments.nav') },
              { href: '/portal/saadan-har-du-det', label: t('pages.portalWellbeing.nav') },
              { href: '/portal/spoergeskemaer', label: t('pages.portalSurveys.nav') },
              { href: '/portal/samtykker', label: t('pages.portalConsents.nav') },
              { href: '/portal/hvem-har-set', label: t('pages.portalAccessLog.nav') },
            ]
          : []
      }
      onLogout={me ? () => void logout() : undefined}
    >
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </PageShell>
  );
}

/** A page anyone may open: it shows the signed-in parent's menu when there is one. */
function PublicPortalPage({ children }: { children: ReactNode }) {
  const session = useSession();
  const me = session.data?.kind === 'parent' ? session.data : null;
  return <ParentShell me={me}>{children}</ParentShell>;
}

/** The parent portal: its own entry, so a phone loads only what parents use. */
export function PortalApp() {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <SessionLostRedirect area="portal" />
      <Switch>
        <Route path="/portal/login" component={ParentLoginPage} />
        <Route path="/portal/aaben-raadgivning">
          <PublicPortalPage>
            <PublicOpenCounsellingPage />
          </PublicPortalPage>
        </Route>
        <Route path="/portal/spoergeskema">
          <PublicPortalPage>
            <SurveyCodePage />
          </PublicPortalPage>
        </Route>
        <Route path="/portal/spoergeskema/:token">
          {(params) => (
            <PublicPortalPage>
              <PublicSurveyPage key={params.token} token={params.token} />
            </PublicPortalPage>
          )}
        </Route>
        <Route>
          <RequireSession kind="parent" shell={(me, content) => <ParentShell me={me}>{content}</ParentShell>}>
            {(me) => (
              <Switch>
                <Route path="/portal">
                  <PortalHomePage me={me} />
                </Route>
                <Route path="/portal/tilbud">
                  <PortalOffersPage me={me} />
                </Route>
                <Route path="/portal/tilbud/:offerId">
                  {(params) => <SignUpPage key={params.offerId} me={me} offerId={params.offerId} />}
                </Route>
                <Route path="/portal/saadan-har-du-det">
                  <HowAreYouPage me={me} />
                </Route>
                <Route path="/portal/samtykker">
                  <PortalConsentsPage />
                </Route>
                <Route path="/portal/hvem-har-set">
                  <AccessLogPage />
                </Route>
                <Route path="/portal/aftaler">
                  <AppointmentsPage me={me} />
                </Route>
                <Route path="/portal/spoergeskemaer">
                  <PortalSurveysPage />
                </Route>
                <Route path="/portal/spoergeskemaer/:linkId">
                  {(params) => <PortalSurveyAnswerPage key={params.linkId} linkId={params.linkId} />}
                </Route>
                <Route path="/portal/netvaerk/:cohortId">
                  {(params) => <NetworkPage key={params.cohortId} cohortId={params.cohortId} />}
                </Route>
                <Route>
                  <NotFoundPage homeHref="/portal" />
                </Route>
              </Switch>
            )}
          </RequireSession>
        </Route>
      </Switch>
    </QueryClientProvider>
  );
}
