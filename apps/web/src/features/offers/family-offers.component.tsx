import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { Enrollment, FamilyDetail, OfferForFamily, StaffMe } from '../../api/api.types';
import { offersApi } from '../../api/offers.api';
import { Alert } from '../../components/alert.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { NameList } from '../../components/name-list.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { FamilySignUpForm } from './family-sign-up.component';
import { EnrollmentBadge } from './offer-facts.component';
import { useRuleWords } from './rule-words.hook';
import { byStanding, copenhagenToday, type Standing, standingOf } from './standing';

/** Health visitors and midwives sign families up and refer them (DESIGN §1: the midwife at week 16). */
const signUpRoles = ['health_visitor', 'midwife'] as const;

function StandingBadge({ standing }: { standing: Standing }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  switch (standing.kind) {
    case 'signed_up':
      return null;
    case 'now':
      return <span className="badge badge-success fs-badge-inline">{t('familyOffers.standing.now')}</span>;
    case 'soon':
      return (
        <span className="badge badge-info fs-badge-inline">
          {t('familyOffers.standing.soon', { date: fmt.date(standing.from) })}
        </span>
      );
    case 'later':
      return (
        <span className="badge fs-badge-inline">
          {t('familyOffers.standing.later', { date: fmt.date(standing.from) })}
        </span>
      );
    case 'passed':
      return <span className="badge fs-badge-inline">{t('familyOffers.standing.passed')}</span>;
    default:
      return <span className="badge fs-badge-inline">{t('familyOffers.standing.not')}</span>;
  }
}

function OfferRow({
  offer,
  family,
  enrollment,
  maySignUp,
  today,
}: {
  offer: OfferForFamily;
  family: FamilyDetail;
  enrollment: Enrollment | undefined;
  maySignUp: boolean;
  today: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const words = useRuleWords('staff');
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<Enrollment | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const e = offer.forFamily;
  if (!e) return null;
  const standing = standingOf(e, today);
  const failingOthers = e.rules.filter((r) => !r.ok && r.rule !== 'referral');
  const needsReferral = e.rules.some((r) => r.rule === 'referral' && !r.ok);
  const canAct =
    maySignUp &&
    offer.active &&
    offer.kind !== 'open_counselling' &&
    standing.kind !== 'signed_up' &&
    (standing.kind === 'now' || (needsReferral && failingOthers.length === 0));
  const parents = family.members.filter((m) => m.role !== 'child');
  const status = enrollment?.status ?? (e.enrollment?.status as Enrollment['status'] | undefined);
  return (
    <li>
      <details className="details" open={Boolean(done) || undefined}>
        <summary className="details-summary">
          <span className="details-summary-text">
            {offer.name}
            {status && standing.kind === 'signed_up' ? (
              <EnrollmentBadge status={status} position={enrollment?.waitlistPosition} />
            ) : (
              <StandingBadge standing={standing} />
            )}
          </span>
        </summary>
        <div className="details-text">
          <p className="fs-muted mt-0">
            {offer.organisation.name} · {t(`offers.kind.${offer.kind}`)}
          </p>
          {done ? (
            <Alert
              variant="success"
              headingLevel={3}
              heading={
                done.status === 'waitlisted'
                  ? t('familyOffers.doneWaitlisted', { n: fmt.number(done.waitlistPosition ?? 0) })
                  : t('familyOffers.doneEnrolled')
              }
            />
          ) : null}
          {enrollment ? (
            <p>
              {t('familyOffers.participants')} <NameList names={enrollment.participants.map((p) => p.name)} />
            </p>
          ) : null}
          {e.rules.length === 0 ? (
            <p>{t('familyOffers.noRules')}</p>
          ) : (
            <ul className="nobullet-list fs-rules">
              {e.rules.map((r) => (
                <li key={r.rule} className={r.ok ? 'fs-rule-ok' : 'fs-rule-no'}>
                  <Icon
                    name={r.ok ? 'check' : 'close'}
                    className="fs-rule-icon"
                    label={r.ok ? t('familyOffers.ruleOk') : t('familyOffers.ruleNo')}
                  />
                  <span>{words(offer, r, today)}</span>
                </li>
              ))}
            </ul>
          )}
          {canAct && !open && !done ? (
            <button
              ref={opener}
              type="button"
              className="button button-primary"
              onClick={() => setOpen(true)}
            >
              {needsReferral ? t('familyOffers.refer') : t('familyOffers.signUp')}
            </button>
          ) : null}
          {open ? (
            <FamilySignUpForm
              offer={offer}
              familyId={family.id}
              parents={parents}
              referral={needsReferral}
              today={today}
              onCancel={() => {
                setOpen(false);
                requestAnimationFrame(() => opener.current?.focus());
              }}
              onDone={(result) => {
                setOpen(false);
                setDone(result);
                void client.invalidateQueries({ queryKey: ['family', family.id] });
              }}
            />
          ) : null}
          <p className="mb-0">
            <Link href={`/tilbud/${offer.id}`}>{t('familyOffers.aboutOffer', { offer: offer.name })}</Link>
          </p>
        </div>
      </details>
    </li>
  );
}

/** "Kan familien være med?": each offer with its rules checked for this family, and sign-up or referral. */
export function FamilyOffers({ family, me }: { family: FamilyDetail; me: StaffMe }) {
  const { t } = useTranslation();
  const today = copenhagenToday();
  const offers = useQuery({
    queryKey: ['family', family.id, 'offers'],
    queryFn: () => offersApi.list({ familyId: family.id }),
  });
  // Waitlist places and participants; a role without access to course records gets a 403 and
  // sees the status from the offers list only.
  const enrollments = useQuery({
    queryKey: ['family', family.id, 'enrollments'],
    queryFn: () => offersApi.familyEnrollments(family.id),
  });
  const maySignUp = me.roles.some((r) => (signUpRoles as readonly string[]).includes(r));
  const sorted = [...(offers.data ?? [])].sort(byStanding(today));
  return (
    <section aria-labelledby="family-offers-heading">
      <h2 id="family-offers-heading">{t('familyOffers.heading')}</h2>
      <p>{maySignUp ? t('familyOffers.leadSignUp') : t('familyOffers.lead')}</p>
      {offers.isPending ? <Loading /> : null}
      {offers.isError ? <ProblemAlert error={offers.error} /> : null}
      {offers.data ? (
        <ul className="nobullet-list no-max-width fs-family-offers">
          {sorted.map((o) => (
            <OfferRow
              key={o.id}
              offer={o}
              family={family}
              enrollment={enrollments.data?.find(
                (e) => e.offerId === o.id && ['invited', 'waitlisted', 'enrolled'].includes(e.status),
              )}
              maySignUp={maySignUp}
              today={today}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
