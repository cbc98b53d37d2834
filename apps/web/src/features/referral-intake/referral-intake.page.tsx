import type { FamilySummary, ReferralIntake } from '@familiespor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { familiesApi } from '../../api/families.api';
import { Alert } from '../../components/alert.component';
import { ReasonForm } from '../../components/forms/reason-form.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { referralIntakeTexts, referralTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { statusBadge } from '../referrals/referral-view';
import { referralsApi } from '../referrals/referrals.api';
import { referralIntakeApi } from './referral-intake.api';

type Decide = Parameters<typeof referralIntakeApi.decide>[1];

/** What the parent told the counsellor, and her consent: both sides read the same. */
function PersonDetails({ r }: { r: ReferralIntake }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = r.person;
  const row = (label: string, value: string) => (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <>
      <h2 className="h3">{t('referralIntake.person')}</h2>
      <dl className="fs-summary">
        {row(t('referralIntake.role.legend'), t(`referralIntake.role.${p.role}`))}
        {row(t('referralIntake.phone'), p.phone ?? t('referralIntake.noContact'))}
        {row(t('referralIntake.email'), p.email ?? t('referralIntake.noContact'))}
        {row(t('referralIntake.cpr'), p.cpr ?? t('referralIntake.noCpr'))}
        {row(t('referralIntake.postcode'), p.postcode)}
        {row(
          t('referralIntake.homeMunicipality'),
          p.homeMunicipality?.name ?? t('referralIntake.unknownMunicipality'),
        )}
        {row(
          t('referralIntake.stageLabel'),
          p.dueDate
            ? t('referralIntake.pregnantUntil', { date: fmt.date(p.dueDate) })
            : t('referralIntake.childAge', { count: p.childAgeMonths ?? 0 }),
        )}
        {row(t('referralIntake.language'), fmt.languageName(p.preferredLanguage))}
        {row(
          t('referralIntake.interpreter'),
          p.interpreterNeeded ? t('referralIntake.interpreterYes') : t('referralIntake.interpreterNo'),
        )}
      </dl>
      <h2 className="h3">{t('referralIntake.reason')}</h2>
      <p className="fs-prewrap">{r.reason}</p>
      <h2 className="h3">{t('referralIntake.consentHeading')}</h2>
      <p>
        {t(`referralIntake.consentGiven.${r.consent.capturedHow}`, {
          time: fmt.dateTime(r.consent.givenAt),
          name: r.consent.recordedBy.name,
        })}
      </p>
      <p className="fs-muted">{r.consent.purpose}</p>
      {r.rejectionReason ? (
        <>
          <h2 className="h3">{t('referrals.details.rejectionReason')}</h2>
          <p className="fs-prewrap">{r.rejectionReason}</p>
        </>
      ) : null}
    </>
  );
}

