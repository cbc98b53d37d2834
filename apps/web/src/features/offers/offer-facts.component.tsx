import { useTranslation } from 'react-i18next';
import type { Enrollment, Offer } from '../../api/api.types';
import { useFormat } from '../../i18n/use-format.hook';

/** What an offer is, who runs it, where and in which languages: one short list, for staff and parents. */
export function OfferFacts({ offer, audience }: { offer: Offer; audience: 'staff' | 'parent' }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <dl className="fs-facts">
      <dt>{t('offers.facts.kind')}</dt>
      <dd>{t(`offers.kind.${offer.kind}`)}</dd>
      <dt>{t('offers.facts.organisation')}</dt>
      <dd>{offer.organisation.name}</dd>
      {offer.schedule ? (
        <>
          <dt>{t('offers.facts.schedule')}</dt>
          <dd>{offer.schedule}</dd>
        </>
      ) : null}
      {offer.sites.length > 0 ? (
        <>
          <dt>{t('offers.facts.sites', { count: offer.sites.length })}</dt>
          <dd>
            <ul className="fs-plain-list">
              {offer.sites.map((s) => (
                <li key={s.id}>
                  <bdi>{s.name}</bdi>, <bdi>{s.address}</bdi>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      <dt>{t('offers.facts.languages', { count: offer.languages.length })}</dt>
      <dd>{fmt.list(offer.languages.map((l) => fmt.languageName(l)))}</dd>
      {offer.template && offer.template.length > 0 ? (
        <>
          <dt>{t('offers.facts.sessions')}</dt>
          <dd>
            {t('offers.facts.sessionsCount', {
              count: offer.template.length,
              n: fmt.number(offer.template.length),
            })}
          </dd>
        </>
      ) : null}
      {audience === 'staff' ? (
        <>
          <dt>{t('offers.facts.level')}</dt>
          <dd>{t(`offers.level.${offer.level}`)}</dd>
          <dt>{t('offers.facts.places')}</dt>
          <dd>
            {offer.capacity === null
              ? t('offers.facts.noLimit', { enrolled: fmt.number(offer.enrolled) })
              : t('offers.facts.placesTaken', {
                  enrolled: fmt.number(offer.enrolled),
                  capacity: fmt.number(offer.capacity),
                })}
            {offer.waitlisted > 0
              ? ` · ${t('offers.facts.waitlisted', { n: fmt.number(offer.waitlisted) })}`
              : ''}
          </dd>
          <dt>{t('offers.facts.legalBasis')}</dt>
          <dd>{offer.legalBasis}</dd>
        </>
      ) : null}
    </dl>
  );
}

const statusBadge: Record<Enrollment['status'], string> = {
  invited: 'badge-info',
  waitlisted: 'badge-warning',
  enrolled: 'badge-success',
  declined: '',
  dropped_out: '',
  completed: 'badge-success',
};

/** "Tilmeldt", "På venteliste – nr. 3", "Afmeldt" … as a DKFDS badge. */
export function EnrollmentBadge({
  status,
  position,
}: {
  status: Enrollment['status'];
  position?: number | null | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <span className={`badge ${statusBadge[status]} fs-badge-inline`}>
      {status === 'waitlisted' && position
        ? t('offers.status.waitlistedAt', { n: fmt.number(position) })
        : t(`offers.status.${status}`)}
    </span>
  );
}
