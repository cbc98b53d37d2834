import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/api.types';
import { type Age, ageOf } from './stage';

/** Words for a family's stage and a child's age, in the chosen language. */
export function useStageWords() {
  const { t } = useTranslation();

  /** "3 måneder" (long, for parents) or "3 mdr." (short, for tables). */
  const age = (a: Age, style: 'long' | 'short' = 'long'): string => {
    const forms = style === 'long' ? 'long' : 'short';
    switch (a.unit) {
      case 'days':
        return t(`age.${forms}.days`, { count: a.days });
      case 'weeks':
        return t(`age.${forms}.weeks`, { count: a.weeks });
      case 'months':
        return t(`age.${forms}.months`, { count: a.months });
      case 'years':
        return a.months === 0
          ? t(`age.${forms}.years`, { count: a.years })
          : t(`age.${forms}.yearsMonths`, {
              years: t(`age.${forms}.years`, { count: a.years }),
              months: t(`age.${forms}.months`, { count: a.months }),
            });
    }
  };

  /** For staff tables: "Gravid uge 24+0", "Barn 3 mdr.", or "Intet forløb". */
  const short = (stage: Stage): string => {
    if (stage.kind === 'pregnancy') return t('stage.short.pregnancy', { week: stage.week, day: stage.day });
    if (stage.kind === 'child')
      return t('stage.short.child', { age: age(ageOf(stage.ageDays, stage.ageMonths), 'short') });
    return t('stage.short.none');
  };

  /** The stage's name, e.g. "Midt i graviditeten" or "Barn 2–6 måneder". */
  const name = (stage: Stage): string =>
    stage.kind === 'none' ? t('stage.short.none') : t(`stage.name.${stage.key}`);

  return { age, short, name };
}
