import type { InputHTMLAttributes, ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

type Common = {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
};

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Label({ id, label, optional }: Pick<Common, 'id' | 'label' | 'optional'>) {
  const { t } = useTranslation();
  return (
    <label className="form-label" htmlFor={id}>
      {label}
      {optional ? <span className="weight-normal"> {t('forms.optional')}</span> : null}
    </label>
  );
}

function HintAndError({ id, hint, error }: Pick<Common, 'id' | 'hint' | 'error'>) {
  const { t } = useTranslation();
  return (
    <>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">{t('forms.errorPrefix')} </span>
          {error}
        </span>
      ) : null}
    </>
  );
}

/** DKFDS text input: label, hint and error are tied to the input with aria-describedby. */
export function TextField({
  id,
  label,
  hint,
  error,
  optional,
  ref,
  ...input
}: Common & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <Label id={id} label={label} optional={optional ?? false} />
      <HintAndError id={id} hint={hint} error={error} />
      <input
        id={id}
        ref={ref}
        className="form-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </div>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  optional,
  ref,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <Label id={id} label={label} optional={optional ?? false} />
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        id={id}
        ref={ref}
        className="form-input"
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </div>
  );
}

export type Option<V extends string> = { value: V; label: ReactNode; hint?: ReactNode };

/**
 * A group of checkboxes holding a list of values. The first box carries the group's id, so
 * the error summary can link to it.
 */
export function CheckboxGroup<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  options: readonly Option<V>[];
  value: readonly V[];
  onChange: (value: V[]) => void;
}) {
  const toggle = (v: V, checked: boolean) =>
    onChange(checked ? [...value.filter((x) => x !== v), v] : value.filter((x) => x !== v));
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="form-label">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div className="form-group-checkbox" key={o.value}>
              <input
                type="checkbox"
                className="form-checkbox"
                id={optionId}
                value={o.value}
                checked={value.includes(o.value)}
                aria-invalid={error ? true : undefined}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <label htmlFor={optionId}>{o.label}</label>
              {o.hint ? <span className="form-hint">{o.hint}</span> : null}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

export function RadioGroup<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  legendClassName = 'form-label',
}: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly Option<V>[];
  value: V | undefined;
  onChange: (value: V) => void;
  legendClassName?: string;
}) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className={legendClassName}>{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div className="form-group-radio" key={o.value}>
              <input
                type="radio"
                className="form-radio"
                id={optionId}
                name={id}
                value={o.value}
                checked={value === o.value}
                aria-invalid={error ? true : undefined}
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
                onChange={() => onChange(o.value)}
              />
              <label htmlFor={optionId}>{o.label}</label>
              {o.hint ? (
                <span className="form-hint" id={`${optionId}-hint`}>
                  {o.hint}
                </span>
              ) : null}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** One checkbox for a yes/no fact, e.g. "Har brug for tolk". */
export function CheckboxField({
  id,
  label,
  hint,
  ref,
  ...input
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  ref?: Ref<HTMLInputElement>;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  return (
    <div className="form-group">
      <div className="form-group-checkbox">
        <input
          type="checkbox"
          className="form-checkbox"
          id={id}
          ref={ref}
          aria-describedby={hint ? `${id}-hint` : undefined}
          {...input}
        />
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <span className="form-hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
      </div>
    </div>
  );
}

export function SelectField<V extends string>({
  id,
  label,
  hint,
  options,
  value,
  onChange,
  className = 'form-select',
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  options: readonly { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
  className?: string;
}) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} />
      <select
        id={id}
        className={className}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
