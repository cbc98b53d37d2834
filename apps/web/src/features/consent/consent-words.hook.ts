import type { Consent } from '@familiespor/contracts';
import type { ConsentableCategory } from '@familiespor/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/use-format.hook';

/** A consent in plain words: "<to> may see <what> from <from>", as a parent reads it. */
export function useConsentWords() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const what = (categories: readonly ConsentableCategory[]) =>
    fmt.list(categories.map((c) => t(`consent.what.${c}`)));
  return {
    what,
    sentence: (c: Pick<Consent, 'categories' | 'from' | 'to'>) =>
      t('consent.sentence', { to: c.to.name, from: c.from.name, what: what(c.categories) }),
    question: (to: string, from: string, categories: readonly ConsentableCategory[]) =>
      t('consent.question', { to, from, what: what(categories) }),
  };
}

/** The server's and the form's error codes, in the consent bundle's words. */
export function useConsentErrorText() {
  const { t } = useTranslation();
  const known = [
    'required',
    'same_organisation',
    'in_past',
    'too_long',
    'before_valid_from',
    'invalid_date',
    'unknown_organisation',
    'no_custody',
    'not_a_parent_of_family',
  ] as const;
  return (code: string | undefined) =>
    code && (known as readonly string[]).includes(code)
      ? t(`consent.error.${code as (typeof known)[number]}`)
      : t('consent.error.invalid');
}
