import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.component';

const oidcErrors = ['oidc_failed', 'oidc_unknown_user', 'oidc_expired'] as const;
type OidcError = (typeof oidcErrors)[number];

/** Why the user is on the login page: their session ended, or the MitID login came back with an error. */
export function LoginNotices({ params, area }: { params: URLSearchParams; area: 'staff' | 'portal' }) {
  const { t } = useTranslation();
  const error = params.get('error');
  const oidc: OidcError | null = error
    ? (oidcErrors as readonly string[]).includes(error)
      ? (error as OidcError)
      : 'oidc_failed'
    : null;
  return (
    <>
      {params.get('reason') === 'expired' ? (
        <Alert variant="warning" heading={t('auth.expired.title')}>
          <p>{t('auth.expired.text')}</p>
        </Alert>
      ) : null}
      {oidc ? (
        <Alert variant="error" heading={t(`auth.oidcError.${area}.title`)}>
          <p>{t(`auth.oidcError.${oidc}`)}</p>
        </Alert>
      ) : null}
    </>
  );
}
