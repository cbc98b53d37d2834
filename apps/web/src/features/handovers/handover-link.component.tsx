import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { handoverTexts, useTexts } from '../../i18n/lazy-texts';

/** The family page's way to the "Overlevering" form, for those who write handovers. */
export function HandoverLink({ familyId }: { familyId: string }) {
  const ready = useTexts(handoverTexts);
  const { t } = useTranslation();
  if (!ready) return null;
  return (
    <section aria-labelledby="handover-link-heading" className="fs-panel">
      <h2 id="handover-link-heading">{t('handovers.link.heading')}</h2>
      <p>{t('handovers.link.text')}</p>
      <Link href={`/familier/${familyId}/overlevering`} className="button button-secondary">
        {t('handovers.link.open')}
      </Link>
    </section>
  );
}
