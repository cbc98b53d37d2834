import type { CommitteeFigureOut, CommitteeReport, CommitteeReportRowOut } from '@familiespor/contracts';
import type { CommitteeReportKey } from '@familiespor/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { outcomesTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { type CommitteePeriodQuery, committeeReportApi } from './committee-report.api';
import { CommitteeReportChooser } from './committee-report-chooser.component';
import './committee-report.css';

type Row = CommitteeReportRowOut & { key: CommitteeReportKey };

/** The figure itself: "<5" when hidden, "–" when there is none. */
function Figure({ row, f, className }: { row: Row; f: CommitteeFigureOut; className: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  let text: string;
  if (f.suppressed) text = t('committeeReport.hidden');
  else if (f.result === null) text = t('committeeReport.none');
  else if (row.unit === 'share') text = fmt.percent(f.result);
  else if (row.unit === 'count') text = fmt.number(f.result);
  else text = fmt.decimal(f.result);
  return <span className={className}>{text}</span>;
}

/** What the figure is made of ("40 af 50", "25 forældre"), with "<5" for a hidden part. */
function Basis({ row, f }: { row: Row; f: CommitteeFigureOut }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (f.result === null && !f.suppressed) return null;
  const n = (x: number | null) => (x === null ? t('committeeReport.hidden') : fmt.number(x));
  let text: string | null = null;
  if (row.unit === 'share')
    text = t('committeeReport.basis.share', { numerator: n(f.numerator), denominator: n(f.denominator) });
  else if (row.unit === 'mean')
    text = t(`committeeReport.basis.${row.key === 'satisfaction' ? 'answers' : 'parents'}`, {
      count: n(f.denominator),
    });
  return text ? <span className="fs-committee-basis">{text}</span> : null;
}

/** The change in words, with an arrow for the eye: never colour alone. */
function Change({ row }: { row: Row }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (row.direction === null || row.change === null)
    return <span className="fs-committee-change">{t('committeeReport.change.none')}</span>;
  const arrow = row.change > 0 ? '↑' : row.change < 0 ? '↓' : '→';
  const amount = `${row.change > 0 ? '+' : row.change < 0 ? '−' : ''}${fmt.decimal(Math.abs(row.change))}`;
  return (
    <span className="fs-committee-change">
      <span className="fs-committee-arrow" aria-hidden="true">
        {arrow}
      </span>{' '}
      <strong>{t(`committeeReport.change.${row.direction}`)}</strong>
      {row.change !== 0 ? (
        <>
          {' '}
          <span className="fs-committee-amount">
            ({row.unit === 'share' ? t('committeeReport.change.points', { amount }) : amount})
          </span>
        </>
      ) : null}
    </span>
  );
}

function Report({ data }: { data: CommitteeReport }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const month = (m: string) => fmt.month(`${m}-15`);
  const range = (p: { from: string; to: string }) =>
    p.from === p.to ? month(p.from) : t('committeeReport.range', { from: month(p.from), to: month(p.to) });
  const rows = data.rows as Row[];
  return (
    <article className="fs-committee-report" aria-labelledby="committee-org">
      <p className="fs-committee-org" id="committee-org">
        <strong>{data.organisation.name}</strong> · {t('committeeReport.subtitle')}
      </p>
      <p className="fs-committee-period">
        {t('committeeReport.periodLine', {
          period: range(data.period),
          previous: range(data.previousPeriod),
        })}
      </p>
      <table className="table fs-committee-table">
        <caption className="sr-only">{t('committeeReport.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('committeeReport.columns.indicator')}</th>
            <th scope="col" className="fs-committee-num">
              {t('committeeReport.columns.current')}
              <span className="fs-committee-basis">{range(data.period)}</span>
            </th>
            <th scope="col" className="fs-committee-num">
              {t('committeeReport.columns.previous')}
              <span className="fs-committee-basis">{range(data.previousPeriod)}</span>
            </th>
            <th scope="col">{t('committeeReport.columns.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{t(`committeeReport.lines.${row.key}.headline`)}</th>
              <td className="fs-committee-num">
                <Figure row={row} f={row.current} className="fs-committee-figure" />
                <Basis row={row} f={row.current} />
              </td>
              <td className="fs-committee-num">
                <Figure row={row} f={row.previous} className="fs-committee-previous" />
                <Basis row={row} f={row.previous} />
              </td>
              <td>
                <Change row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="fs-committee-notes">
        <p>{t('committeeReport.footnoteHidden')}</p>
        <p>{t('committeeReport.footnoteNone')}</p>
        <p>
          {data.refreshedAt
            ? t('committeeReport.computed', {
                refreshed: fmt.dateTime(data.refreshedAt),
                generated: fmt.dateTime(data.generatedAt),
              })
            : t('committeeReport.neverComputed', { generated: fmt.dateTime(data.generatedAt) })}
        </p>
      </div>
      <h2 className="fs-committee-definitions-heading">{t('committeeReport.definitionsHeading')}</h2>
      <ul className="nobullet-list no-max-width fs-committee-definitions">
        {rows.map((row) => (
          <li key={row.key}>
            <strong>{t(`committeeReport.lines.${row.key}.name`)}</strong>:{' '}
            {t(`committeeReport.lines.${row.key}.definition`)}
          </li>
        ))}
      </ul>
    </article>
  );
}

/**
 * "Udvalgsrapport" (issue #9): the key indicators on one printable A4 page for the political
 * committee, small counts shown as "<5" since the report is public. The print stylesheet hides
 * everything but the report.
 */
export function CommitteeReportPage() {
  const ready = useTexts(outcomesTexts);
  const { t } = useTranslation();
  const [query, setQuery] = useState<CommitteePeriodQuery>(null);
  const report = useQuery({
    queryKey: ['committee-report', query],
    queryFn: () => committeeReportApi.get(query),
  });
  if (!ready) return <Loading />;
  return (
    <div className="fs-committee-page">
      <PageHeading title={t('committeeReport.title')}>{t('committeeReport.title')}</PageHeading>
      <div className="fs-committee-controls">
        <p className="font-lead">{t('committeeReport.lead')}</p>
        <CommitteeReportChooser onChoose={setQuery} />
        <button
          type="button"
          className="button button-primary"
          disabled={!report.data}
          onClick={() => window.print()}
        >
          {t('committeeReport.print')}
        </button>
      </div>
      {report.isError ? <ProblemAlert error={report.error} /> : null}
      {report.isPending ? <Loading /> : null}
      {report.data ? <Report data={report.data} /> : null}
    </div>
  );
}
