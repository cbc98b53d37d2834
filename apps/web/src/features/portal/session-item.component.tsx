import { useTranslation } from 'react-i18next';
import type { CourseSession } from '../../api/api.types';
import { useFormat } from '../../i18n/use-format.hook';

/** One session as a parent sees it: day, time, what it is about, where, and any guest. */
export function SessionItem({ session, headingLevel = 3 }: { session: CourseSession; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const cancelled = session.status === 'cancelled';
  return (
    <li className="fs-session">
      <p className="fs-session-when">
        <span className="fs-session-day">{fmt.dayLong(session.startsAt)}</span>{' '}
        <span className="fs-nowrap">
          {t('appointments.clock')} <span dir="ltr">{fmt.timeRange(session.startsAt, session.endsAt)}</span>
        </span>
        {cancelled ? (
          <span className="badge badge-error fs-badge-inline">{t('appointments.cancelled')}</span>
        ) : null}
      </p>
      <Heading className="h5 mt-0 mb-2">
        {t('appointments.sessionTitle', { number: session.number, title: session.title })}
      </Heading>
      <p className="mt-0 mb-2">
        {session.offer.name}
        {session.cohort ? ` · ${session.cohort.name}` : ''}
      </p>
      <p className="mt-0 mb-2">
        <span className="sr-only">{t('appointments.place')} </span>
        <bdi>{session.place}</bdi>
      </p>
      {session.guestPresenters.map((g) => (
        <p key={`${g.name}-${g.topic}`} className="mt-0 mb-2 fs-muted">
          {t('appointments.guest', { name: g.name, organisation: g.organisation, topic: g.topic })}
        </p>
      ))}
    </li>
  );
}
