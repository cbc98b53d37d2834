import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { useFormat } from '../../i18n/use-format.hook';
import { openCounsellingApi } from './open-counselling.api';

type Key = 'openCounselling.topic.other';

/** "Seneste samtaler": the organisation's log, newest day first — dates, never times or names. */
export function RecentContacts() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [limit, setLimit] = useState(20);
  const contacts = useQuery({
    queryKey: ['open-counselling', 'contacts', limit],
    queryFn: () => openCounsellingApi.contacts({ limit, offset: 0 }),
  });
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('openCounselling.recent.heading')}</h2>
      {contacts.isPending ? <Loading /> : null}
      {contacts.isError ? <ProblemAlert error={contacts.error} /> : null}
      {contacts.data && contacts.data.items.length === 0 ? <p>{t('openCounselling.recent.none')}</p> : null}
      {contacts.data && contacts.data.items.length > 0 ? (
        <>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1) */}
          <section className="fs-table-wrapper" aria-labelledby="recent-caption" tabIndex={0}>
            <table className="table table--compact">
              <caption id="recent-caption" className="sr-only">
                {t('openCounselling.recent.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('openCounselling.recent.date')}</th>
                  <th scope="col">{t('openCounselling.recent.channelWho')}</th>
                  <th scope="col">{t('openCounselling.recent.topics')}</th>
                  <th scope="col">{t('openCounselling.recent.duration')}</th>
                  <th scope="col">{t('openCounselling.recent.outcomes')}</th>
                  <th scope="col">{t('openCounselling.recent.note')}</th>
                </tr>
              </thead>
              <tbody>
                {contacts.data.items.map((c) => (
                  <tr key={c.id}>
                    <td className="fs-nowrap">{fmt.date(c.contactDate)}</td>
                    <td>
                      {t(`openCounselling.channel.${c.channel}` as Key)},{' '}
                      {t(`openCounselling.who.${c.who}` as Key)}
                      <span className="d-block fs-muted">
                        {t(`openCounselling.ageBand.${c.childAgeBand}` as Key)}
                      </span>
                    </td>
                    <td>{fmt.list(c.topics.map((x) => t(`openCounselling.topic.${x}` as Key)))}</td>
                    <td className="fs-nowrap">
                      {t('openCounselling.log.minutes', { count: c.durationMinutes })}
                    </td>
                    <td>
                      {fmt.list(c.outcomes.map((x) => t(`openCounselling.outcome.${x}` as Key)))}
                      {c.offer ? <span className="d-block fs-muted">{c.offer.name}</span> : null}
                    </td>
                    <td>{c.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {contacts.data.total > contacts.data.items.length ? (
            <button type="button" className="button button-secondary" onClick={() => setLimit(limit + 20)}>
              {t('openCounselling.recent.more', {
                shown: contacts.data.items.length,
                total: contacts.data.total,
              })}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
