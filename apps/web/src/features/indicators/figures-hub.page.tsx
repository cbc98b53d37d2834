import type { IndicatorSummary } from '@familiespor/contracts';
import type { IndicatorId } from '@familiespor/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { StaffMe } from '../../api/api.types';
import { Alert } from '../../components/alert.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { dashboardTexts, useTexts } from '../../i18n/lazy-texts';
import { useFormat } from '../../i18n/use-format.hook';
import { PageCards } from '../home/page-cards.component';
import { figuresLinksFor } from '../home/staff-pages';
import { indicatorGroups } from './indicator-groups';
import { indicatorsApi } from './indicators.api';
import './indicators.css';

function Refresh({ lastRefreshAt, canRefresh }: { lastRefreshAt: string | null; canRefresh: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const client = useQueryClient();
  const refresh = useMutation({
    mutationFn: indicatorsApi.refresh,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['indicators'] }),
  });
  return (
    <div className="fs-toolbar">
      <p className="fs-muted">
        {lastRefreshAt
          ? t('dashboard.refreshedAt', { time: fmt.dateTime(lastRefreshAt) })
          : t('dashboard.neverRefreshed')}
      </p>
      {canRefresh ? (
        <button
          type="button"
          className="button button-secondary"
          disabled={refresh.isPending}
          onClick={() => refresh.mutate()}
        >
          {refresh.isPending ? t('dashboard.refreshing') : t('dashboard.refresh')}
        </button>
      ) : null}
      <div aria-live="polite">
        {refresh.isError ? <ProblemAlert error={refresh.error} /> : null}
        {refresh.data ? (
          <Alert variant={refresh.data.errors.length > 0 ? 'warning' : 'success'}>
            {t('dashboard.refreshDone', { count: refresh.data.cellsWritten })}{' '}
            {refresh.data.errors.length > 0
              ? t('dashboard.refreshErrors', {
                  names: fmt.list(
                    refresh.data.errors.map((e) => t(`dashboard.indicators.${e.indicator}.name` as never)),
                  ),
                })
              : null}
          </Alert>
        ) : null}
      </div>
    </div>
  );
}

function IndicatorLink({ id, summary }: { id: IndicatorId; summary: IndicatorSummary | undefined }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link href={`/tal/indikatorer/${id}`}>{t(`dashboard.indicators.${id}.name`)}</Link>
      {summary?.available && summary.refreshedAt ? null : (
        <span className="fs-muted"> – {t('dashboard.noFigures')}</span>
      )}
    </li>
  );
}

/**
 * "Tal og resultater": the indicators by theme, when they were computed, and the other figures
 * pages of the role (counselling, open counselling, the benchmark, the readmission import).
 */
export function FiguresHubPage({ me }: { me: StaffMe }) {
  const { t } = useTranslation();
  const ready = useTexts(dashboardTexts);
  const catalogue = useQuery({ queryKey: ['indicators', 'catalogue'], queryFn: indicatorsApi.catalogue });
  const others = figuresLinksFor(me.roles);
  if (!ready || catalogue.isPending) return <Loading />;
  const byId = new Map((catalogue.data?.indicators ?? []).map((i) => [i.id, i]));
  return (
    <>
      <PageHeading title={t('pages.figures.title')}>{t('pages.figures.title')}</PageHeading>
      <p className="font-lead">{t('dashboard.lead')}</p>
      {catalogue.isError ? (
        <ProblemAlert error={catalogue.error} />
      ) : (
        <Refresh
          lastRefreshAt={catalogue.data.lastRefreshAt}
          canRefresh={me.roles.includes('programme_lead')}
        />
      )}

      {/* The committee report has the hub's readers (programme lead and analyst). */}
      <div className="card fs-indicator-card">
        <div className="card-content">
          <h2 className="header-title h3">
            <Link href="/tal/udvalgsrapport">{t('dashboard.committeeReport')}</Link>
          </h2>
          <p>{t('dashboard.committeeReportText')}</p>
        </div>
      </div>

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t('dashboard.indicatorsHeading')}</h2>
        <div className="fs-indicator-list">
          {Object.entries(indicatorGroups).map(([group, ids]) => (
            <section key={group} aria-labelledby={`group-${group}`}>
              <h3 id={`group-${group}`}>{t(`dashboard.groups.${group as keyof typeof indicatorGroups}`)}</h3>
              <ul>
                {ids.map((id) => (
                  <IndicatorLink key={id} id={id} summary={byId.get(id)} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      </section>

      {others.length > 0 ? (
        <section aria-labelledby="other-heading">
          <h2 id="other-heading">{t('dashboard.otherHeading')}</h2>
          <PageCards pages={others} />
        </section>
      ) : null}
    </>
  );
}
