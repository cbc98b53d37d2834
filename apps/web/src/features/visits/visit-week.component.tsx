import { copenhagenDate } from '@familiespor/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import type { CalendarVisit } from '../../api/api.types';
import { healthApi } from '../../api/health.api';
import { Icon } from '../../components/icon.component';
import { Loading } from '../../components/loading.component';
import { NameList } from '../../components/name-list.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { useBookingWords } from './book-visit.component';
import { weekDays, weekNumber, weekOfSearch } from './visit-week';

const familyHref = (v: CalendarVisit) => `/familier/${v.family.id}?fra=i-dag`;
const weekHref = (week: string | null) => (week ? `/i-dag?uge=${week}` : '/i-dag');

function BookedVisit({ visit }: { visit: CalendarVisit }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useBookingWords();
  if (!visit.booking) return null;
  return (
    <li className="fs-week-visit">
      <p className="mt-0 mb-1">
        <strong>
          <time dateTime={visit.booking.at}>{fmt.time(visit.booking.at)}</time>
        </strong>
        {' · '}
        {words(visit.booking).place}
      </p>
      <p className="mt-0 mb-1">
        {t('visitWeek.visitOf', { visit: visit.name, child: visit.child.givenName })}
      </p>
      <p className="mt-0 mb-0">
        <Link href={familyHref(visit)}>
          <NameList names={visit.family.names} />
        </Link>
      </p>
      {visit.bookingOutsideWindow ? (
        <span className="badge badge-warning mt-2">{t('visits.booking.outsideBadge')}</span>
      ) : null}
    </li>
  );
}

function ToBookItem({ visit, days }: { visit: CalendarVisit; days: readonly string[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const today = copenhagenDate(new Date());
  // The window closes this week (or has): book these first.
  const closing = visit.window.end <= (days[6] ?? '');
  return (
    <li className="fs-to-book">
      <p className="mt-0 mb-2">
        <strong>{t('visitWeek.visitOf', { visit: visit.name, child: visit.child.givenName })}</strong>
      </p>
      <p className="mt-0 mb-2">
        <Link href={familyHref(visit)}>
          <NameList names={visit.family.names} />
        </Link>
      </p>
      <p className="mt-0 mb-0 fs-muted">
        {t('visitWeek.window', { window: fmt.dateRange(visit.window.start, visit.window.end) })}
        {closing ? (
          <span
            className={`badge ${visit.window.end < today ? 'badge-error' : 'badge-warning'} fs-badge-inline`}
          >
            {t(visit.window.end < today ? 'visitWeek.ended' : 'visitWeek.endsSoon', {
              date: fmt.weekdayDate(visit.window.end),
            })}
          </span>
        ) : null}
      </p>
    </li>
  );
}

/**
 * "Ugens besøg" on I dag: the health visitor's booked visits day by day (Monday to Friday, the
 * weekend only when something is booked on it) and "Skal aftales", her families' visits of the
 * week that still need a time. The week is in the address (`?uge=2026-W49`), so back and forward
 * work and a week can be shared.
 */
export function VisitWeek() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const week = weekOfSearch(useSearch());
  const q = useQuery({
    queryKey: ['visits', 'calendar', week ?? 'current'],
    queryFn: () => healthApi.visitCalendar(week),
    // The shown week stays while the next loads, so the links keep their place and focus.
    placeholderData: keepPreviousData,
  });
  const today = copenhagenDate(new Date());
  const data = q.data;
  const number = data ? weekNumber(data.week) : null;
  const days = data ? weekDays(data.days, data.booked) : [];
  const first = data?.days[0];
  const last = data?.days[6];
  return (
    <section aria-labelledby="week-visits" className="mt-8">
      <h2 id="week-visits" tabIndex={-1}>
        {t('visitWeek.heading')}
      </h2>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <ProblemAlert error={q.error} /> : null}
      {data && number !== null && first && last ? (
        <>
          <nav aria-label={t('visitWeek.navLabel')} className="fs-week-nav">
            <ul className="nobullet-list">
              <li className="fs-week-nav-item">
                <Link href={weekHref(data.previousWeek)} className="button button-secondary button-small">
                  <Icon name="chevron-left" />
                  {t('visitWeek.previous')}
                </Link>
              </li>
              <li className="fs-week-nav-item">
                <Link
                  href={weekHref(null)}
                  className="button button-tertiary button-small"
                  aria-current={week ? undefined : 'page'}
                >
                  {t('visitWeek.current')}
                </Link>
              </li>
              <li className="fs-week-nav-item">
                <Link href={weekHref(data.nextWeek)} className="button button-secondary button-small">
                  {t('visitWeek.next')}
                  <Icon name="chevron-right" />
                </Link>
              </li>
            </ul>
          </nav>
          {/* Announced when the week changes, so a screen reader hears which week is shown. */}
          <p className="fs-week-label" aria-live="polite">
            <strong>{t('visitWeek.label', { number })}</strong>
            {' · '}
            {fmt.dateRange(first, last)}
          </p>
          {data.booked.length === 0 ? <p>{t('visitWeek.empty')}</p> : null}
          <ol className="fs-week no-max-width" aria-label={t('visitWeek.daysLabel', { number })}>
            {days.map((d) => (
              <li
                key={d.date}
                className={`fs-week-day${d.date === today ? ' fs-week-day--today' : ''}`}
                aria-current={d.date === today ? 'date' : undefined}
              >
                <h3 className="h5 fs-week-day-name">
                  {fmt.weekdayDate(d.date)}
                  {d.date === today ? (
                    <span className="badge badge-info fs-badge-inline">{t('visitWeek.today')}</span>
                  ) : null}
                </h3>
                {d.visits.length === 0 ? (
                  <p className="fs-muted mt-0">{t('visitWeek.none')}</p>
                ) : (
                  <ul className="nobullet-list">
                    {d.visits.map((v) => (
                      <BookedVisit key={v.visitId} visit={v} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          <h3 id="week-to-book">
            {t('visitWeek.toBook')} <span className="fs-muted">({fmt.number(data.toBookTotal)})</span>
          </h3>
          <p>{t('visitWeek.toBookLead')}</p>
          {data.toBook.length === 0 ? (
            <p>{t('visitWeek.toBookEmpty')}</p>
          ) : (
            <ul className="nobullet-list" aria-labelledby="week-to-book">
              {data.toBook.map((v) => (
                <ToBookItem key={v.visitId} visit={v} days={data.days} />
              ))}
            </ul>
          )}
          {data.toBook.length < data.toBookTotal ? (
            <p className="fs-muted">
              {t('visitWeek.toBookTruncated', {
                shown: fmt.number(data.toBook.length),
                total: fmt.number(data.toBookTotal),
              })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
