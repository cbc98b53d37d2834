import { useTranslation } from 'react-i18next';
import { PageShell } from '../../components/layout/page-shell.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { useLoginFlow } from './login-flow.hook';
import { LoginNotices } from './login-notices.component';
import { PasswordLoginForm } from './password-login-form.component';

export function StaffLoginPage() {
  const { t } = useTranslation();
  const { params, returnTo, providers, onLoggedIn } = useLoginFlow('staff');

  return (
    <PageShell homeHref="/" area={t('area.staff')}>
      <div className="row">
        <div className="col-12 col-md-10 col-lg-7">
          <PageHeading title={t('auth.staffLogin.title')}>{t('auth.staffLogin.title')}</PageHeading>
          <p className="font-lead">{t('auth.staffLogin.lead')}</p>
          <LoginNotices params={params} area="staff" />
          {providers.isPending ? <Loading /> : null}
          {providers.data?.oidc.staff ? (
            <section aria-labelledby="oidc-heading" className="mb-6">
              <h2 id="oidc-heading" className="h3">
                {t('auth.staffLogin.oidcHeading')}
              </h2>
              <a
                className="button button-primary"
                href={`/api/auth/oidc/staff/start?returnTo=${encodeURIComponent(returnTo)}`}
              >
                {t('auth.staffLogin.oidcButton')}
              </a>
            </section>
          ) : null}
          <section aria-labelledby="password-heading">
            <h2 id="password-heading" className="h3">
              {t('auth.staffLogin.passwordHeading')}
            </h2>
            {providers.data?.demo ? <p className="fs-muted">{t('auth.staffLogin.demoHint')}</p> : null}
            <PasswordLoginForm idPrefix="staff-login" onLoggedIn={onLoggedIn} />
          </section>
          <p className="fs-login-alternatives">
            {t('auth.staffLogin.parentQuestion')}{' '}
            <a href="/portal/login">{t('auth.staffLogin.parentLink')}</a>
          </p>
        </div>
      </div>
    </PageShell>
  );
}
