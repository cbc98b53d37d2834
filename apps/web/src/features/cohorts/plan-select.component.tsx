import { useTranslation } from 'react-i18next';

/**
 * A DKFDS select with hint and error tied to it (the shared SelectField has no error): the
 * plan's fields show the server's refusals where they belong.
 */
export function PlanSelect({
  id,
  label,
  hint,
  error,
  value,
  options,
  onChange,
  placeholder,
  labelClassName = 'form-label',
}: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  placeholder?: string | undefined;
  labelClassName?: string;
}) {
  const { t } = useTranslation();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className={labelClassName} htmlFor={id}>
        {label}
      </label>
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
      <select
        id={id}
        className="form-select"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
