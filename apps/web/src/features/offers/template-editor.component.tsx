import { fivThemes } from '@familiespor/domain';
import {
  type Control,
  type FieldErrors,
  type UseFormRegister,
  useFieldArray,
  useWatch,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/icon.component';
import { useFormat } from '../../i18n/use-format.hook';
import { errorText } from './form-errors';
import { newSessionKey, type OfferFormValues, weekOf } from './offer-form';

type Props = {
  control: Control<OfferFormValues>;
  register: UseFormRegister<OfferFormValues>;
  errors: FieldErrors<OfferFormValues>;
  fiv: boolean;
};

function SessionOffset({ index, control, register, errors }: Props & { index: number }) {
  const { t } = useTranslation();
  const row = useWatch({ control, name: `template.${index}` });
  const e = errors.template?.[index];
  const id = `template-${index}`;
  const week = row?.from === 'due_date' ? weekOf(row.daysBeforeDue) : null;
  const beforeError = errorText(t, 'templateOffset', e?.daysBeforeDue);
  const afterError = errorText(t, 'templateOffset', e?.months) ?? errorText(t, 'templateOffset', e?.days);
  return (
    <>
      <div className="form-group">
        <fieldset>
          <legend className="form-label">{t('offerForm.template.when')}</legend>
          <div className="form-group-radio">
            <input
              type="radio"
              className="form-radio"
              id={`${id}-from-due`}
              value="due_date"
              {...register(`template.${index}.from`)}
            />
            <label htmlFor={`${id}-from-due`}>{t('offerForm.template.beforeDue')}</label>
          </div>
          <div className="form-group-radio">
            <input
              type="radio"
              className="form-radio"
              id={`${id}-from-birth`}
              value="birth"
              {...register(`template.${index}.from`)}
            />
            <label htmlFor={`${id}-from-birth`}>{t('offerForm.template.afterBirth')}</label>
          </div>
        </fieldset>
      </div>
      {row?.from === 'due_date' ? (
        <div className={`form-group${beforeError ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor={`${id}-days-before`}>
            {t('offerForm.template.daysBeforeDue')}
          </label>
          <span className="form-hint" id={`${id}-days-before-hint`}>
            {week ? t('offerForm.template.weekHint', { week }) : t('offerForm.template.daysHint')}
          </span>
          {beforeError ? (
            <span className="form-error-message" id={`${id}-days-before-error`}>
              <span className="sr-only">{t('forms.errorPrefix')} </span>
              {beforeError}
            </span>
          ) : null}
          <input
            id={`${id}-days-before`}
            className="form-input input-width-xs"
            inputMode="numeric"
            aria-invalid={beforeError ? true : undefined}
            aria-describedby={`${id}-days-before-hint${beforeError ? ` ${id}-days-before-error` : ''}`}
            {...register(`template.${index}.daysBeforeDue`)}
          />
        </div>
      ) : (
        <div className={`form-group${afterError ? ' form-error' : ''}`}>
          <fieldset aria-describedby={afterError ? `${id}-after-error` : undefined}>
            <legend className="form-label">{t('offerForm.template.afterBirthAge')}</legend>
            {afterError ? (
              <span className="form-error-message" id={`${id}-after-error`}>
                <span className="sr-only">{t('forms.errorPrefix')} </span>
                {afterError}
              </span>
            ) : null}
            <div className="fs-inline-fields">
              <div>
                <label className="form-label weight-normal" htmlFor={`${id}-months`}>
                  {t('offerForm.template.months')}
                </label>
                <input
                  id={`${id}-months`}
                  className="form-input input-width-xs"
                  inputMode="numeric"
                  aria-invalid={afterError ? true : undefined}
                  {...register(`template.${index}.months`)}
                />
              </div>
              <div>
                <label className="form-label weight-normal" htmlFor={`${id}-days`}>
                  {t('offerForm.template.days')}
                </label>
                <input
                  id={`${id}-days`}
                  className="form-input input-width-xs"
                  inputMode="numeric"
                  aria-invalid={afterError ? true : undefined}
                  {...register(`template.${index}.days`)}
                />
              </div>
            </div>
          </fieldset>
        </div>
      )}
    </>
  );
}

/**
 * The course's sessions, in order: title, theme and when (days before the due date, or months
 * and days after the birth). Familieiværksætterne keeps at least 12.
 */
export function TemplateEditor(props: Props) {
  const { control, register, errors, fiv } = props;
  const { t } = useTranslation();
  const fmt = useFormat();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'template' });
  const rootError =
    errors.template?.root ?? (errors.template as { type?: string; message?: string } | undefined);
  const listError =
    rootError && typeof rootError.type === 'string'
      ? errorText(t, 'template', { type: rootError.type, message: rootError.message } as never)
      : undefined;
  return (
    <section aria-labelledby="template-heading" className="fs-form-section">
      <h2 id="template-heading">{t('offerForm.template.heading')}</h2>
      <p>{fiv ? t('offerForm.template.leadFiv') : t('offerForm.template.lead')}</p>
      <div id="template" tabIndex={-1} className={listError ? 'form-group form-error' : undefined}>
        {listError ? (
          <span className="form-error-message" id="template-error">
            <span className="sr-only">{t('forms.errorPrefix')} </span>
            {listError}
          </span>
        ) : null}
        <p className="fs-muted" role="status">
          {t('offerForm.template.count', { count: fields.length, n: fmt.number(fields.length) })}
        </p>
      </div>
      <ol className="nobullet-list no-max-width fs-template">
        {fields.map((f, i) => {
          const e = errors.template?.[i];
          const titleError = errorText(t, 'templateTitle', e?.title);
          const id = `template-${i}`;
          return (
            <li key={f.id} className="fs-template-row">
              <fieldset>
                <legend className="h4 mt-0">{t('offerForm.template.session', { n: i + 1 })}</legend>
                <div className={`form-group${titleError ? ' form-error' : ''}`}>
                  <label className="form-label" htmlFor={`${id}-title`}>
                    {t('offerForm.template.title')}
                  </label>
                  {titleError ? (
                    <span className="form-error-message" id={`${id}-title-error`}>
                      <span className="sr-only">{t('forms.errorPrefix')} </span>
                      {titleError}
                    </span>
                  ) : null}
                  <input
                    id={`${id}-title`}
                    className="form-input"
                    aria-invalid={titleError ? true : undefined}
                    aria-describedby={titleError ? `${id}-title-error` : undefined}
                    {...register(`template.${i}.title`)}
                  />
                </div>
                <div className="form-group">
                  <label className="form-label" htmlFor={`${id}-theme`}>
                    {t('offerForm.template.theme')}
                  </label>
                  <select id={`${id}-theme`} className="form-select" {...register(`template.${i}.theme`)}>
                    {fivThemes.map((theme) => (
                      <option key={theme} value={theme}>
                        {t(`offers.theme.${theme}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <SessionOffset {...props} index={i} />
                <div className="fs-row-actions">
                  <button
                    type="button"
                    className="button button-tertiary"
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                  >
                    <Icon name="arrow-upward" />
                    {t('offerForm.template.up')}
                    <span className="sr-only"> {t('offerForm.template.which', { n: i + 1 })}</span>
                  </button>
                  <button
                    type="button"
                    className="button button-tertiary"
                    disabled={i === fields.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    <Icon name="arrow-downward" />
                    {t('offerForm.template.down')}
                    <span className="sr-only"> {t('offerForm.template.which', { n: i + 1 })}</span>
                  </button>
                  <button type="button" className="button button-tertiary" onClick={() => remove(i)}>
                    <Icon name="delete" />
                    {t('offerForm.template.remove')}
                    <span className="sr-only"> {t('offerForm.template.which', { n: i + 1 })}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-secondary"
        onClick={() =>
          append({
            key: newSessionKey(fields),
            title: '',
            theme: 'child_development',
            from: 'birth',
            daysBeforeDue: '0',
            months: '0',
            days: '0',
          })
        }
      >
        <Icon name="plus" />
        {t('offerForm.template.add')}
      </button>
    </section>
  );
}
