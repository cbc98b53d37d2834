import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';

/**
 * The family page's way to the concern report form, for every professional (all may send).
 * The label is a nav text in the main bundle, so the family page loads no concern texts.
 */
export function ConcernReportLink({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="concern-link-heading" className="fs-panel">
      <h2 id="concern-link-heading">{t('pages.sendConcern.title')}</h2>
      <p>{t('pages.sendConcern.description')}</p>
      <Link href={`/underretninger/ny?familie=${familyId}`} className="button button-secondary">
        {t('pages.sendConcern.nav')}
      </Link>
    </section>
  );
}
