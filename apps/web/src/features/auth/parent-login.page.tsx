import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.component';
import { PageShell } from '../../components/layout/page-shell.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { useLoginFlow } from './login-flow.hook';
import { LoginNotices } from './login-notices.component';
import { PasswordLoginForm } from './password-login-form.component';

export function ParentLoginPage() {
  const { t } = useTranslation();
  const { params, returnTo, providers, onLoggedIn } = useLoginFlow('portal');

  const p = providers.data;
  return (
    <PageShell homeHref="/portal" area={t('area.portal')}>
      <div className="row">
        <div className="col-12 col-md-10 col-lg-7">
          <PageHeading title={t('auth.parentLogin.title')}>{t('auth.parentLogin.title')}</PageHeading>
          <p className="font-lead">{t('auth.parentLogin.lead')}</p>
          <LoginNotices params={params} area="portal" />
          {providers.isPending ? <Loading /> : null}
          {p?.oidc.citizen ? (
            <p className="mb-6">
              <a
                className="button button-primary"
                href={`/api/auth/oidc/citizen/start?returnTo=${encodeURIComponent(returnTo)}`}
              >
                {t('auth.parentLogin.mitid')}
              </a>
            </p>
          ) : null}
          {p?.demo ? (
            <section aria-labelledby="demo-heading">
              <h2 id="demo-heading" className="h3">
                {t('auth.parentLogin.demoHeading')}
              </h2>
              <p className="fs-muted">{t('auth.parentLogin.demoHint')}</p>
              <PasswordLoginForm idPrefix="parent-login" onLoggedIn={onLoggedIn} />
            </section>
          ) : null}
          {p && !p.demo && !p.oidc.citizen ? (
            <Alert variant="info" heading={t('auth.parentLogin.unavailableTitle')}>
              <p>{t('auth.parentLogin.unavailableText')}</p>
            </Alert>
          ) : null}
          <p className="fs-login-alternatives">
            {t('auth.parentLogin.staffQuestion')} <a href="/login">{t('auth.parentLogin.staffLink')}</a>
          </p>
        </div>
      </div>
    </PageShell>
  );
}
