import type { IndicatorFigures } from '@familiespor/contracts';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../i18n/i18n.setup';
import { localeOf } from '../../i18n/intl.format';
import { useFormat } from '../../i18n/use-format.hook';

type Point = IndicatorFigures['points'][number];
type Breakdown = IndicatorFigures['breakdown'];

/** "2026-03" → "mar. 2026" in Danish: short enough for a chart's axis, plain in a table. */
export function shortMonth(language: Language, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(localeOf(language), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * A bucket as getIndicator names it ('2026-03', '2026-Q2', '2026' or the whole period
 * '2026-01–2026-12') in the reader's words.
 */
export function bucketLabel(t: TFunction, language: Language, bucket: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(bucket);
  if (quarter) return t('dashboard.quarter', { year: quarter[1], quarter: quarter[2] });
  if (/^\d{4}-\d{2}$/.test(bucket)) return shortMonth(language, bucket);
  const period = /^(\d{4}-\d{2})–(\d{4}-\d{2})$/.exec(bucket);
  if (period)
    return `${shortMonth(language, period[1] as string)}–${shortMonth(language, period[2] as string)}`;
  return bucket;
}

/** `YYYY-MM` of a date in the reader's calendar month, `months` back (0: this month). */
export function monthBack(today: Date, months: number): string {
  const d = new Date(Date.UTC(today.getFullYear(), today.getMonth() - months, 1));
  return d.toISOString().slice(0, 7);
}

/** The words of the dashboard for one set of figures: bucket, breakdown value and result. */
export function useIndicatorWords() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const language = isLanguage(i18n.language) ? i18n.language : 'da';
  return useMemo(() => {
    const valueName = (breakdown: Breakdown, p: Pick<Point, 'value' | 'label'>): string => {
      if (p.value === null) return t('dashboard.values.total');
      if (p.label) return p.label;
      if (breakdown === 'language') return fmt.languageName(p.value);
      if (
        breakdown === 'parent_role' ||
        breakdown === 'care_level' ||
        breakdown === 'question' ||
        breakdown === 'topic'
      )
        return t(`dashboard.values.${breakdown}.${p.value}` as never, { defaultValue: p.value });
      return p.value;
    };
    const result = (unit: IndicatorFigures['unit'], value: number | null): string => {
      if (value === null) return t('dashboard.none');
      if (unit === 'share') return fmt.percent(value);
      if (unit === 'count' || unit === 'stock_flow') return fmt.number(value);
      return fmt.decimal(value);
    };
    return {
      bucket: (bucket: string) => bucketLabel(t, language, bucket),
      valueName,
      result,
      period: (from: string, to: string) =>
        from === to
          ? shortMonth(language, from)
          : `${shortMonth(language, from)}–${shortMonth(language, to)}`,
    };
  }, [t, fmt, language]);
}
