import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { StaffMe } from '../../api/api.types';
import { offersApi } from '../../api/offers.api';
import { Alert } from '../../components/alert.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { canOpen } from '../home/staff-pages';
import { OfferFacts } from './offer-facts.component';
import { useEligibilitySummary, useOffsetWords } from './offer-words.hook';

/** One offer for staff: what it is, who it is for, its sites and — for a course — its sessions. */
export function OfferPage({ me, offerId }: { me: StaffMe; offerId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const who = useEligibilitySummary();
  const offset = useOffsetWords();
  const saved = new URLSearchParams(useSearch()).get('status');
  const offer = useQuery({ queryKey: ['offers', offerId], queryFn: () => offersApi.offer(offerId) });
  const back = (
    <p>
      <Link href="/tilbud" className="back-link">
        <Icon name="chevron-left" />
        {t('catalogue.back')}
      </Link>
    </p>
  );
  if (offer.isPending) return <Loading />;
  if (offer.isError)
    return (
      <>
        {back}
        <PageHeading title={t('pages.offers.title')}>{t('pages.offers.title')}</PageHeading>
        <ProblemAlert error={offer.error} />
      </>
    );
  const o = offer.data;
  const mayEdit = canOpen(me.roles, 'editOffer') && me.organisation.id === o.organisation.id;
  const plannable = mayEdit && o.kind === 'course' && (o.template?.length ?? 0) > 0 && o.sites.length > 0;
  return (
    <>
      {back}
      <PageHeading title={o.name}>{o.name}</PageHeading>
      {saved === 'oprettet' ? <Alert variant="success" heading={t('offerForm.created')} /> : null}
      {saved === 'gemt' ? <Alert variant="success" heading={t('offerForm.saved')} /> : null}
      {!o.active ? <Alert variant="info" heading={t('catalogue.inactiveText')} /> : null}
      {o.description ? <p className="font-lead">{o.description}</p> : null}
      {mayEdit ? (
        <div className="fs-actions mt-4 mb-6">
          <Link href={`/tilbud/${o.id}/rediger`} className="button button-secondary">
            <Icon name="edit" />
            {t('catalogue.edit')}
          </Link>
          {plannable ? (
            <Link href={`/hold/planlaeg?tilbud=${o.id}`} className="button button-secondary">
              {t('pages.planCohorts.title')}
            </Link>
          ) : null}
          <Link href={`/tal/tilfredshed?tilbud=${o.id}`} className="button button-secondary">
            {t('pages.surveyResults.title')}
          </Link>
        </div>
      ) : null}
      <OfferFacts offer={o} audience="staff" />
      <h2>{t('catalogue.forWhom')}</h2>
      <ul>
        {who(o).map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
      {o.sites.length > 0 ? (
        <>
          <h2>{t('catalogue.sitesHeading')}</h2>
          <div className="fs-table-wrapper">
            <table className="table table--zebra">
              <caption className="sr-only">{t('catalogue.sitesHeading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalogue.site')}</th>
                  <th scope="col">{t('catalogue.address')}</th>
                  <th scope="col">{t('catalogue.maxCohorts')}</th>
                  <th scope="col">{t('catalogue.siteLanguages')}</th>
                </tr>
              </thead>
              <tbody>
                {o.sites.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">{s.name}</th>
                    <td>{s.address}</td>
                    <td>{fmt.number(s.maxCohorts)}</td>
                    <td>{fmt.list(s.languages.map((l) => fmt.languageName(l)))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {o.template && o.template.length > 0 ? (
        <>
          <h2>
            {t('catalogue.sessionsHeading', { count: o.template.length, n: fmt.number(o.template.length) })}
          </h2>
          <div className="fs-table-wrapper">
            <table className="table table--zebra">
              <caption className="sr-only">{t('catalogue.sessionsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalogue.number')}</th>
                  <th scope="col">{t('catalogue.sessionTitle')}</th>
                  <th scope="col">{t('catalogue.theme')}</th>
                  <th scope="col">{t('catalogue.when')}</th>
                </tr>
              </thead>
              <tbody>
                {o.template.map((s, i) => (
                  <tr key={s.key}>
                    <td>{fmt.number(i + 1)}</td>
                    <th scope="row">{s.title}</th>
                    <td>{t(`offers.theme.${s.theme}`)}</td>
                    <td>{offset(s.offset)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
