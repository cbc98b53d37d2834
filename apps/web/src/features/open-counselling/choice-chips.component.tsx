import './open-counselling.css';

type Choice<V extends string> = { value: V; label: string };

type Common<V extends string> = {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly Choice<V>[];
};

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function Chips<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  type,
  isChecked,
  onToggle,
}: Common<V> & {
  type: 'radio' | 'checkbox';
  isChecked: (v: V) => boolean;
  onToggle: (v: V, on: boolean) => void;
}) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="form-label">{legend}</legend>
        {hint ? (
          <span className="form-hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
        {error ? (
          <span className="form-error-message" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
        <ul className="fs-chips nobullet-list">
          {options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <li className="fs-chip" key={o.value}>
                <input
                  type={type}
                  id={optionId}
                  name={id}
                  value={o.value}
                  checked={isChecked(o.value)}
                  aria-invalid={error ? true : undefined}
                  onChange={(e) => onToggle(o.value, e.target.checked)}
                />
                <label htmlFor={optionId}>{o.label}</label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}

/** One choice, shown as large touch targets (radio buttons underneath, for keyboards and screen readers). */
export function RadioChips<V extends string>(
  props: Common<V> & { value: V | undefined; onChange: (value: V) => void },
) {
  return (
    <Chips {...props} type="radio" isChecked={(v) => props.value === v} onToggle={(v) => props.onChange(v)} />
  );
}

/** Several choices, as chips (checkboxes underneath). */
export function CheckboxChips<V extends string>(
  props: Common<V> & { value: readonly V[]; onChange: (value: V[]) => void },
) {
  return (
    <Chips
      {...props}
      type="checkbox"
      isChecked={(v) => props.value.includes(v)}
      onToggle={(v, on) =>
        props.onChange(on ? [...props.value.filter((x) => x !== v), v] : props.value.filter((x) => x !== v))
      }
    />
  );
}
