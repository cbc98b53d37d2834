import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/alert.component';
import { SelectField } from '../../components/forms/fields.component';
import { PeriodForm } from '../../components/forms/period-form.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { openCounsellingTexts, useTexts } from '../../i18n/lazy-texts';
import { openCounsellingApi } from './open-counselling.api';
import { Bars, TopicsByMonth } from './statistics-views.component';

/**
 * "Tal for den åbne rådgivning": conversations by topic and month, by channel, who, the child's
 * age and outcome, for the NGO and its partner municipality. Always with small-cell suppression.
 */
export function OpenCounsellingStatisticsPage() {
  const ready = useTexts(openCounsellingTexts);
  const { t } = useTranslation();
  const orgs = useQuery({
    queryKey: ['open-counselling', 'statistics-organisations'],
    queryFn: openCounsellingApi.statisticsOrganisations,
  });
  const [chosen, setChosen] = useState<string | undefined>();
  const [period, setPeriod] = useState<{ from?: string; to?: string }>({});
  const orgId = chosen ?? orgs.data?.[0]?.id;
  const stats = useQuery({
    queryKey: ['open-counselling', 'statistics', orgId, period.from, period.to],
    queryFn: () => openCounsellingApi.statistics({ orgId, from: period.from, to: period.to }),
    enabled: orgId !== undefined,
  });
  if (!ready || orgs.isPending) return <Loading />;
  if (orgs.isError) return <ProblemAlert error={orgs.error} />;
  const data = stats.data;
  return (
    <>
      <PageHeading title={t('openCounselling.statistics.title')}>
        {t('openCounselling.statistics.title')}
      </PageHeading>
      <p className="font-lead">{t('openCounselling.statistics.lead')}</p>
      {orgs.data.length === 0 ? (
        <Alert variant="info" heading={t('openCounselling.statistics.noneHeading')}>
          <p>{t('openCounselling.statistics.noneText')}</p>
        </Alert>
      ) : (
        <PeriodForm
          id="stats"
          label={t('openCounselling.statistics.filter')}
          initial={{ from: '', to: '' }}
          words={{
            from: t('openCounselling.statistics.from'),
            to: t('openCounselling.statistics.to'),
            show: t('openCounselling.statistics.show'),
          }}
          onShow={({ from, to }) => setPeriod({ ...(from ? { from } : {}), ...(to ? { to } : {}) })}
        >
          {orgs.data.length > 1 ? (
            <SelectField
              id="stats-org"
              label={t('openCounselling.statistics.organisation')}
              value={orgId ?? ''}
              onChange={setChosen}
              options={orgs.data.map((o) => ({ value: o.id, label: o.name }))}
            />
          ) : null}
        </PeriodForm>
      )}
      {stats.isFetching && !data ? <Loading /> : null}
      {stats.isError ? <ProblemAlert error={stats.error} /> : null}
      {data ? (
        <>
          <h2>{t('openCounselling.statistics.topicsHeading')}</h2>
          <TopicsByMonth data={data} />
          <p className="fs-muted">
            {t('openCounselling.statistics.legend', { threshold: data.threshold })}{' '}
            {t('openCounselling.statistics.hiddenCount', { count: data.hiddenCells })}
          </p>
          <h2>{t('openCounselling.statistics.whoHeading')}</h2>
          <Bars
            id="by-channel"
            heading={t('openCounselling.statistics.byChannel')}
            group="channel"
            distribution={data.byChannel}
          />
          <Bars
            id="by-who"
            heading={t('openCounselling.statistics.byWho')}
            group="who"
            distribution={data.byWho}
          />
          <Bars
            id="by-age"
            heading={t('openCounselling.statistics.byAgeBand')}
            group="ageBand"
            distribution={data.byChildAgeBand}
          />
          <Bars
            id="by-outcome"
            heading={t('openCounselling.statistics.byOutcome')}
            group="outcome"
            distribution={data.byOutcome}
          />
        </>
      ) : null}
    </>
  );
}
