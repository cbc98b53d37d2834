import type { Benchmark } from '@familiespor/contracts';
import { indicatorIds } from '@familiespor/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffMe } from '../../api/api.types';
import { Alert } from '../../components/alert.component';
import { FiguresTable, HiddenFigure } from '../../components/figures-table.component';
import { SelectField, TextField } from '../../components/forms/fields.component';
import { PeriodForm } from '../../components/forms/period-form.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { dashboardTexts, outcomesTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { benchmarkApi } from './benchmark.api';

type Indicator = (typeof indicatorIds)[number];
const thisYear = () => new Date().getFullYear();

/** One figure: "<5" when suppression hid it (the server sends null), "–" when there is nothing to show. */
function Figure({
  value,
  hidden,
  unit,
}: {
  value: number | null;
  hidden: boolean;
  unit?: Benchmark['unit'] | undefined;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (value === null && hidden) return <HiddenFigure label={t('benchmark.hiddenCell')} />;
  if (value === null) return <>{t('benchmark.none')}</>;
  if (unit === 'share') return <>{fmt.percent(value)}</>;
  return <>{fmt.decimal(value)}</>;
}

function Shares({ canShare }: { canShare: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const shares = useQuery({ queryKey: ['benchmark', 'shares'], queryFn: benchmarkApi.shares });
  const [indicator, setIndicator] = useState<Indicator>('readmissions');
  const [from, setFrom] = useState(`${thisYear()}-01`);
  const change = useMutation({
    mutationFn: benchmarkApi.share,
    onSuccess: (data) => {
      client.setQueryData(['benchmark', 'shares'], data);
      void client.invalidateQueries({ queryKey: ['benchmark', 'figures'] });
    },
  });
  if (shares.isPending) return <Loading />;
  if (shares.isError) return <ProblemAlert error={shares.error} />;
  return (
    <section aria-labelledby="share-heading">
      <h2 id="share-heading">{t('benchmark.shareHeading')}</h2>
      <p>{t('benchmark.shareLead')}</p>
      {change.isError ? <ProblemAlert error={change.error} /> : null}
      {shares.data.length === 0 ? (
        <p>{t('benchmark.notSharing')}</p>
      ) : (
        <ul className="nobullet-list">
          {shares.data.map((s) => (
            <li key={s.indicator}>
              {t(`dashboard.indicators.${s.indicator as Indicator}.name`)} – {t('benchmark.sharedFrom')}{' '}
              {s.sharedFrom}{' '}
              {canShare ? (
                <button
                  type="button"
                  className="button button-tertiary"
                  disabled={change.isPending}
                  onClick={() => change.mutate({ indicator: s.indicator as Indicator, share: false })}
                >
                  {t('benchmark.stop')}
                  <span className="sr-only">
                    : {t(`dashboard.indicators.${s.indicator as Indicator}.name`)}
                  </span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canShare ? (
        <form
          className="fs-toolbar"
          aria-label={t('benchmark.share')}
          onSubmit={(e) => {
            e.preventDefault();
            change.mutate({ indicator, share: true, from });
          }}
        >
          <SelectField
            id="share-indicator"
            label={t('benchmark.indicator')}
            value={indicator}
            onChange={setIndicator}
            options={indicatorIds.map((id) => ({ value: id, label: t(`dashboard.indicators.${id}.name`) }))}
          />
          <TextField
            id="share-from"
            type="month"
            label={t('benchmark.from')}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <div className="form-group">
            <button type="submit" className="button button-secondary" disabled={change.isPending}>
              {t('benchmark.share')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Table({ data }: { data: Benchmark }) {
  const { t } = useTranslation();
  const others = data.rows.filter((r) => !r.own);
  const figures = (f: Benchmark['others']) => [
    <Figure key="numerator" value={f.numerator} hidden={f.suppressed} />,
    <Figure key="denominator" value={f.denominator} hidden={f.suppressed} />,
    <Figure key="result" value={f.result} hidden={f.suppressed} unit={data.unit} />,
  ];
  return (
    <>
      {others.length === 0 ? <p>{t('benchmark.noOthers')}</p> : null}
      <FiguresTable
        id="benchmark"
        caption={t(`dashboard.indicators.${data.indicator as Indicator}.name`)}
        columns={(['municipality', 'sharedFrom', 'numerator', 'denominator', 'result'] as const).map(
          (key) => ({
            key,
            label: t(`benchmark.${key}`),
          }),
        )}
        rows={data.rows.map((r) => ({
          key: r.orgId,
          heading: (
            <>
              {r.municipality} {r.own ? t('benchmark.own') : null}
            </>
          ),
          cells: [r.sharedFrom ?? t('benchmark.ownNotShared'), ...figures(r)],
        }))}
        total={
          others.length > 0
            ? { key: 'others', heading: t('benchmark.others'), cells: [null, ...figures(data.others)] }
            : undefined
        }
      />
      <p className="fs-muted">{t('benchmark.hiddenNote')}</p>
    </>
  );
}

/** "Sammenlign kommuner": what we share with the network, and the shared figures side by side. */
export function BenchmarkPage({ me }: { me: StaffMe }) {
  const ready = useTexts(outcomesTexts, dashboardTexts);
  const { t } = useTranslation();
  const [indicator, setIndicator] = useState<Indicator>('readmissions');
  const [query, setQuery] = useState<{ indicator: Indicator; from: string; to: string } | null>(null);
  const figures = useQuery({
    queryKey: ['benchmark', 'figures', query],
    queryFn: () => benchmarkApi.get(query as NonNullable<typeof query>),
    enabled: query !== null,
  });
  if (!ready) return <Loading />;
  return (
    <>
      <PageHeading title={t('pages.benchmark.title')}>{t('pages.benchmark.title')}</PageHeading>
      <p className="font-lead">{t('benchmark.lead')}</p>
      <Shares canShare={me.roles.includes('programme_lead')} />
      <section aria-labelledby="compare-heading">
        <h2 id="compare-heading">{t('benchmark.compareHeading')}</h2>
        <PeriodForm
          id="compare"
          label={t('benchmark.compareHeading')}
          initial={{ from: `${thisYear()}-01`, to: `${thisYear()}-12` }}
          words={{ from: t('benchmark.from'), to: t('benchmark.to'), show: t('benchmark.show') }}
          onShow={(period) => setQuery({ indicator, ...period })}
        >
          <SelectField
            id="compare-indicator"
            label={t('benchmark.indicator')}
            value={indicator}
            onChange={setIndicator}
            options={indicatorIds.map((id) => ({ value: id, label: t(`dashboard.indicators.${id}.name`) }))}
          />
        </PeriodForm>
        {figures.isFetching && !figures.data ? <Loading /> : null}
        {figures.isError ? <ProblemAlert error={figures.error} /> : null}
        {figures.data ? <Table data={figures.data} /> : null}
        {query === null ? (
          <Alert variant="info" heading={t('benchmark.compareHeading')} headingLevel={3}>
            <p>{t('benchmark.lead')}</p>
          </Alert>
        ) : null}
      </section>
    </>
  );
}
