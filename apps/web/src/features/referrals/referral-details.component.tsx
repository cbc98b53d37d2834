import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { sentAlong } from './referral-view';
import { referralsApi } from './referrals.api';

/**
 * The referral itself: why, what records came with it, and what has happened to it. Fetched
 * only when opened, because reading the reason is a read of the family's data that the parents
 * see in "Hvem har set mine data".
 */
function Details({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useQuery({
    queryKey: ['referrals', 'one', referralId],
    queryFn: () => referralsApi.get(referralId),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  const r = q.data;
  const attached = sentAlong(r.attachments);
  return (
    <>
      <h4 className="h5 mt-3 mb-1">{t('referrals.details.reason')}</h4>
      <p className="mt-0 fs-prewrap">{r.reason}</p>
      {r.rejectionReason ? (
        <>
          <h4 className="h5 mt-3 mb-1">{t('referrals.details.rejectionReason')}</h4>
          <p className="mt-0 fs-prewrap">{r.rejectionReason}</p>
        </>
      ) : null}
      <h4 className="h5 mt-3 mb-1">{t('referrals.details.attachments')}</h4>
      {attached.length === 0 ? (
        <p className="mt-0">{t('referrals.details.noAttachments')}</p>
      ) : (
        <ul className="mt-0">
          {attached.map((a) => (
            <li key={a.category}>
              {t(a.basis === 'consent' ? 'referrals.details.byConsent' : 'referrals.details.byOwnOrg', {
                category: t(`category.${a.category}`),
              })}
            </li>
          ))}
        </ul>
      )}
      <h4 className="h5 mt-3 mb-1">{t('referrals.details.history')}</h4>
      <ul className="mt-0">
        {r.events.map((e) => (
          <li key={`${e.status}-${e.at}`}>
            {t(`referrals.details.event.${e.status}`, { time: fmt.dateTime(e.at), name: e.by.name })}
            {e.note ? <span className="d-block fs-prewrap">{e.note}</span> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** "Vis henvisningen" under each referral in the list: the receiver reads why before deciding. */
export function ReferralDetails({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="mt-2">
      <button
        type="button"
        className="function-link"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('referrals.details.hide') : t('referrals.details.show')}
      </button>
      <div id={panelId} hidden={!open}>
        {open ? <Details referralId={referralId} /> : null}
      </div>
    </div>
  );
}
