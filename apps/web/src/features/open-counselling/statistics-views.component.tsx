import type { AnonymousContactStatistics } from '@familiespor/contracts';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../i18n/i18n.setup';
import { localeOf } from '../../i18n/intl.format';
import { useFormat } from '../../i18n/use-format.hook';
import './open-counselling.css';

type Key = 'openCounselling.topic.other';

/** A count as the report shows it: the number, or "<5" where it is hidden. */
export function useCell() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (count: number | null) =>
    count === null ? (
      <span className="fs-hidden-count">
        <span aria-hidden="true">{'<5'}</span>
        <span className="sr-only">{t('openCounselling.statistics.hiddenCell')}</span>
      </span>
    ) : (
      fmt.number(count)
    );
}

/** Topic × month: a table with the topics' totals and the month's number of conversations. */
export function TopicsByMonth({ data }: { data: AnonymousContactStatistics }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cell = useCell();
  const { i18n } = useTranslation();
  const short = new Intl.DateTimeFormat(localeOf(isLanguage(i18n.language) ? i18n.language : 'da'), {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });
  const monthLabel = (m: string) => short.format(new Date(`${m}-15T12:00:00Z`));
  return (
    // Wide with two years of months: scrolls sideways, and a keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1)
    <section className="fs-table-wrapper" aria-labelledby="topics-caption" tabIndex={0}>
      <table className="table table--compact fs-stat-table">
        <caption>
          {t('openCounselling.statistics.topicsCaption', { organisation: data.organisation.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('openCounselling.statistics.topic')}</th>
            {data.months.map((m) => (
              <th scope="col" key={m}>
                <abbr title={fmt.month(`${m}-15T12:00:00Z`)}>{monthLabel(m)}</abbr>
              </th>
            ))}
            <th scope="col">{t('openCounselling.statistics.total')}</th>
          </tr>
        </thead>
        <tbody>
          {data.topicsByMonth.rows.map((r) => (
            <tr key={r.topic}>
              <th scope="row">{t(`openCounselling.topic.${r.topic}` as Key)}</th>
              {r.counts.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the months are the columns
                <td key={i}>{cell(c)}</td>
              ))}
              <td>{cell(r.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('openCounselling.statistics.contacts')}</th>
            {data.topicsByMonth.contacts.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the months are the columns
              <td key={i}>{cell(c)}</td>
            ))}
            <td>{cell(data.topicsByMonth.contactsTotal)}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/** One distribution as simple horizontal bars; a hidden count has no bar, only "<5". */
export function Bars({
  id,
  heading,
  group,
  distribution,
}: {
  id: string;
  heading: string;
  group: 'channel' | 'who' | 'ageBand' | 'outcome';
  distribution: AnonymousContactStatistics['byChannel'];
}) {
  const { t } = useTranslation();
  const cell = useCell();
  const max = Math.max(1, ...distribution.items.map((i) => i.count ?? 0));
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      <ul className="fs-bars nobullet-list">
        {distribution.items.map((item) => (
          <li key={item.key}>
            <span>{t(`openCounselling.${group}.${item.key}` as Key)}</span>
            <span className="fs-bar" aria-hidden="true">
              <span style={{ width: `${((item.count ?? 0) / max) * 100}%` }} />
            </span>
            <span className="fs-bar-value">{cell(item.count)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
