import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { OfferForFamily, ParentMe } from '../../api/api.types';
import { portalApi } from '../../api/portal.api';
import { Alert } from '../../components/alert.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { OfferFacts } from '../offers/offer-facts.component';
import { useRuleWords } from '../offers/rule-words.hook';
import { byStanding, copenhagenToday, type Standing, standingOf } from '../offers/standing';
import { MyEnrollments } from './my-enrollments.component';

/** An offer a parent may join now or soon: what it is, and how to take part. */
function OfferCard({ offer, standing }: { offer: OfferForFamily; standing: Standing }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const headingId = `offer-${offer.id}`;
  return (
    <li>
      <article className="card fs-offer-card" aria-labelledby={headingId}>
        <div className="card-content">
          <h3 className="h4 mt-0" id={headingId}>
            {offer.name}
          </h3>
          {offer.description ? <p>{offer.description}</p> : null}
          <OfferFacts offer={offer} audience="parent" />
          {standing.kind === 'soon' ? (
            <p className="fs-when">{t('portalOffers.soonFrom', { date: fmt.date(standing.from) })}</p>
          ) : null}
          {standing.kind === 'now' && offer.kind === 'open_counselling' ? (
            <p className="fs-when">{t('portalOffers.dropIn')}</p>
          ) : null}
          {standing.kind === 'now' && offer.kind !== 'open_counselling' ? (
            <Link href={`/portal/tilbud/${offer.id}`} className="button button-primary fs-button-block">
              {t('portalOffers.signUp')}
              <span className="sr-only"> {offer.name}</span>
            </Link>
          ) : null}
        </div>
      </article>
    </li>
  );
}

/** An offer that is not for the family now: why, in plain words, and when it will be. */
function OtherOffer({
  offer,
  standing,
  today,
}: {
  offer: OfferForFamily;
  standing: Standing;
  today: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useRuleWords('parent');
  const failing = offer.forFamily?.rules.filter((r) => !r.ok) ?? [];
  return (
    <li className="fs-other-offer">
      <h3 className="h5 mt-0 mb-2">{offer.name}</h3>
      <p className="mt-0 mb-2 fs-muted">{offer.organisation.name}</p>
      {failing.map((r) => (
        <p key={r.rule} className="mt-0 mb-2">
          {words(offer, r, today)}
        </p>
      ))}
      {standing.kind === 'later' ? (
        <p className="mt-0 fs-when">{t('portalOffers.laterFrom', { date: fmt.date(standing.from) })}</p>
      ) : null}
    </li>
  );
}

/**
 * "Tilbud": what the family can join now and soon, its sign-ups, and — for the others — why
 * not, in the words a parent uses.
 */
export function PortalOffersPage({ me }: { me: ParentMe }) {
  const { t } = useTranslation();
  const search = new URLSearchParams(useSearch());
  const offers = useQuery({ queryKey: ['portal', 'offers'], queryFn: portalApi.offers });
  const today = copenhagenToday();
  const withdrawn = search.get('afmeldt');

  const sorted = [...(offers.data ?? [])].filter((o) => o.forFamily).sort(byStanding(today));
  const withStanding = sorted.map((o) => ({
    offer: o,
    standing: standingOf(o.forFamily as NonNullable<OfferForFamily['forFamily']>, today),
  }));
  const now = withStanding.filter((x) => x.standing.kind === 'now');
  const soon = withStanding.filter((x) => x.standing.kind === 'soon');
  const others = withStanding.filter((x) => ['later', 'not', 'passed'].includes(x.standing.kind));

  return (
    <>
      <PageHeading title={t('portalOffers.title')}>{t('portalOffers.title')}</PageHeading>
      <p className="font-lead">{t('portalOffers.lead')}</p>
      {withdrawn ? <Alert variant="success" heading={t('portalOffers.withdrawn')} /> : null}
      {me.families.length === 0 ? <p>{t('home.parent.noFamily')}</p> : null}

      <MyEnrollments me={me} />

      {offers.isPending ? <Loading /> : null}
      {offers.isError ? <ProblemAlert error={offers.error} /> : null}
      {offers.data ? (
        <>
          <section aria-labelledby="now-heading">
            <h2 id="now-heading">{t('portalOffers.nowHeading')}</h2>
            {now.length === 0 ? (
              <p>{t('portalOffers.nowNone')}</p>
            ) : (
              <ul className="nobullet-list no-max-width fs-offer-list">
                {now.map((x) => (
                  <OfferCard key={x.offer.id} offer={x.offer} standing={x.standing} />
                ))}
              </ul>
            )}
          </section>
          {soon.length > 0 ? (
            <section aria-labelledby="soon-heading">
              <h2 id="soon-heading">{t('portalOffers.soonHeading')}</h2>
              <p>{t('portalOffers.soonLead')}</p>
              <ul className="nobullet-list no-max-width fs-offer-list">
                {soon.map((x) => (
                  <OfferCard key={x.offer.id} offer={x.offer} standing={x.standing} />
                ))}
              </ul>
            </section>
          ) : null}
          {others.length > 0 ? (
            <section aria-labelledby="others-heading">
              <h2 id="others-heading">{t('portalOffers.othersHeading')}</h2>
              <p>{t('portalOffers.othersLead')}</p>
              <ul className="nobullet-list no-max-width">
                {others.map((x) => (
                  <OtherOffer key={x.offer.id} offer={x.offer} standing={x.standing} today={today} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
