import type { PublicOpenCounsellingSlot } from '@familiespor/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../i18n/i18n.setup';
import { localeOf } from '../../i18n/intl.format';
import { useFormat } from '../../i18n/use-format.hook';

/** 1 January 2024 was a Monday: day n of that month is ISO weekday n. */
const weekdayDate = (weekday: number) => new Date(Date.UTC(2024, 0, weekday, 12));

/** Weekday names and a slot's hours in the user's language. */
export function useSlotWords() {
  const { i18n } = useTranslation();
  const fmt = useFormat();
  const language = isLanguage(i18n.language) ? i18n.language : 'da';
  return useMemo(() => {
    const weekdays = new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', timeZone: 'UTC' });
    return {
      weekday: (weekday: number) => weekdays.format(weekdayDate(weekday)),
      /** "15.00–18.00": from the next date when there is one, so Danish time is shown right. */
      hours: (slot: Pick<PublicOpenCounsellingSlot, 'next' | 'startTime' | 'endTime'>) => {
        const next = slot.next[0];
        return next ? fmt.timeRange(next.startsAt, next.endsAt) : `${slot.startTime}–${slot.endTime}`;
      },
    };
  }, [language, fmt]);
}
