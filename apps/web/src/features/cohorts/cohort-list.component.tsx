import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useFormat } from '../../i18n/use-format.hook';
import type { CohortSummary } from './cohorts';

/** Cohorts as cards: the next session, how far the cohort has come, and where it meets. */
export function CohortList({
  cohorts,
  showFacilitator,
}: {
  cohorts: readonly CohortSummary[];
  showFacilitator: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <ul className="fs-cards nobullet-list no-max-width">
      {cohorts.map((c) => (
        <li key={c.id}>
          <div className="card">
            <div className="card-content">
              <h3 className="header-title">
                <Link href={`/hold/${c.id}`}>{c.name}</Link>
              </h3>
              <p className="fs-muted mt-0">{c.offer.name}</p>
              <p>{t('cohorts.progress', { held: fmt.number(c.held), total: fmt.number(c.total) })}</p>
              {c.next ? (
                <p>
                  {t('cohorts.next', {
                    number: c.next.number,
                    title: c.next.title,
                    day: fmt.dayLong(c.next.startsAt),
                  })}{' '}
                  <span dir="ltr">{fmt.timeRange(c.next.startsAt, c.next.endsAt)}</span>
                </p>
              ) : (
                <p>{t('cohorts.ended')}</p>
              )}
              <p className="fs-muted">
                <bdi>{c.place}</bdi>
              </p>
              {showFacilitator && c.facilitator ? (
                <p className="fs-muted">{t('cohorts.facilitator', { name: c.facilitator.name })}</p>
              ) : null}
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
