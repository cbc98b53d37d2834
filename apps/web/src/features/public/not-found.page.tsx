import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading.component';

export function NotFoundPage({ homeHref = '/' }: { homeHref?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p>{t('notFound.text')}</p>
      <p>
        <a href={homeHref}>{t('notFound.home')}</a>
      </p>
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('forbidden.title')}>{t('forbidden.title')}</PageHeading>
      <p>{t('forbidden.text')}</p>
      <p>
        <a href="/">{t('notFound.home')}</a>
      </p>
    </>
  );
}
