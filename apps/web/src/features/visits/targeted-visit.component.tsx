import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.client';
import { healthApi } from '../../api/health.api';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { fieldErrorText, fieldOfPath } from '../../components/forms/field-errors';
import { TextArea, TextField } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';

const fields = ['name', 'reason', 'windowStart', 'windowEnd'] as const;
type Field = (typeof fields)[number];
type Values = Record<Field, string>;

/** "Tilføj målrettet besøg": an extra visit for one child, with the reason for it. */
export function TargetedVisitForm({
  familyId,
  childPersonId,
  childName,
  onClose,
  onSaved,
}: {
  familyId: string;
  childPersonId: string;
  childName: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>({ name: '', reason: '', windowStart: '', windowEnd: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const prefix = `targeted-${childPersonId.slice(0, 8)}`;
  const err = (f: Field) => (errors[f] ? fieldErrorText(t, `targetedVisit.${f}`, errors[f]) : undefined);
  const entries = fields.flatMap((f) => {
    const text = err(f);
    return text ? [{ id: `${prefix}-${f}`, text }] : [];
  });

  const submit = async () => {
    setFailure(null);
    const missing: Partial<Record<Field, string>> = {};
    for (const f of fields) if (v[f].trim() === '') missing[f] = 'required';
    if (!missing.windowEnd && !missing.windowStart && v.windowEnd < v.windowStart)
      missing.windowEnd = 'window_order';
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    try {
      await healthApi.addTargetedVisit(familyId, {
        childPersonId,
        name: v.name.trim(),
        reason: v.reason.trim(),
        windowStart: v.windowStart,
        windowEnd: v.windowEnd,
      });
      onSaved(t('visits.targeted.saved', { visit: v.name.trim(), name: childName }));
    } catch (error) {
      setAttempt((n) => n + 1);
      const problem = error instanceof ApiError ? error.problem : null;
      const mapped: Partial<Record<Field, string>> = {};
      let rest = false;
      for (const e of problem?.errors ?? []) {
        const f = fieldOfPath(e.path, fields) as Field | null;
        if (f) mapped[f] = e.code;
        else rest = true;
      }
      setErrors(mapped);
      if (rest || Object.keys(mapped).length === 0) setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${prefix}-heading`} className="fs-panel mt-5">
      <h3 id={`${prefix}-heading`} ref={ref} tabIndex={-1}>
        {t('visits.targeted.heading', { name: childName })}
      </h3>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <ErrorSummary entries={entries} attempt={attempt} />
        {failure ? <ProblemAlert error={failure} /> : null}
        <TextField
          id={`${prefix}-name`}
          label={t('visits.targeted.name')}
          hint={t('visits.targeted.nameHint')}
          value={v.name}
          error={err('name')}
          onChange={(e) => setV({ ...v, name: e.target.value })}
        />
        <TextArea
          id={`${prefix}-reason`}
          label={t('visits.targeted.reason')}
          hint={t('visits.targeted.reasonHint')}
          value={v.reason}
          error={err('reason')}
          onChange={(e) => setV({ ...v, reason: e.target.value })}
        />
        <div className="fs-field-row">
          <TextField
            id={`${prefix}-windowStart`}
            label={t('visits.targeted.windowStart')}
            type="date"
            value={v.windowStart}
            error={err('windowStart')}
            onChange={(e) => setV({ ...v, windowStart: e.target.value })}
          />
          <TextField
            id={`${prefix}-windowEnd`}
            label={t('visits.targeted.windowEnd')}
            type="date"
            value={v.windowEnd}
            error={err('windowEnd')}
            onChange={(e) => setV({ ...v, windowEnd: e.target.value })}
          />
        </div>
        <div className="fs-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('visits.targeted.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
