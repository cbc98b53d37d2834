import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from './i18n.setup';
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDayLong,
  formatDecimal,
  formatLanguageName,
  formatList,
  formatListParts,
  formatMonth,
  formatNumber,
  formatPercent,
  formatTime,
  formatTimeRange,
  formatWeekdayDate,
} from './intl.format';

/** Formatters for the language the user has chosen (times in Europe/Copenhagen). */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'da';
  return useMemo(
    () => ({
      date: (value: string | Date) => formatDate(language, value),
      dateRange: (start: string | Date, end: string | Date) => formatDateRange(language, start, end),
      languageName: (code: string) => formatLanguageName(language, code),
      dateTime: (value: string | Date) => formatDateTime(language, value),
      time: (value: string | Date) => formatTime(language, value),
      timeRange: (start: string | Date, end: string | Date) => formatTimeRange(language, start, end),
      dayLong: (value: string | Date) => formatDayLong(language, value),
      weekdayDate: (value: string | Date) => formatWeekdayDate(language, value),
      month: (value: string | Date) => formatMonth(language, value),
      percent: (share: number) => formatPercent(language, share),
      decimal: (value: number) => formatDecimal(language, value),
      number: (value: number) => formatNumber(language, value),
      list: (items: readonly string[]) => formatList(language, items),
      listParts: (items: readonly string[]) => formatListParts(language, items),
    }),
    [language],
  );
}
