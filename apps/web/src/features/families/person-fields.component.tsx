import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../components/forms/fields.component';
import { useFormat } from '../../i18n/use-format.hook';
import { type PregnancyFormValues, spokenLanguages } from './pregnancy-form';

type Who = 'mother' | 'partner';
type ErrorOf = (name: string) => string | undefined;

/** Names, language and interpreter, contact and first-time parent: the same for both parents. */
export function PersonFields({
  who,
  form,
  err,
}: {
  who: Who;
  form: UseFormReturn<PregnancyFormValues>;
  err: ErrorOf;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const languages = [...spokenLanguages]
    .map((code) => ({ value: code as string, label: fmt.languageName(code) }))
    // Danish first, then the others alphabetically in the reader's language.
    .sort((a, b) => (a.value === 'da' ? -1 : b.value === 'da' ? 1 : a.label.localeCompare(b.label)));
  return (
    <>
      <div className="fs-field-row">
        <TextField
          id={`${who}-given-name`}
          label={t('pregnancy.person.givenName')}
          autoComplete="off"
          error={err(`${who}.givenName`)}
          {...form.register(`${who}.givenName`)}
        />
        <TextField
          id={`${who}-family-name`}
          label={t('pregnancy.person.familyName')}
          autoComplete="off"
          error={err(`${who}.familyName`)}
          {...form.register(`${who}.familyName`)}
        />
      </div>
      <Controller
        control={form.control}
        name={`${who}.firstTimeParent`}
        render={({ field }) => (
          <RadioGroup
            id={`${who}-first-time`}
            legend={t(`pregnancy.person.firstTime.${who}`)}
            error={err(`${who}.firstTimeParent`)}
            value={field.value === '' ? undefined : field.value}
            onChange={field.onChange}
            options={[
              { value: 'yes', label: t('pregnancy.yes') },
              { value: 'no', label: t('pregnancy.no') },
            ]}
          />
        )}
      />
      <Controller
        control={form.control}
        name={`${who}.preferredLanguage`}
        render={({ field }) => (
          <SelectField
            id={`${who}-language`}
            label={t('pregnancy.person.language')}
            hint={t('pregnancy.person.languageHint')}
            value={field.value}
            onChange={field.onChange}
            options={languages}
          />
        )}
      />
      <CheckboxField
        id={`${who}-interpreter`}
        label={t('pregnancy.person.interpreter')}
        {...form.register(`${who}.interpreterNeeded`)}
      />
      <div className="fs-field-row">
        <TextField
          id={`${who}-phone`}
          label={t('pregnancy.person.phone')}
          hint={t('pregnancy.person.phoneHint')}
          optional
          type="tel"
          autoComplete="off"
          dir="ltr"
          error={err(`${who}.phone`)}
          {...form.register(`${who}.phone`)}
        />
        <TextField
          id={`${who}-email`}
          label={t('pregnancy.person.email')}
          optional
          type="email"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          error={err(`${who}.email`)}
          {...form.register(`${who}.email`)}
        />
      </div>
    </>
  );
}
