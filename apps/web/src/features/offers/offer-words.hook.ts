import { useTranslation } from 'react-i18next';
import type { Offer, TemplateSession } from '../../api/api.types';
import { useFormat } from '../../i18n/use-format.hook';

/** A template session's place in time: "14 uger før termin (uge 26)" or "1 md. og 21 dage efter fødslen". */
export function useOffsetWords() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (offset: TemplateSession['offset']): string => {
    if (offset.from === 'due_date') {
      const days = -offset.days;
      if (days === 0) return t('offers.offset.atDue');
      if (days % 7 === 0)
        return t('offers.offset.weeksBeforeDue', {
          count: days / 7,
          n: fmt.number(days / 7),
          week: 40 - days / 7,
        });
      return t('offers.offset.daysBeforeDue', { count: days, n: fmt.number(days) });
    }
    if (offset.days === 0)
      return t('offers.offset.monthsAfterBirth', { count: offset.months, n: fmt.number(offset.months) });
    return t('offers.offset.monthsDaysAfterBirth', {
      months: fmt.number(offset.months),
      count: offset.days,
      n: fmt.number(offset.days),
    });
  };
}

/** Who an offer is for, in a few short phrases for staff: "Førstegangsforældre", "Gravid uge 12–30". */
export function useEligibilitySummary() {
  const { t } = useTranslation();
  return (offer: Offer): string[] => {
    const e = offer.eligibility;
    const out: string[] = [];
    if (e.firstTimeParentsOnly) out.push(t('offers.who.firstTime'));
    if (e.pregnancyWeeks)
      out.push(t('offers.who.weeks', { from: e.pregnancyWeeks.from, to: e.pregnancyWeeks.to }));
    if (e.childAgeMonths)
      out.push(t('offers.who.months', { from: e.childAgeMonths.from, to: e.childAgeMonths.to }));
    if (offer.referralOnly || e.referralOnly) out.push(t('offers.who.referral'));
    if (out.length === 0) out.push(t('offers.who.all'));
    return out;
  };
}
