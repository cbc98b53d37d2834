import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ProblemAlert } from '../../components/problem-alert.component';
import { referralIntakeTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { statusBadge } from '../referrals/referral-view';
import { referralIntakeApi } from './referral-intake.api';

/**
 * On "Henvisninger": the people referred by name who are not yet a family in Familiespor —
 * received (overdue first) or sent, with where each stands. Shown only when there are some.
 */
export function IntakeBox({ box }: { box: 'received' | 'sent' }) {
  const ready = useTexts(referralIntakeTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const q = useQuery({ queryKey: ['referral-intakes', box], queryFn: () => referralIntakeApi.list(box) });
  if (!ready || q.isPending) return null;
  if (q.isError) return <ProblemAlert error={q.error} />;
  if (q.data.items.length === 0) return null;
  return (
    <section aria-labelledby={`intakes-${box}`} className="mt-7">
      <h2 id={`intakes-${box}`} className="h3">
        {t(`referralIntake.listHeading.${box}`)}
      </h2>
      <p>{t(`referralIntake.listLead.${box}`)}</p>
      <ul className="nobullet-list">
        {q.data.items.map((i) => (
          <li key={i.id} className="fs-task" data-intake={i.id}>
            <h3 className="mt-0 mb-2 h4">
              <Link href={`/henvisninger/med-navn/${i.id}`}>{i.personName}</Link>
            </h3>
            <p className="mt-0 mb-2">
              <span className={`badge ${statusBadge(i.status)} fs-badge-inline`} data-status={i.status}>
                {t(`referralIntake.status.${i.status}`)}
              </span>{' '}
              {i.urgency === 'urgent' ? (
                <span className="badge badge-warning fs-badge-inline">
                  {t('referralIntake.urgency.urgent')}
                </span>
              ) : null}{' '}
              {i.overdue ? (
                <span className="badge badge-error fs-badge-inline">
                  {t('referrals.overdue', { date: fmt.date(i.ackDeadline.dueOn) })}
                </span>
              ) : null}
            </p>
            <p className="mt-0 mb-2">
              {box === 'received'
                ? t('referrals.from', { name: i.from.sentBy.name, organisation: i.from.organisation.name })
                : t('referrals.to', { name: `${i.to.offer.name}, ${i.to.organisation.name}` })}
            </p>
            <p className="mt-0 mb-2 fs-muted">
              {t('referrals.sentOn', { date: fmt.date(i.createdAt.slice(0, 10)) })}
              {i.status === 'requested' && !i.overdue
                ? ` · ${t('referrals.deadline', { date: fmt.date(i.ackDeadline.dueOn), days: i.ackDeadline.workingDays })}`
                : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
