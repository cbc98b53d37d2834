import type { AnonymousContactStatistics } from '@familiespor/contracts';
import { useTranslation } from 'react-i18next';
import { FiguresTable, HiddenFigure } from '../../components/figures-table.component';
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
    count === null ? <HiddenFigure label={t('openCounselling.statistics.hiddenCell')} /> : fmt.number(count);
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
    <FiguresTable
      id="topics"
      compact
      caption={t('openCounselling.statistics.topicsCaption', { organisation: data.organisation.name })}
      columns={[
        { key: 'topic', label: t('openCounselling.statistics.topic') },
        ...data.months.map((m) => ({
          key: m,
          label: <abbr title={fmt.month(`${m}-15T12:00:00Z`)}>{monthLabel(m)}</abbr>,
        })),
        { key: 'total', label: t('openCounselling.statistics.total') },
      ]}
      rows={data.topicsByMonth.rows.map((r) => ({
        key: r.topic,
        heading: t(`openCounselling.topic.${r.topic}` as Key),
        cells: [...r.counts.map(cell), cell(r.total)],
      }))}
      total={{
        key: 'contacts',
        heading: t('openCounselling.statistics.contacts'),
        cells: [...data.topicsByMonth.contacts.map(cell), cell(data.topicsByMonth.contactsTotal)],
      }}
    />
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
