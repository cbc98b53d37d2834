import type { ReferralSummary } from '@familiespor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { Alert } from '../../components/alert.component';
import { ReasonForm } from '../../components/forms/reason-form.component';
import { Loading } from '../../components/loading.component';
import { NameList } from '../../components/name-list.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { Tabs } from '../../components/tabs.component';
import { referralTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { ReferralCaseLink } from '../counselling/referral-case-link.component';
import { IntakeBox } from '../referral-intake/intake-list.component';
import { ReferralDetails } from './referral-details.component';
import { type Box, nextActions, receiverName, statusBadge } from './referral-view';
import { referralsApi } from './referrals.api';

/** The receiving side's buttons: acknowledge, then accept or reject with the reason, then complete. */
function ReferralActions({ r, onDone }: { r: ReferralSummary; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const id = `referral-${r.id.slice(0, 8)}`;
  const act = useMutation({
    mutationFn: (a: 'acknowledge' | 'accept' | 'reject' | 'complete') =>
      a === 'acknowledge'
        ? referralsApi.acknowledge(r.id)
        : a === 'complete'
          ? referralsApi.complete(r.id)
          : referralsApi.decide(
              r.id,
              a === 'reject' ? { decision: 'reject', reason: reason.trim() } : { decision: 'accept' },
            ),
    // Accepting a referral to an offer opens the offer to the family; it does not sign it up.
    onSuccess: (updated) =>
      onDone(
        updated.status === 'accepted' && updated.to.offer
          ? t('referrals.done.acceptedOffer', { offer: updated.to.offer.name })
          : t(`referrals.done.${updated.status}`),
      ),
  });
  const actions = nextActions(r.status);
  if (actions.length === 0) return null;
  if (rejecting) {
    return (
      <ReasonForm
        id={`${id}-reason`}
        label={t('referrals.reject.reason')}
        hint={t('referrals.reject.reasonHint')}
        rows={3}
        value={reason}
        error={reasonError}
        onChange={setReason}
        onSubmit={() => {
          if (!reason.trim()) {
            setReasonError(t('referrals.reject.reasonRequired'));
            return;
          }
          setReasonError(undefined);
          act.mutate('reject');
        }}
        failure={act.isError ? act.error : null}
        busy={act.isPending}
        submitLabel={t('referrals.reject.confirm')}
        backLabel={t('referrals.reject.back')}
        onBack={() => setRejecting(false)}
      />
    );
  }
  return (
    <>
      {act.isError ? <ProblemAlert error={act.error} /> : null}
      <div className="fs-actions mt-3">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`button button-small ${a === 'reject' ? 'button-tertiary' : a === 'acknowledge' || a === 'accept' ? 'button-primary' : 'button-secondary'}`}
            disabled={act.isPending}
            onClick={() => (a === 'reject' ? setRejecting(true) : act.mutate(a))}
          >
            {t(`referrals.action.${a}`)}
          </button>
        ))}
      </div>
    </>
  );
}

function ReferralItem({ r, box, onDone }: { r: ReferralSummary; box: Box; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <li className="fs-task" data-referral={r.id}>
      <h3 className="mt-0 mb-2 h4">
        {r.family.parents ? (
          <Link href={`/familier/${r.family.id}`}>
            <NameList names={r.family.parents} />
          </Link>
        ) : (
          t('referrals.familyHidden')
        )}
      </h3>
      <p className="mt-0 mb-2">
        <span className={`badge ${statusBadge(r.status)} fs-badge-inline`} data-status={r.status}>
          {t(`referrals.status.${r.status}`)}
        </span>{' '}
        {r.urgency === 'urgent' ? (
          <span className="badge badge-warning fs-badge-inline">{t('referrals.urgency.urgent')}</span>
        ) : null}{' '}
        {r.overdue ? (
          <span className="badge badge-error fs-badge-inline">
            {t('referrals.overdue', { date: fmt.date(r.ackDeadline.dueOn) })}
          </span>
        ) : null}
      </p>
      <p className="mt-0 mb-2">
        {box === 'received'
          ? t('referrals.from', { name: r.from.sentBy.name, organisation: r.from.organisation.name })
          : t('referrals.to', { name: receiverName(r) })}
      </p>
      <p className="mt-0 mb-2 fs-muted">
        {t('referrals.sentOn', { date: fmt.date(r.createdAt.slice(0, 10)) })}
        {r.status === 'requested' && !r.overdue
          ? ` · ${t('referrals.deadline', { date: fmt.date(r.ackDeadline.dueOn), days: r.ackDeadline.workingDays })}`
          : null}
      </p>
      <ReferralDetails referralId={r.id} />
      {box === 'received' ? <ReferralActions r={r} onDone={onDone} /> : null}
      {box === 'received' && r.status === 'accepted' ? <ReferralCaseLink referralId={r.id} /> : null}
    </li>
  );
}

function ReferralBox({ box, onDone }: { box: Box; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['referrals', box], queryFn: () => referralsApi.list(box) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  if (q.data.items.length === 0) return <p>{t(`referrals.empty.${box}`)}</p>;
  return (
    <ul className="nobullet-list" aria-label={t(`referrals.tab.${box}`)}>
      {q.data.items.map((r) => (
        <ReferralItem key={r.id} r={r} box={box} onDone={onDone} />
      ))}
    </ul>
  );
}

/**
 * "Henvisninger": the inbox of referrals to the user's units (overdue first), and the referrals
 * the user sent, with where each stands — a referral must never vanish.
 */
export function ReferralsPage() {
  const { t } = useTranslation();
  const ready = useTexts(referralTexts);
  const client = useQueryClient();
  const search = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const box: Box = search.get('fane') === 'sendt' ? 'sent' : 'received';
  const [message, setMessage] = useState<string | null>(null);
  if (!ready) return <Loading />;
  const done = (m: string) => {
    setMessage(m);
    void client.invalidateQueries({ queryKey: ['referrals'] });
  };
  return (
    <>
      <PageHeading title={t('pages.referrals.title')}>{t('pages.referrals.title')}</PageHeading>
      <p className="font-lead">{t('referrals.lead')}</p>
      {message ? <Alert variant="success" heading={message} /> : null}
      <Tabs
        id="referrals"
        tabs={[
          { key: 'received', label: t('referrals.tab.received') },
          { key: 'sent', label: t('referrals.tab.sent') },
        ]}
        selected={box}
        onSelect={(k) => {
          setMessage(null);
          navigate(k === 'sent' ? '/henvisninger?fane=sendt' : '/henvisninger', { replace: true });
        }}
      >
        <ReferralBox box={box} onDone={done} />
        <IntakeBox box={box} />
      </Tabs>
    </>
  );
}
