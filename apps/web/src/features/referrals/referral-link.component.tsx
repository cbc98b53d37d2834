import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { referralTexts, useTexts } from '../../i18n/lazy-texts';

/** The family page's way to the "Henvis" form, for those who refer families. */
export function ReferralLink({ familyId }: { familyId: string }) {
  const ready = useTexts(referralTexts);
  const { t } = useTranslation();
  if (!ready) return null;
  return (
    <section aria-labelledby="referral-link-heading" className="fs-panel">
      <h2 id="referral-link-heading">{t('refer.link.heading')}</h2>
      <p>{t('refer.link.text')}</p>
      <Link href={`/familier/${familyId}/henvis`} className="button button-secondary">
        {t('refer.link.open')}
      </Link>
    </section>
  );
}
