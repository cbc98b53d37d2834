import { useTranslation } from 'react-i18next';

/** DKFDS spinner with a status text screen readers announce. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <div className="my-6" role="status">
      <div className="spinner" aria-hidden="true" />
      <span className="sr-only">{t('common.loading')}</span>
    </div>
  );
}
