import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ParentMe } from '../../api/api.types';
import { portalApi } from '../../api/portal.api';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { cohortsOf, splitSessions } from './appointments';
import { CalendarFeed } from './calendar-feed.component';
import { SessionItem } from './session-item.component';

/** "Mine aftaler": the family's coming sessions, the calendar subscription, and the cohort's network. */
export function AppointmentsPage({ me }: { me: ParentMe }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sessions = useQuery({
    queryKey: ['portal', 'sessions'],
    queryFn: portalApi.sessions,
    enabled: me.families.length > 0,
  });
  const { upcoming, past } = splitSessions(sessions.data ?? []);
  const cohorts = cohortsOf(sessions.data ?? []);
  return (
    <>
      <PageHeading title={t('appointments.title')}>{t('appointments.title')}</PageHeading>
      <p className="font-lead">{t('appointments.lead')}</p>
      {sessions.isPending && me.families.length > 0 ? <Loading /> : null}
      {sessions.isError ? <ProblemAlert error={sessions.error} /> : null}

      <section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">{t('appointments.upcomingHeading')}</h2>
        {sessions.data && upcoming.length === 0 ? (
          <p>
            {t('appointments.none')} <Link href="/portal/tilbud">{t('appointments.toOffers')}</Link>
          </p>
        ) : null}
        {upcoming.length > 0 ? (
          <ol className="nobullet-list no-max-width fs-sessions">
            {upcoming.map((s) => (
              <SessionItem key={s.id} session={s} />
            ))}
          </ol>
        ) : null}
        {past.length > 0 ? (
          <details className="details mt-5">
            <summary className="details-summary">
              <span className="details-summary-text">
                {t('appointments.pastHeading', { count: past.length, n: fmt.number(past.length) })}
              </span>
            </summary>
            <div className="details-text">
              <ol className="nobullet-list no-max-width fs-sessions">
                {past.map((s) => (
                  <SessionItem key={s.id} session={s} />
                ))}
              </ol>
            </div>
          </details>
        ) : null}
      </section>

      {cohorts.length > 0 ? (
        <section aria-labelledby="network-heading">
          <h2 id="network-heading">{t('appointments.networkHeading')}</h2>
          <ul className="nobullet-list no-max-width">
            {cohorts.map((c) => (
              <li key={c.id} className="mb-4">
                {c.ended ? (
                  <>
                    <p className="mb-2">{t('appointments.networkOpen', { cohort: c.name })}</p>
                    <Link href={`/portal/netvaerk/${c.id}`}>
                      {t('appointments.networkLink', { cohort: c.name })}
                    </Link>
                  </>
                ) : (
                  <p>{t('appointments.networkLater', { cohort: c.name, date: fmt.date(c.lastEndsAt) })}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <CalendarFeed />
    </>
  );
}
