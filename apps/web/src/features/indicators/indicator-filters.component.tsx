import type { IndicatorSummary } from '@familiespor/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/forms/fields.component';
import { useIndicatorWords } from './indicator-format';
import { type FiguresQuery, grains, indicatorsApi } from './indicators.api';

type Grain = FiguresQuery['grain'];
type Breakdown = FiguresQuery['breakdown'];
const all = '';

/**
 * Period, grain, breakdown and one breakdown value. Nothing is fetched until "Vis tallene": the
 * figures, the chart, the table and the export then all follow the same query in the address.
 */
export function IndicatorFilters({
  indicator,
  query,
  onShow,
}: {
  indicator: IndicatorSummary;
  query: FiguresQuery;
  onShow: (q: FiguresQuery) => void;
}) {
  const { t } = useTranslation();
  const words = useIndicatorWords();
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  const [grain, setGrain] = useState<Grain>(query.grain);
  const [breakdown, setBreakdown] = useState<Breakdown>(query.breakdown);
  const [only, setOnly] = useState(query.only ?? all);
  const [error, setError] = useState<{ field: 'from' | 'to'; text: string } | null>(null);
  const monthsOk = /^\d{4}-\d{2}$/.test(from) && /^\d{4}-\d{2}$/.test(to) && from <= to;

  // The values to pick one of: the breakdown's values over the whole period chosen.
  const values = useQuery({
    queryKey: ['indicators', 'values', indicator.id, from, to, breakdown],
    queryFn: () => indicatorsApi.figures({ indicator: indicator.id, from, to, grain: 'period', breakdown }),
    enabled: breakdown !== 'total' && monthsOk,
  });
  const valueOptions = (values.data?.points ?? []).flatMap((p) =>
    p.value === null ? [] : [{ value: p.value, label: words.valueName(breakdown, p) }],
  );
  if (only !== all && !valueOptions.some((o) => o.value === only))
    valueOptions.push({ value: only, label: words.valueName(breakdown, { value: only, label: null }) });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{4}-\d{2}$/.test(from)) return setError({ field: 'from', text: t('dashboard.errors.badMonth') });
    if (!/^\d{4}-\d{2}$/.test(to)) return setError({ field: 'to', text: t('dashboard.errors.badMonth') });
    if (to < from) return setError({ field: 'to', text: t('dashboard.errors.endBeforeStart') });
    setError(null);
    onShow({
      indicator: indicator.id,
      from,
      to,
      grain,
      breakdown,
      only: breakdown === 'total' || only === all ? undefined : only,
    });
  }

  return (
    <form className="fs-indicator-filters" aria-labelledby="filters-heading" onSubmit={submit} noValidate>
      <h2 id="filters-heading" className="h3">
        {t('dashboard.filtersHeading')}
      </h2>
      <div className="fs-toolbar">
        <TextField
          id="indicator-from"
          type="month"
          label={t('dashboard.from')}
          value={from}
          error={error?.field === 'from' ? error.text : undefined}
          onChange={(e) => setFrom(e.target.value)}
        />
        <TextField
          id="indicator-to"
          type="month"
          label={t('dashboard.to')}
          value={to}
          error={error?.field === 'to' ? error.text : undefined}
          onChange={(e) => setTo(e.target.value)}
        />
        <SelectField
          id="indicator-grain"
          label={t('dashboard.grain')}
          value={grain}
          onChange={setGrain}
          options={grains.map((g) => ({ value: g, label: t(`dashboard.grains.${g}`) }))}
        />
        <SelectField
          id="indicator-breakdown"
          label={t('dashboard.breakdown')}
          value={breakdown}
          onChange={(b) => {
            setBreakdown(b);
            setOnly(all);
          }}
          options={(['total', ...indicator.dimensions] as Breakdown[]).map((b) => ({
            value: b,
            label: t(`dashboard.breakdowns.${b}`),
          }))}
        />
        {breakdown !== 'total' ? (
          <SelectField
            id="indicator-only"
            label={t('dashboard.only')}
            value={only}
            onChange={setOnly}
            options={[{ value: all, label: t('dashboard.all') }, ...valueOptions]}
          />
        ) : null}
        <div className="form-group">
          <button type="submit" className="button button-primary">
            {t('dashboard.show')}
          </button>
        </div>
      </div>
    </form>
  );
}
