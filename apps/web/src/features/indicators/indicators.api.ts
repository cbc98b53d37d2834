import type {
  GetIndicatorQuery,
  IndicatorCatalogueResponse,
  IndicatorFigures,
  RefreshIndicatorsResult,
} from '@familiespor/contracts';
import { indicatorDimensions } from '@familiespor/domain';
import { api } from '../../api/api.client';

/** What getIndicator accepts as `grain` and `breakdown` (the contract's enums). */
export const grains = [
  'month',
  'quarter',
  'year',
  'period',
] as const satisfies readonly GetIndicatorQuery['grain'][];
export const breakdowns = ['total', ...indicatorDimensions] as const;

export type FiguresQuery = Pick<GetIndicatorQuery, 'indicator' | 'from' | 'to' | 'grain' | 'breakdown'> & {
  only?: string | undefined;
};

/** The query string getIndicator and exportIndicators share: the export is exactly what is shown. */
export function figuresSearch(q: FiguresQuery): string {
  const params = new URLSearchParams({
    indicator: q.indicator,
    from: q.from,
    to: q.to,
    grain: q.grain,
    breakdown: q.breakdown,
  });
  if (q.only !== undefined) params.set('only', q.only);
  return params.toString();
}

export const indicatorsApi = {
  /** listIndicators */
  catalogue: () => api.get<IndicatorCatalogueResponse>('/api/indicators'),
  /** getIndicator */
  figures: (q: FiguresQuery) => api.get<IndicatorFigures>(`/api/indicators/figures?${figuresSearch(q)}`),
  /** refreshIndicators */
  refresh: () => api.post<RefreshIndicatorsResult>('/api/indicators/refresh', {}),
  /** exportIndicators: a link the browser downloads with the session cookie. */
  exportHref: (q: FiguresQuery, format: 'csv' | 'xlsx') =>
    `/api/indicators/export?${figuresSearch(q)}&format=${format}`,
};
