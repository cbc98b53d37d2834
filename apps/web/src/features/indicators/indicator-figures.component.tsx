import type { IndicatorFigures } from '@familiespor/contracts';
import './indicators.css';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format.hook';
import { chartSeries, IndicatorChart } from './indicator-chart.component';
import { useIndicatorWords } from './indicator-format';
import { type FiguresQuery, indicatorsApi } from './indicators.api';

/**
 * What the dashboard shows for one query: the chart for the eye, the table of the same points
 * for a screen reader (and anyone who wants the numbers), and the two downloads of exactly those
 * points.
 */
export function IndicatorFiguresView({
  name,
  figures,
  query,
}: {
  name: string;
  figures: IndicatorFigures;
  query: FiguresQuery;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const words = useIndicatorWords();
  const { buckets, series } = useMemo(
    () => chartSeries(figures, (p) => words.valueName(figures.breakdown, p)),
    [figures, words],
  );
  const bucketLabels = useMemo(() => buckets.map(words.bucket), [buckets, words]);
  const format = useMemo(() => (v: number) => words.result(figures.unit, v), [words, figures.unit]);
  const period = words.period(figures.from, figures.to);
  const hasDenominator = figures.points.some((p) => p.denominator !== null);
  const anyNone = figures.points.some((p) => p.result === null);

  if (figures.points.length === 0) return <p>{t('dashboard.empty')}</p>;
  return (
    <>
      <IndicatorChart
        label={t('dashboard.chartLabel', { name, period })}
        bucketLabels={bucketLabels}
        series={series}
        format={format}
      />
      <div className="fs-table-wrapper">
        <table className="table table--zebra table--compact" id="indicator-table">
          <caption>{t('dashboard.tableCaption', { name, period })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.period')}</th>
              {figures.breakdown === 'total' ? null : (
                <th scope="col">{t(`dashboard.breakdowns.${figures.breakdown}`)}</th>
              )}
              <th scope="col" className="fs-number">
                {t('dashboard.result')}
              </th>
              <th scope="col" className="fs-number">
                {t('dashboard.numerator')}
              </th>
              {hasDenominator ? (
                <th scope="col" className="fs-number">
                  {t('dashboard.denominator')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {figures.points.map((p) => (
              <tr key={`${p.bucket}|${p.value ?? ''}`}>
                <th scope="row">{words.bucket(p.bucket)}</th>
                {figures.breakdown === 'total' ? null : <td>{words.valueName(figures.breakdown, p)}</td>}
                <td className="fs-number">{words.result(figures.unit, p.result)}</td>
                <td className="fs-number">{fmt.number(p.numerator)}</td>
                {hasDenominator ? (
                  <td className="fs-number">{p.denominator === null ? '' : fmt.number(p.denominator)}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {anyNone ? <p className="fs-muted">{t('dashboard.noneNote')}</p> : null}
      {figures.refreshedAt ? (
        <p className="fs-muted">{t('dashboard.computedAt', { time: fmt.dateTime(figures.refreshedAt) })}</p>
      ) : null}
      <section className="fs-indicator-export" aria-labelledby="export-heading">
        <h2 id="export-heading" className="h3">
          {t('dashboard.exportHeading')}
        </h2>
        <p>{t('dashboard.exportLead')}</p>
        <ul className="nobullet-list fs-toolbar">
          <li>
            <a className="button button-secondary" href={indicatorsApi.exportHref(query, 'xlsx')} download>
              {t('dashboard.xlsx')}
            </a>
          </li>
          <li>
            <a className="button button-secondary" href={indicatorsApi.exportHref(query, 'csv')} download>
              {t('dashboard.csv')}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
