import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import type { Enrollment, ParentMe } from '../../api/api.types';
import { portalApi } from '../../api/portal.api';
import { Loading } from '../../components/loading.component';
import { NameList } from '../../components/name-list.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { EnrollmentBadge } from '../offers/offer-facts.component';
import { openStatuses, withdrawalKind } from './known-parents';

const minReason = 3;

/** "Meld fra": the reason helps the service; the waitlist moves up when a seat is freed. */
function WithdrawForm({ enrollment, onCancel }: { enrollment: Enrollment; onCancel: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const sessions = useQuery({ queryKey: ['portal', 'sessions'], queryFn: portalApi.sessions });
  useEffect(() => input.current?.focus(), []);
  const id = `withdraw-${enrollment.id}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < minReason) {
      setError(true);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await portalApi.withdraw(enrollment.id, {
        status: withdrawalKind(enrollment, sessions.data ?? []),
        reason: reason.trim(),
      });
      await client.invalidateQueries({ queryKey: ['portal'] });
      navigate(`/portal/tilbud?afmeldt=${enrollment.offerId}`, { replace: true });
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="mt-4">
      {failure ? <ProblemAlert error={failure} /> : null}
      <div className={`form-group${error ? ' form-error' : ''}`}>
        <label className="form-label" htmlFor={id}>
          {t('portalOffers.withdrawReason')}
        </label>
        <span className="form-hint" id={`${id}-hint`}>
          {t('portalOffers.withdrawHint')}
        </span>
        {error ? (
          <span className="form-error-message" id={`${id}-error`} role="alert">
            <span className="sr-only">{t('forms.errorPrefix')} </span>
            {t('portalOffers.withdrawReasonMissing')}
          </span>
        ) : null}
        <textarea
          ref={input}
          id={id}
          className="form-input"
          rows={3}
          value={reason}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(e) => {
            setReason(e.target.value);
            setError(false);
          }}
        />
      </div>
      <div className="fs-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('portalOffers.withdrawSubmit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function EnrollmentCard({ enrollment }: { enrollment: Enrollment }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [withdrawing, setWithdrawing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const headingId = `enrollment-${enrollment.id}`;
  return (
    <li>
      <article className="card fs-offer-card" aria-labelledby={headingId}>
        <div className="card-content">
          <h3 className="h4 mt-0 mb-2" id={headingId}>
            {enrollment.offerName}
          </h3>
          <p className="mt-0">
            <EnrollmentBadge status={enrollment.status} position={enrollment.waitlistPosition} />
          </p>
          <p>
            {t('portalOffers.participants')} <NameList names={enrollment.participants.map((p) => p.name)} />
          </p>
          <p className="fs-muted">
            {t('portalOffers.signedUpAt', { date: fmt.date(enrollment.signedUpAt) })}
          </p>
          <p>
            {enrollment.status === 'waitlisted'
              ? t('portalOffers.nextWaitlisted')
              : enrollment.cohortId
                ? t('portalOffers.nextCohort')
                : t('portalOffers.nextEnrolled')}
          </p>
          {enrollment.cohortId ? (
            <p>
              <Link href="/portal/aftaler">{t('portalOffers.seeAppointments')}</Link>
            </p>
          ) : null}
          {withdrawing ? (
            <WithdrawForm
              enrollment={enrollment}
              onCancel={() => {
                setWithdrawing(false);
                // The form is gone; the button that opened it is where the user continues.
                requestAnimationFrame(() => opener.current?.focus());
              }}
            />
          ) : (
            <button
              ref={opener}
              type="button"
              className="button button-secondary"
              onClick={() => setWithdrawing(true)}
            >
              {t('portalOffers.withdraw')}
              <span className="sr-only"> {enrollment.offerName}</span>
            </button>
          )}
        </div>
      </article>
    </li>
  );
}

/** The family's sign-ups: open ones with their status, ended ones folded away. */
export function MyEnrollments({ me }: { me: ParentMe }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const enrollments = useQuery({
    queryKey: ['portal', 'enrollments'],
    queryFn: portalApi.enrollments,
    enabled: me.families.length > 0,
  });
  if (enrollments.isPending) return me.families.length > 0 ? <Loading /> : null;
  if (enrollments.isError) return <ProblemAlert error={enrollments.error} />;
  const open = enrollments.data.filter((e) => openStatuses.includes(e.status));
  const ended = enrollments.data.filter((e) => !openStatuses.includes(e.status));
  if (open.length === 0 && ended.length === 0) return null;
  return (
    <section aria-labelledby="enrollments-heading">
      <h2 id="enrollments-heading">{t('portalOffers.enrollmentsHeading')}</h2>
      {open.length > 0 ? (
        <ul className="nobullet-list no-max-width fs-offer-list">
          {open.map((e) => (
            <EnrollmentCard key={e.id} enrollment={e} />
          ))}
        </ul>
      ) : (
        <p>{t('portalOffers.noOpenEnrollments')}</p>
      )}
      {ended.length > 0 ? (
        <details className="details mt-5">
          <summary className="details-summary">
            <span className="details-summary-text">
              {t('portalOffers.endedHeading', { count: ended.length, n: fmt.number(ended.length) })}
            </span>
          </summary>
          <div className="details-text">
            <ul className="nobullet-list">
              {ended.map((e) => (
                <li key={e.id} className="mb-4">
                  <strong>{e.offerName}</strong> <EnrollmentBadge status={e.status} />
                  {e.endedAt ? (
                    <span className="d-block fs-muted">
                      {t('portalOffers.endedAt', { date: fmt.date(e.endedAt) })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
    </section>
  );
}
