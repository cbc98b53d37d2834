import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ConfirmedCohorts } from '../../api/api.types';
import { Alert } from '../../components/alert.component';
import { useFormat } from '../../i18n/use-format.hook';

/** After "Bekræft planen": the new cohorts, each a link to its page, and a way to plan more. */
export function PlanCreated({
  cohorts,
  onAgain,
}: {
  cohorts: ConfirmedCohorts['cohorts'];
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  // The confirm button is gone: focus the result, so the keyboard and the screen reader follow.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="plan-created-heading">
      <Alert variant="success" heading={t('planCohorts.created.alert')}>
        <p>{t('planCohorts.created.text', { count: cohorts.length, n: fmt.number(cohorts.length) })}</p>
      </Alert>
      <h2 id="plan-created-heading" ref={heading} tabIndex={-1}>
        {t('planCohorts.created.heading')}
      </h2>
      <div className="fs-table-wrapper">
        <table className="table table--zebra">
          <caption className="sr-only">{t('planCohorts.created.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('planCohorts.created.cohort')}</th>
              <th scope="col">{t('planCohorts.created.facilitator')}</th>
              <th scope="col">{t('planCohorts.created.first')}</th>
              <th scope="col">{t('planCohorts.created.sessions')}</th>
            </tr>
          </thead>
          <tbody>
            {cohorts.map((c) => {
              const sorted = [...c.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
              const first = sorted[0];
              return (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`/hold/${c.id}`}>{c.name}</Link>
                  </th>
                  <td>{first?.facilitator?.name ?? ''}</td>
                  <td>
                    {first ? (
                      <>
                        {fmt.dayLong(first.startsAt)}{' '}
                        <span dir="ltr">{fmt.timeRange(first.startsAt, first.endsAt)}</span>
                        <span className="d-block fs-muted">
                          <bdi>{first.place}</bdi>
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td>{fmt.number(c.sessions.length)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="fs-actions">
        <button type="button" className="button button-secondary" onClick={onAgain}>
          {t('planCohorts.created.again')}
        </button>
      </div>
    </section>
  );
}
