import { counsellingOutcomes } from '@familiespor/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearch } from 'wouter';
import { SelectField } from '../../components/forms/fields.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { counsellingTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { counsellingApi } from './counselling.api';

/** A figure with its name above it, as a card. */
function Figure({ id, label, value, hint }: { id: string; label: string; value: string; hint?: string }) {
  return (
    <li>
      <div className="card">
        <div className="card-content">
          <p className="h4 mt-0 mb-2" id={`${id}-label`}>
            {label}
          </p>
          <p className="font-lead mt-0 mb-2" aria-describedby={`${id}-label`} data-figure={id}>
            <strong>{value}</strong>
          </p>
          {hint ? <p className="fs-muted mt-0">{hint}</p> : null}
        </div>
      </div>
    </li>
  );
}

/**
 * "Tal for rådgivningen": the organisation's counselling in one calendar year — families counselled,
 * cases closed, how many no longer need special support, the median duration, the outcomes. The
 * year is in the address (?aar=2025), so a figure can be sent as a link.
 */
export function CounsellingStatisticsPage() {
  const ready = useTexts(counsellingTexts);
  const { t } = useTranslation();
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const asked = Number(new URLSearchParams(useSearch()).get('aar')) || undefined;
  const q = useQuery({
    queryKey: ['counselling', 'statistics', asked ?? 'current'],
    queryFn: () => counsellingApi.statistics(asked),
    placeholderData: keepPreviousData,
  });
  if (!ready || q.isPending) return <Loading />;
  if (q.isError) return <ProblemAlert error={q.error} />;
  const s = q.data;
  const current = s.untilDate < `${s.year}-12-31`;
  const median = s.medianDurationDays;
  return (
    <>
      <PageHeading title={t('pages.counsellingStatistics.title')}>
        {t('pages.counsellingStatistics.title')}: {s.organisation.name}
      </PageHeading>
      <p className="font-lead">{t('counselling.stats.lead')}</p>
      <SelectField
        id="stats-year"
        label={t('counselling.stats.year')}
        className="form-select input-width-xs"
        value={String(s.year)}
        onChange={(v) => navigate(`/tal/raadgivning?aar=${v}`, { replace: true })}
        options={s.years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      {current ? <p>{t('counselling.stats.untilToday', { date: fmt.date(s.untilDate) })}</p> : null}
      <p data-sentence="year">
        {t('counselling.stats.sentence', {
          year: s.year,
          families: fmt.number(s.familiesCounselled),
          count: fmt.number(s.noSpecialSupport.count),
        })}
      </p>
      <ul className="fs-cards nobullet-list no-max-width">
        <Figure
          id="families"
          label={t('counselling.stats.families')}
          value={fmt.number(s.familiesCounselled)}
          hint={t('counselling.stats.familiesHint')}
        />
        <Figure
          id="no-special-support"
          label={t('counselling.stats.nss')}
          value={fmt.number(s.noSpecialSupport.count)}
          hint={[
            s.noSpecialSupport.shareOfFamilies === null
              ? null
              : t('counselling.stats.nssOfFamilies', {
                  share: fmt.percent(s.noSpecialSupport.shareOfFamilies),
                }),
            s.noSpecialSupport.shareOfClosed === null
              ? null
              : t('counselling.stats.nssOfClosed', { share: fmt.percent(s.noSpecialSupport.shareOfClosed) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        />
        <Figure id="closed" label={t('counselling.stats.closed')} value={fmt.number(s.casesClosed)} />
        <Figure
          id="median"
          label={t('counselling.stats.median')}
          value={
            median === null
              ? t('counselling.stats.noValue')
              : t('counselling.stats.medianValue', { days: fmt.number(median) })
          }
          {...(median === null
            ? {}
            : {
                hint: t('counselling.stats.medianMonths', {
                  months: fmt.decimal(Math.round((median / 30.44) * 10) / 10),
                }),
              })}
        />
        <Figure id="opened" label={t('counselling.stats.opened')} value={fmt.number(s.casesOpened)} />
        <Figure
          id="open-at-end"
          label={t(current ? 'counselling.stats.openNow' : 'counselling.stats.openAtEnd')}
          value={fmt.number(s.openAtEnd)}
        />
      </ul>
      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">{t('counselling.stats.outcomesHeading')}</h2>
        <table className="table table--zebra">
          <caption className="sr-only">{t('counselling.stats.outcomesCaption', { year: s.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('counselling.stats.outcome')}</th>
              <th scope="col" className="text-align-right">
                {t('counselling.stats.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {counsellingOutcomes.map((o) => (
              <tr key={o} data-outcome={o}>
                <td>{t(`counselling.outcome.${o}`)}</td>
                <td className="text-align-right">{fmt.number(s.outcomes[o])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="stats-goals-heading">
        <h2 id="stats-goals-heading">{t('counselling.stats.goalsHeading')}</h2>
        <p>
          {t('counselling.stats.goalsText', {
            improved: fmt.number(s.goals.improved),
            scored: fmt.number(s.goals.scoredTwice),
          })}
        </p>
      </section>
    </>
  );
}
