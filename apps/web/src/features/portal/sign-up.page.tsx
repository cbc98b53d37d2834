import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../../api/api.client';
import type { Enrollment, OfferForFamily, ParentMe } from '../../api/api.types';
import { portalApi } from '../../api/portal.api';
import { Alert } from '../../components/alert.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { EnrollmentBadge, OfferFacts } from '../offers/offer-facts.component';
import { useRuleWords } from '../offers/rule-words.hook';
import { copenhagenToday, standingOf } from '../offers/standing';
import { knownParents } from './known-parents';

function BackToOffers() {
  const { t } = useTranslation();
  return (
    <p>
      <Link href="/portal/tilbud" className="back-link">
        <Icon name="chevron-left" />
        {t('portalOffers.backToOffers')}
      </Link>
    </p>
  );
}

/** What happens next, after the sign-up: seat or waitlist, and where the dates will come. */
function Done({ enrollment, offer }: { enrollment: Enrollment; offer: OfferForFamily }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  return (
    <div ref={ref}>
      <Alert
        variant="success"
        heading={
          enrollment.status === 'waitlisted'
            ? t('signUp.doneWaitlisted', {
                offer: offer.name,
                n: fmt.number(enrollment.waitlistPosition ?? 0),
              })
            : t('signUp.doneEnrolled', { offer: offer.name })
        }
      >
        <p>
          <EnrollmentBadge status={enrollment.status} position={enrollment.waitlistPosition} />
        </p>
        <p>{offer.fiv ? t('signUp.nextFiv') : t('signUp.next')}</p>
      </Alert>
      <ul className="nobullet-list">
        <li>
          <Link href="/portal/tilbud">{t('signUp.toOffers')}</Link>
        </li>
        <li>
          <Link href="/portal/aftaler">{t('signUp.toAppointments')}</Link>
        </li>
      </ul>
    </div>
  );
}

/** Sign-up: the parents choose who takes part — both on equal footing, by default. */
export function SignUpPage({ me, offerId }: { me: ParentMe; offerId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const words = useRuleWords('parent');
  const offers = useQuery({ queryKey: ['portal', 'offers'], queryFn: portalApi.offers });
  const enrollments = useQuery({ queryKey: ['portal', 'enrollments'], queryFn: portalApi.enrollments });
  const family = useQuery({ queryKey: ['portal', 'timeline'], queryFn: portalApi.timeline });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [error, setError] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Enrollment | null>(null);
  const firstBox = useRef<HTMLInputElement>(null);
  const today = copenhagenToday();

  if (offers.isPending || enrollments.isPending || family.isPending) return <Loading />;
  if (offers.isError || enrollments.isError)
    return (
      <>
        <BackToOffers />
        <PageHeading title={t('signUp.titleUnknown')}>{t('signUp.titleUnknown')}</PageHeading>
        <ProblemAlert error={offers.error ?? enrollments.error} />
      </>
    );
  const offer = offers.data.find((o) => o.id === offerId);
  if (!offer?.forFamily) {
    return (
      <>
        <BackToOffers />
        <PageHeading title={t('signUp.titleUnknown')}>{t('signUp.titleUnknown')}</PageHeading>
        <p>{t('signUp.unknown')}</p>
      </>
    );
  }
  const title = t('signUp.title', { offer: offer.name });
  const parents = knownParents(me.person, family.data?.parents ?? [], enrollments.data);
  const selected = chosen ?? parents.map((p) => p.personId);
  const standing = standingOf(offer.forFamily, today);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (selected.length === 0) {
      setError(true);
      firstBox.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const enrollment = await portalApi.enroll(offer.id, selected);
      setDone(enrollment);
      await client.invalidateQueries({ queryKey: ['portal'] });
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const refused =
    failure instanceof ApiError
      ? (failure.problem?.errors ?? []).filter((e) => e.code.startsWith('not_eligible_'))
      : [];

  return (
    <>
      <BackToOffers />
      <PageHeading title={title}>{title}</PageHeading>
      {done ? (
        <Done enrollment={done} offer={offer} />
      ) : (
        <>
          {offer.description ? <p className="font-lead">{offer.description}</p> : null}
          <OfferFacts offer={offer} audience="parent" />
          {standing.kind === 'signed_up' ? (
            <Alert variant="info" heading={t('signUp.already')}>
              <p>
                <Link href="/portal/tilbud">{t('signUp.toOffers')}</Link>
              </p>
            </Alert>
          ) : standing.kind !== 'now' ? (
            <Alert variant="info" heading={t('signUp.notNow')}>
              {offer.forFamily.rules
                .filter((r) => !r.ok)
                .map((r) => (
                  <p key={r.rule}>{words(offer, r, today)}</p>
                ))}
            </Alert>
          ) : (
            <form onSubmit={(e) => void submit(e)} noValidate className="mt-6">
              {failure && refused.length === 0 ? <ProblemAlert error={failure} /> : null}
              {refused.length > 0 ? (
                <Alert variant="error" heading={t('signUp.refused')}>
                  {offer.forFamily.rules
                    .filter((r) => refused.some((e) => e.code === `not_eligible_${r.rule}`))
                    .map((r) => (
                      <p key={r.rule}>{words({ ...offer }, { ...r, ok: false }, today)}</p>
                    ))}
                </Alert>
              ) : null}
              <div className={`form-group${error ? ' form-error' : ''}`}>
                <fieldset aria-describedby={error ? 'who-hint who-error' : 'who-hint'}>
                  <legend className="form-label">{t('signUp.who')}</legend>
                  <span className="form-hint" id="who-hint">
                    {t('signUp.whoHint')}
                  </span>
                  {error ? (
                    <span className="form-error-message" id="who-error" role="alert">
                      <span className="sr-only">{t('forms.errorPrefix')} </span>
                      {t('signUp.whoMissing')}
                    </span>
                  ) : null}
                  {parents.map((p, i) => (
                    <div className="form-group-checkbox" key={p.personId}>
                      <input
                        ref={i === 0 ? firstBox : undefined}
                        type="checkbox"
                        className="form-checkbox"
                        id={`who-${p.personId}`}
                        checked={selected.includes(p.personId)}
                        aria-invalid={error ? true : undefined}
                        onChange={(e) => {
                          setError(false);
                          setChosen(
                            e.target.checked
                              ? [...selected, p.personId]
                              : selected.filter((x) => x !== p.personId),
                          );
                        }}
                      />
                      <label htmlFor={`who-${p.personId}`}>
                        {p.self ? t('signUp.you', { name: p.name }) : <bdi>{p.name}</bdi>}
                      </label>
                    </div>
                  ))}
                </fieldset>
              </div>
              {parents.length === 1 ? (
                <Alert variant="info" heading={t('signUp.partnerHeading')} headingLevel={2}>
                  <p>{t('signUp.partnerText')}</p>
                </Alert>
              ) : null}
              <div className="fs-actions">
                <button type="submit" className="button button-primary" disabled={busy}>
                  {t('signUp.submit')}
                </button>
                <Link href="/portal/tilbud" className="button button-secondary">
                  {t('common.cancel')}
                </Link>
              </div>
            </form>
          )}
        </>
      )}
    </>
  );
}
