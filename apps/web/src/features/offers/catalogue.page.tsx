import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { StaffMe } from '../../api/api.types';
import { offersApi } from '../../api/offers.api';
import { CheckboxField } from '../../components/forms/fields.component';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { canOpen } from '../home/staff-pages';
import { useEligibilitySummary } from './offer-words.hook';

/** "Tilbud": the offers open to the municipality's families, with who they are for and the seats. */
export function CataloguePage({ me }: { me: StaffMe }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const who = useEligibilitySummary();
  const lead = canOpen(me.roles, 'editOffer');
  const [includeInactive, setIncludeInactive] = useState(false);
  const offers = useQuery({
    queryKey: ['offers', { includeInactive }],
    queryFn: () => offersApi.list({ includeInactive }),
  });
  return (
    <>
      <PageHeading title={t('pages.offers.title')}>{t('pages.offers.title')}</PageHeading>
      <p className="font-lead">{t('catalogue.lead')}</p>
      {lead ? (
        <div className="fs-toolbar">
          <Link href="/tilbud/nyt" className="button button-primary">
            <Icon name="plus" />
            {t('catalogue.create')}
          </Link>
          <CheckboxField
            id="include-inactive"
            label={t('catalogue.includeInactive')}
            checked={includeInactive}
            onChange={(e) => setIncludeInactive(e.target.checked)}
          />
        </div>
      ) : null}
      {offers.isPending ? <Loading /> : null}
      {offers.isError ? <ProblemAlert error={offers.error} /> : null}
      {offers.data ? (
        <div className="fs-table-wrapper">
          <table className="table table--zebra">
            <caption className="sr-only">{t('pages.offers.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('catalogue.offer')}</th>
                <th scope="col">{t('catalogue.provider')}</th>
                <th scope="col">{t('catalogue.forWhom')}</th>
                <th scope="col">{t('catalogue.places')}</th>
              </tr>
            </thead>
            <tbody>
              {offers.data.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link href={`/tilbud/${o.id}`}>{o.name}</Link>
                    <span className="d-block fs-muted weight-normal">
                      {t(`offers.kind.${o.kind}`)} · {t(`offers.level.${o.level}`)}
                    </span>
                    {!o.active ? (
                      <span className="badge fs-badge-inline">{t('catalogue.inactive')}</span>
                    ) : null}
                  </th>
                  <td>{o.organisation.name}</td>
                  <td>{who(o).join(' · ')}</td>
                  <td>
                    {o.capacity === null
                      ? t('offers.facts.noLimit', { enrolled: fmt.number(o.enrolled) })
                      : t('offers.facts.placesTaken', {
                          enrolled: fmt.number(o.enrolled),
                          capacity: fmt.number(o.capacity),
                        })}
                    {o.waitlisted > 0 ? (
                      <span className="d-block">
                        {t('offers.facts.waitlisted', { n: fmt.number(o.waitlisted) })}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
