import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useSession } from '../../app/session.hook';
import { counsellingTexts, useTexts } from '../../i18n/lazy-texts';
import { canOpen } from '../home/staff-pages';
import { counsellingApi } from './counselling.api';

/**
 * On an accepted referral in "Henvisninger": the family counsellor opens the case from it, or goes
 * to the case she has opened from it already.
 */
export function ReferralCaseLink({ referralId }: { referralId: string }) {
  const ready = useTexts(counsellingTexts);
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.kind === 'staff' ? session.data : null;
  const counsellor = me !== null && canOpen(me.roles, 'openCounsellingCase');
  const mine = useQuery({
    // A referral opens one case (migration 0014): a closed one still is its case.
    queryKey: ['counselling', 'cases', 'mine', 'all', 'referrals'],
    queryFn: () => counsellingApi.list({ scope: 'mine', status: 'all', limit: 200, offset: 0 }),
    enabled: counsellor,
  });
  if (!ready || !counsellor || !mine.isSuccess) return null;
  const existing = mine.data.items.find((c) => c.referralId === referralId);
  return (
    <p className="mt-3">
      <Link
        href={existing ? `/raadgivning/${existing.id}` : `/raadgivning/nyt?henvisning=${referralId}`}
        className="button button-secondary button-small"
      >
        {existing ? t('counselling.referral.goTo') : t('counselling.referral.open')}
      </Link>
    </p>
  );
}
