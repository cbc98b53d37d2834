import { indicatorIds } from '@familiespor/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { Alert } from '../../components/alert.component';
import { Loading } from '../../components/loading.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { dashboardTexts, useTexts } from '../../i18n/lazy-texts';
import { IndicatorFiguresView } from './indicator-figures.component';
import { IndicatorFilters } from './indicator-filters.component';
import { monthBack } from './indicator-format';
import { breakdowns, type FiguresQuery, grains, indicatorsApi } from './indicators.api';

type IndicatorId = (typeof indicatorIds)[number];

/**
 * The query the address names (?fra=2025-11&til=2026-10&pr=month&opdeling=parent_role&kun=father),
 * so a view can be bookmarked or sent to a colleague. By default the last twelve whole months.
 */
function queryOf(indicator: IndicatorId, search: string, today: Date): FiguresQuery {
  const params = new URLSearchParams(search);
  const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
    allowed.includes(value as T) ? (value as T) : fallback;
  const only = params.get('kun');
  return {
    indicator,
    from: params.get('fra') ?? monthBack(today, 12),
    to: params.get('til') ?? monthBack(today, 1),
    grain: pick(params.get('pr'), grains, 'month'),
    breakdown: pick(params.get('opdeling'), breakdowns, 'total'),
    only: only ?? undefined,
  };
}

function searchOf(q: FiguresQuery): string {
  const params = new URLSearchParams({ fra: q.from, til: q.to, pr: q.grain, opdeling: q.breakdown });
  if (q.only !== undefined) params.set('kun', q.only);
  return params.toString();
}

/** One indicator: how it is made, the filters, the chart and table, and the downloads. */
export function IndicatorPage({ indicator }: { indicator: string }) {
  const { t } = useTranslation();
  const ready = useTexts(dashboardTexts);
  const search = useSearch();
  const [location, navigate] = useLocation();
  const known = (indicatorIds as readonly string[]).includes(indicator);
  const id = indicator as IndicatorId;
  const query = queryOf(id, search, new Date());
  const catalogue = useQuery({ queryKey: ['indicators', 'catalogue'], queryFn: indicatorsApi.catalogue });
  const figures = useQuery({
    queryKey: ['indicators', 'figures', query],
    queryFn: () => indicatorsApi.figures(query),
    enabled: known,
    placeholderData: keepPreviousData,
  });
  if (!ready || catalogue.isPending) return <Loading />;
  if (catalogue.isError) return <ProblemAlert error={catalogue.error} />;
  const summary = catalogue.data.indicators.find((i) => i.id === indicator);
  const name = known ? t(`dashboard.indicators.${id}.name`) : indicator;
  return (
    <>
      <p>
        <Link href="/tal">{t('dashboard.back')}</Link>
      </p>
      <PageHeading title={name}>{name}</PageHeading>
      {!known || !summary ? (
        <Alert variant="error" heading={t('dashboard.noFigures')} />
      ) : (
        <>
          <section aria-labelledby="how-heading">
            <h2 id="how-heading" className="h3">
              {t('dashboard.howHeading')}
            </h2>
            <dl className="fs-summary">
              <dt>{t('dashboard.numerator')}</dt>
              <dd>{t(`dashboard.indicators.${id}.numerator`)}</dd>
              {summary.words.denominator ? (
                <>
                  <dt>{t('dashboard.denominator')}</dt>
                  <dd>{t(`dashboard.indicators.${id}.denominator` as never)}</dd>
                </>
              ) : null}
              <dt>{t('dashboard.dated')}</dt>
              <dd>{t(`dashboard.indicators.${id}.dated`)}</dd>
            </dl>
          </section>
          <IndicatorFilters
            key={search}
            indicator={summary}
            query={query}
            onShow={(q) => navigate(`${location}?${searchOf(q)}`)}
          />
          {figures.isError ? (
            <ProblemAlert error={figures.error} />
          ) : figures.data ? (
            <IndicatorFiguresView name={name} figures={figures.data} query={query} />
          ) : (
            <Loading />
          )}
        </>
      )}
    </>
  );
}