/** Families found by CPR or name, each with its button to link the referral to it. */
function Candidates({
  families,
  busy,
  onLink,
}: {
  families: readonly FamilySummary[];
  busy: boolean;
  onLink: (familyId: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (families.length === 0) return <p>{t('referralIntake.noMatch')}</p>;
  return (
    <ul className="nobullet-list">
      {families.map((f) => {
        const names = fmt.list(f.parents.map((p) => p.name));
        return (
          <li key={f.id} className="fs-task" data-family={f.id}>
            <p className="mt-0 mb-2">
              {names}
              {f.district ? <span className="fs-muted"> · {f.district.name}</span> : null}
            </p>
            <button
              type="button"
              className="button button-primary button-small"
              disabled={busy}
              onClick={() => onLink(f.id)}
            >
              {t('referralIntake.link', { names })}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Accepting: the receiver finds the family (the CPR number the parent gave, or a name search of
 * her own) and links the referral to it, or registers the family from the details given.
 */
function AcceptPanel({ r, decide, busy }: { r: ReferralIntake; decide: (b: Decide) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState(`${r.person.givenName} ${r.person.familyName}`);
  const [term, setTerm] = useState<string | null>(null);
  const byCpr = useQuery({
    queryKey: ['families', 'search', 'cpr', r.person.cpr],
    queryFn: () => familiesApi.search({ cpr: r.person.cpr as string }),
    enabled: Boolean(r.person.cpr),
  });
  const byName = useQuery({
    queryKey: ['families', 'search', 'name', term],
    queryFn: () => familiesApi.search({ name: term as string }),
    enabled: term !== null,
  });
  const link = (familyId: string) => decide({ decision: 'accept', familyId });
  return (
    <section aria-labelledby="accept-heading" className="fs-panel">
      <h2 id="accept-heading" className="h3 mt-0">
        {t('referralIntake.acceptHeading')}
      </h2>
      <p>{t('referralIntake.acceptLead')}</p>
      {r.person.cpr ? (
        <>
          <h3 className="h4">{t('referralIntake.cprMatches')}</h3>
          {byCpr.isPending ? <Loading /> : null}
          {byCpr.isError ? <ProblemAlert error={byCpr.error} /> : null}
          {byCpr.data ? <Candidates families={byCpr.data} busy={busy} onLink={link} /> : null}
        </>
      ) : null}
      <form
        className="mt-5"
        onSubmit={(e) => {
          e.preventDefault();
          setTerm(name.trim());
        }}
      >
        <label className="form-label" htmlFor="intake-search-name">
          {t('referralIntake.searchName')}
        </label>
        <div className="fs-actions">
          <input
            id="intake-search-name"
            className="form-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="button button-secondary">
            {t('referralIntake.search')}
          </button>
        </div>
      </form>
      {term !== null && byName.isPending ? <Loading /> : null}
      {byName.isError ? <ProblemAlert error={byName.error} /> : null}
      {term !== null && byName.data ? <Candidates families={byName.data} busy={busy} onLink={link} /> : null}
      <p className="mt-5 mb-2">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => decide({ decision: 'accept', registerFamily: true })}
        >
          {t('referralIntake.register')}
        </button>
      </p>
      <p className="fs-muted mt-0">{t('referralIntake.registerHint')}</p>
    </section>
  );
}

/** After acceptance the receiver goes on with the family; the sender only sees the status. */
function AcceptedFamilyLink({ referralId }: { referralId: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['referrals', 'one', referralId],
    queryFn: () => referralsApi.get(referralId),
  });
  if (!q.data?.family.parents) return null;
  return (
    <p>
      <Link href={`/familier/${q.data.family.id}`} className="button button-primary">
        {t('referralIntake.openFamily')}
      </Link>
    </p>
  );
}

/** One referral of a person not yet known: for its sender (status and what she entered) and its receiver (the steps). */
export function ReferralIntakePage({ intakeId }: { intakeId: string }) {
  const ready = useTexts(referralIntakeTexts);
  const referralsReady = useTexts(referralTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const justSent = new URLSearchParams(useSearch()).get('sendt') === '1';
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['referral-intakes', 'one', intakeId],
    queryFn: () => referralIntakeApi.get(intakeId),
  });
  const act = useMutation({
    mutationFn: (b: 'acknowledge' | Decide) =>
      b === 'acknowledge' ? referralIntakeApi.acknowledge(intakeId) : referralIntakeApi.decide(intakeId, b),
    onSuccess: (updated) => {
      client.setQueryData(['referral-intakes', 'one', intakeId], updated);
      void client.invalidateQueries({ queryKey: ['referral-intakes'] });
      void client.invalidateQueries({ queryKey: ['referrals'] });
      setRejecting(false);
      setMessage(
        updated.status === 'accepted'
          ? t('referralIntake.accepted')
          : t(`referrals.done.${updated.status === 'received' ? 'received' : 'rejected'}`),
      );
    },
  });
  if (!ready || !referralsReady || q.isPending) return <Loading />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  const r = q.data;
  const title = t('referralIntake.detailTitle', { name: r.personName });
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <p>
        <Link href="/henvisninger">{t('referralIntake.toList')}</Link>
      </p>
      {justSent && !message ? (
        <Alert variant="success" heading={t('referralIntake.sent', { offer: r.to.offer.name })} />
      ) : null}
      {message ? <Alert variant="success" heading={message} /> : null}
      <p>
        <span className={`badge ${statusBadge(r.status)} fs-badge-inline`} data-status={r.status}>
          {t(`referralIntake.status.${r.status}`)}
        </span>{' '}
        {r.overdue ? (
          <span className="badge badge-error fs-badge-inline">
            {t('referrals.overdue', { date: fmt.date(r.ackDeadline.dueOn) })}
          </span>
        ) : null}
      </p>
      <p className="mb-2">
        {t('referralIntake.sentBy', { name: r.from.sentBy.name, organisation: r.from.organisation.name })}
      </p>
      <p className="mt-0">{t('referrals.to', { name: `${r.to.offer.name}, ${r.to.organisation.name}` })}</p>
      <p className="fs-muted">
        {t('referrals.sentOn', { date: fmt.date(r.createdAt.slice(0, 10)) })}
        {r.status === 'requested'
          ? ` · ${t('referrals.deadline', { date: fmt.date(r.ackDeadline.dueOn), days: r.ackDeadline.workingDays })}`
          : null}
      </p>
      {act.isError ? <ProblemAlert error={act.error} /> : null}
      {r.actions.includes('acknowledge') ? (
        <p>
          <button
            type="button"
            className="button button-primary"
            disabled={act.isPending}
            onClick={() => act.mutate('acknowledge')}
          >
            {t('referrals.action.acknowledge')}
          </button>
        </p>
      ) : null}
      <PersonDetails r={r} />
      {r.actions.includes('accept') && !rejecting ? (
        <>
          <AcceptPanel r={r} decide={(b) => act.mutate(b)} busy={act.isPending} />
          <p>
            <button type="button" className="button button-tertiary" onClick={() => setRejecting(true)}>
              {t('referrals.action.reject')}
            </button>
          </p>
        </>
      ) : null}
      {rejecting ? (
        <ReasonForm
          id="intake-reject-reason"
          label={t('referralIntake.rejectReason')}
          hint={t('referralIntake.rejectHint')}
          rows={3}
          value={reason}
          error={reasonError}
          onChange={setReason}
          onSubmit={() => {
            if (!reason.trim()) {
              setReasonError(t('referralIntake.rejectRequired'));
              return;
            }
            setReasonError(undefined);
            act.mutate({ decision: 'reject', reason: reason.trim() });
          }}
          failure={act.isError ? act.error : null}
          busy={act.isPending}
          submitLabel={t('referrals.reject.confirm')}
          backLabel={t('referrals.reject.back')}
          onBack={() => setRejecting(false)}
        />
      ) : null}
      {r.status === 'accepted' && r.referralId ? <AcceptedFamilyLink referralId={r.referralId} /> : null}
    </>
  );
}
