import { useTranslation } from 'react-i18next';
import type { Offer, RuleResult } from '../../api/api.types';
import { useFormat } from '../../i18n/use-format.hook';
import { ruleState } from './standing';

export type Audience = 'staff' | 'parent';

/**
 * Each eligibility rule in words: for staff as a check ("Førstegangsforældre"), for parents in
 * plain words about themselves ("Tilbuddet er for jer, der venter jeres første barn").
 */
export function useRuleWords(audience: Audience) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (offer: Offer, r: RuleResult, today: string): string => {
    const e = offer.eligibility;
    const values = {
      from: r.window ? fmt.date(r.window.from) : '',
      to: r.window ? fmt.date(r.window.to) : '',
      weeksFrom: e.pregnancyWeeks?.from ?? 0,
      weeksTo: e.pregnancyWeeks?.to ?? 0,
      monthsFrom: e.childAgeMonths?.from ?? 0,
      monthsTo: e.childAgeMonths?.to ?? 0,
    };
    const state = ruleState(r, today);
    if (r.rule === 'pregnancy_weeks' || r.rule === 'child_age') {
      const s = state === 'no' ? 'unknown' : state;
      return audience === 'staff'
        ? t(`offers.rules.staff.${r.rule}.${s}`, values)
        : t(`offers.rules.parent.${r.rule}.${s}`, values);
    }
    const s = state === 'ok' ? 'ok' : 'no';
    return audience === 'staff'
      ? t(`offers.rules.staff.${r.rule}.${s}`)
      : t(`offers.rules.parent.${r.rule}.${s}`);
  };
}
