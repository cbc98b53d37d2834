import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../problem-alert.component';
import { ErrorSummary } from './error-summary.component';
import type { SummaryEntry } from './field-errors';
import type { FormSubmitStatus } from './form-submit.hook';

/**
 * The frame every checked form shares: the browser's own validation is off (the error summary
 * speaks instead), the summary and a failed request's alert stand first, and the actions last.
 * Without `onCancel` the form has only its submit button.
 */
export function ValidatedForm({
  onSubmit,
  entries,
  status: { attempt, failure, busy },
  submitLabel,
  onCancel,
  children,
}: {
  onSubmit: () => Promise<void>;
  entries: readonly SummaryEntry[];
  status: FormSubmitStatus;
  submitLabel: string;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      <ErrorSummary entries={entries} attempt={attempt} />
      {failure ? <ProblemAlert error={failure} /> : null}
      {children}
      <div className="fs-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
