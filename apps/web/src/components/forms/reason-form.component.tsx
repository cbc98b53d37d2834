import { ProblemAlert } from '../problem-alert.component';
import { TextArea } from './fields.component';

/**
 * A small inline form that asks why before a step that needs a reason (rejecting, cancelling).
 * The caller checks the reason in `onSubmit`, so each place keeps its own rule and wording.
 */
export function ReasonForm({
  id,
  label,
  hint,
  rows,
  value,
  error,
  onChange,
  onSubmit,
  failure,
  busy,
  submitLabel,
  backLabel,
  onBack,
}: {
  id: string;
  label: string;
  hint: string;
  rows: number;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  onSubmit: () => void;
  failure: unknown;
  busy: boolean;
  submitLabel: string;
  backLabel: string;
  onBack: () => void;
}) {
  return (
    <form
      noValidate
      className="mt-3"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <TextArea
        id={id}
        label={label}
        hint={hint}
        rows={rows}
        value={value}
        error={error}
        onChange={(e) => onChange(e.target.value)}
      />
      {failure ? <ProblemAlert error={failure} /> : null}
      <div className="fs-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onBack}>
          {backLabel}
        </button>
      </div>
    </form>
  );
}
