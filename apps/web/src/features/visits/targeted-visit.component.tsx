import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { healthApi } from '../../api/health.api';
import { fieldErrorText, fieldOfPath, problemFieldErrors } from '../../components/forms/field-errors';
import { TextArea, TextField } from '../../components/forms/fields.component';
import { useFormSubmit } from '../../components/forms/form-submit.hook';
import { ValidatedForm } from '../../components/forms/validated-form.component';

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
  const form = useFormSubmit();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const prefix = `targeted-${childPersonId.slice(0, 8)}`;
  const err = (f: Field) => (errors[f] ? fieldErrorText(t, `targetedVisit.${f}`, errors[f]) : undefined);
  const entries = fields.flatMap((f) => {
    const text = err(f);
    return text ? [{ id: `${prefix}-${f}`, text }] : [];
  });

  const submit = async () => {
    const missing: Partial<Record<Field, string>> = {};
    for (const f of fields) if (v[f].trim() === '') missing[f] = 'required';
    if (!missing.windowEnd && !missing.windowStart && v.windowEnd < v.windowStart)
      missing.windowEnd = 'window_order';
    setErrors(missing);
    if (Object.keys(missing).length > 0) {
      form.invalid();
      return;
    }
    await form.send(
      async () => {
        await healthApi.addTargetedVisit(familyId, {
          childPersonId,
          name: v.name.trim(),
          reason: v.reason.trim(),
          windowStart: v.windowStart,
          windowEnd: v.windowEnd,
        });
        onSaved(t('visits.targeted.saved', { visit: v.name.trim(), name: childName }));
      },
      (error) => {
        const { placed, unplaced } = problemFieldErrors(
          error,
          (path) => fieldOfPath(path, fields) as Field | null,
        );
        const mapped: Partial<Record<Field, string>> = {};
        for (const { field, code } of placed) mapped[field] = code;
        setErrors(mapped);
        return unplaced;
      },
    );
  };

  return (
    <section aria-labelledby={`${prefix}-heading`} className="fs-panel mt-5">
      <h3 id={`${prefix}-heading`} ref={ref} tabIndex={-1}>
        {t('visits.targeted.heading', { name: childName })}
      </h3>
      <ValidatedForm
        onSubmit={submit}
        entries={entries}
        status={form}
        submitLabel={t('visits.targeted.submit')}
        onCancel={onClose}
      >
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
      </ValidatedForm>
    </section>
  );
}
