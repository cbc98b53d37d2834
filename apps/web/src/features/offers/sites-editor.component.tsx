import {
  type Control,
  Controller,
  type FieldErrors,
  type UseFormRegister,
  useFieldArray,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, TextField } from '../../components/forms/fields.component';
import { Icon } from '../../components/icon.component';
import { useFormat } from '../../i18n/use-format.hook';
import { errorText } from './form-errors';
import type { OfferFormValues } from './offer-form';

/** Where a course meets: each site's address, how many cohorts it can hold, and in which languages. */
export function SitesEditor({
  control,
  register,
  errors,
  languages,
}: {
  control: Control<OfferFormValues>;
  register: UseFormRegister<OfferFormValues>;
  errors: FieldErrors<OfferFormValues>;
  languages: readonly string[];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { fields, append, remove } = useFieldArray({ control, name: 'sites' });
  return (
    <section aria-labelledby="sites-heading" className="fs-form-section">
      <h2 id="sites-heading">{t('offerForm.sites.heading')}</h2>
      <p>{t('offerForm.sites.lead')}</p>
      <ul className="nobullet-list no-max-width">
        {fields.map((f, i) => {
          const e = errors.sites?.[i];
          const id = `site-${i}`;
          return (
            <li key={f.id} className="fs-template-row">
              <fieldset>
                <legend className="h4 mt-0">{t('offerForm.sites.site', { n: i + 1 })}</legend>
                <TextField
                  id={`${id}-name`}
                  label={t('offerForm.sites.name')}
                  error={errorText(t, 'siteName', e?.name)}
                  {...register(`sites.${i}.name`)}
                />
                <TextField
                  id={`${id}-address`}
                  label={t('offerForm.sites.address')}
                  error={errorText(t, 'siteAddress', e?.address)}
                  {...register(`sites.${i}.address`)}
                />
                <TextField
                  id={`${id}-max-cohorts`}
                  label={t('offerForm.sites.maxCohorts')}
                  hint={t('offerForm.sites.maxCohortsHint')}
                  className="form-input input-width-xs"
                  inputMode="numeric"
                  error={errorText(t, 'maxCohorts', e?.maxCohorts)}
                  {...register(`sites.${i}.maxCohorts`)}
                />
                <Controller
                  control={control}
                  name={`sites.${i}.languages`}
                  render={({ field }) => (
                    <CheckboxGroup
                      id={`${id}-languages`}
                      legend={t('offerForm.sites.languages')}
                      error={e?.languages ? errorText(t, 'siteLanguages', e.languages as never) : undefined}
                      options={languages.map((l) => ({ value: l, label: fmt.languageName(l) }))}
                      value={field.value}
                      onChange={field.onChange}
                    />
                  )}
                />
                <button type="button" className="button button-tertiary" onClick={() => remove(i)}>
                  <Icon name="delete" />
                  {t('offerForm.sites.remove')}
                  <span className="sr-only"> {t('offerForm.sites.site', { n: i + 1 })}</span>
                </button>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => append({ name: '', address: '', maxCohorts: '4', languages: ['da'] })}
      >
        <Icon name="plus" />
        {t('offerForm.sites.add')}
      </button>
    </section>
  );
}
