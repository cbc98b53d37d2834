import { copenhagenDate } from '@familiespor/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChildVisit } from '../../api/api.types';
import { healthApi } from '../../api/health.api';
import { fieldErrorList, problemFieldErrors } from '../../components/forms/field-errors';
import {
  CheckboxField,
  CheckboxGroup,
  RadioGroup,
  TextArea,
  TextField,
} from '../../components/forms/fields.component';
import { useFormSubmit } from '../../components/forms/form-submit.hook';
import { ValidatedForm } from '../../components/forms/validated-form.component';
import { isolate } from '../../i18n/isolate';
import { useFormat } from '../../i18n/use-format.hook';
import {
  emptyVisitForm,
  type VisitFieldError,
  type VisitFormValues,
  visitFieldOfPath,
  visitRequest,
  visitTopics,
} from './visit-form';

type Field = keyof VisitFormValues;
// The order of the fields in the form, so the error summary follows it.
const fieldOrder: readonly Field[] = [
  'outcome',
  'doneOn',
  'place',
  'weightG',
  'lengthCm',
  'headCm',
  'otherTopics',
  'development',
  'developmentNote',
  'notes',
  'reason',
  'rescheduleStart',
  'rescheduleEnd',
];
const idOf = (visitId: string, field: Field) => `visit-${visitId.slice(0, 8)}-${field}`;

/**
 * "Registrér besøg": done with measurements and assessments, not done (and a new window), or
 * cancelled with a reason. Plausibility of the measurements for the child's age is the
 * server's; its errors land next to the fields.
 */
export function RecordVisitForm({
  visit,
  childName,
  onClose,
  onSaved,
}: {
  visit: ChildVisit;
  childName: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [v, setV] = useState<VisitFormValues>(() => emptyVisitForm(copenhagenDate(new Date())));
  const [errors, setErrors] = useState<VisitFieldError[]>([]);
  const form = useFormSubmit();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const set = <K extends Field>(k: K, value: VisitFormValues[K]) => setV((old) => ({ ...old, [k]: value }));
  const id = (f: Field) => idOf(visit.id, f);
  const { err, entries } = fieldErrorList(t, errors, 'visit', fieldOrder, id);

  const submit = async () => {
    const r = visitRequest(v);
    if (!r.ok) {
      setErrors(r.errors);
      form.invalid();
      return;
    }
    setErrors([]);
    await form.send(
      async () => {
        const saved = await healthApi.recordVisit(visit.id, r.body);
        onSaved(
          saved.rescheduledTo
            ? t('visits.record.savedRescheduled', {
                visit: visit.name,
                window: fmt.dateRange(saved.rescheduledTo.window.start, saved.rescheduledTo.window.end),
              })
            : t(`visits.record.saved.${v.outcome}`, { visit: visit.name }),
        );
      },
      (error) => {
        const { placed, unplaced } = problemFieldErrors(error, visitFieldOfPath);
        setErrors(placed);
        return unplaced;
      },
    );
  };

  return (
    <section aria-labelledby={`${id('outcome')}-heading`} className="fs-panel mt-5">
      <h3 id={`${id('outcome')}-heading`} ref={headingRef} tabIndex={-1}>
        {t('visits.record.heading', { visit: isolate(visit.name), name: isolate(childName) })}
      </h3>
      <p className="fs-muted">
        {t('visits.window', { window: fmt.dateRange(visit.window.start, visit.window.end) })}
      </p>
      <ValidatedForm
        onSubmit={submit}
        entries={entries}
        status={form}
        submitLabel={t('visits.record.submit')}
        onCancel={onClose}
      >
        <RadioGroup
          id={id('outcome')}
          legend={t('visits.record.outcome')}
          value={v.outcome}
          onChange={(o) => set('outcome', o)}
          options={[
            { value: 'done', label: t('visits.record.outcomes.done') },
            { value: 'missed', label: t('visits.record.outcomes.missed') },
            { value: 'cancelled', label: t('visits.record.outcomes.cancelled') },
          ]}
        />
        {v.outcome === 'done' ? (
          <>
            <TextField
              id={id('doneOn')}
              label={t('visits.record.doneOn')}
              type="date"
              className="form-input input-width-s"
              value={v.doneOn}
              error={err('doneOn')}
              onChange={(e) => set('doneOn', e.target.value)}
            />
            <RadioGroup
              id={id('place')}
              legend={t('visits.record.place')}
              value={v.place === '' ? undefined : v.place}
              error={err('place')}
              onChange={(p) => set('place', p)}
              options={(['home', 'clinic', 'phone', 'video'] as const).map((p) => ({
                value: p,
                label: t(`visits.place.${p}`),
              }))}
            />
            <fieldset className="mb-5">
              <legend className="h4">{t('visits.record.measurements')}</legend>
              <p className="form-hint">{t('visits.record.measurementsHint')}</p>
              <div className="fs-field-row">
                <TextField
                  id={id('weightG')}
                  label={t('visits.record.weightG')}
                  optional
                  inputMode="numeric"
                  autoComplete="off"
                  className="form-input input-width-xs"
                  value={v.weightG}
                  error={err('weightG')}
                  onChange={(e) => set('weightG', e.target.value)}
                />
                <TextField
                  id={id('lengthCm')}
                  label={t('visits.record.lengthCm')}
                  optional
                  inputMode="decimal"
                  autoComplete="off"
                  className="form-input input-width-xs"
                  value={v.lengthCm}
                  error={err('lengthCm')}
                  onChange={(e) => set('lengthCm', e.target.value)}
                />
                <TextField
                  id={id('headCm')}
                  label={t('visits.record.headCm')}
                  optional
                  inputMode="decimal"
                  autoComplete="off"
                  className="form-input input-width-xs"
                  value={v.headCm}
                  error={err('headCm')}
                  onChange={(e) => set('headCm', e.target.value)}
                />
              </div>
            </fieldset>
            <CheckboxGroup
              id={id('topics')}
              legend={t('visits.record.topics')}
              value={v.topics as (typeof visitTopics)[number][]}
              onChange={(topics) => set('topics', topics)}
              options={visitTopics.map((k) => ({ value: k, label: t(`visits.topic.${k}`) }))}
            />
            <TextField
              id={id('otherTopics')}
              label={t('visits.record.otherTopics')}
              hint={t('visits.record.otherTopicsHint')}
              optional
              value={v.otherTopics}
              error={err('otherTopics')}
              onChange={(e) => set('otherTopics', e.target.value)}
            />
            <RadioGroup
              id={id('development')}
              legend={t('visits.record.development')}
              value={v.development === '' ? undefined : v.development}
              error={err('development')}
              onChange={(d) => set('development', d)}
              options={[
                { value: 'age_appropriate', label: t('visits.development.age_appropriate') },
                { value: 'concern', label: t('visits.development.concern') },
              ]}
            />
            {v.development === 'concern' ? (
              <TextArea
                id={id('developmentNote')}
                label={t('visits.record.developmentNote')}
                hint={t('visits.record.developmentNoteHint')}
                value={v.developmentNote}
                error={err('developmentNote')}
                onChange={(e) => set('developmentNote', e.target.value)}
              />
            ) : null}
            <fieldset className="mb-5">
              <legend className="form-label">{t('visits.record.screenings')}</legend>
              <CheckboxField
                id={id('pkuDone')}
                label={t('visits.record.pkuDone')}
                checked={v.pkuDone}
                onChange={(e) => set('pkuDone', e.target.checked)}
              />
              <CheckboxField
                id={id('hearingDone')}
                label={t('visits.record.hearingDone')}
                checked={v.hearingDone}
                onChange={(e) => set('hearingDone', e.target.checked)}
              />
            </fieldset>
            <TextArea
              id={id('notes')}
              label={t('visits.record.notes')}
              optional
              value={v.notes}
              error={err('notes')}
              onChange={(e) => set('notes', e.target.value)}
            />
          </>
        ) : null}
        {v.outcome === 'missed' ? (
          <>
            <TextField
              id={id('reason')}
              label={t('visits.record.missedReason')}
              optional
              value={v.reason}
              error={err('reason')}
              onChange={(e) => set('reason', e.target.value)}
            />
            <CheckboxField
              id={id('reschedule')}
              label={t('visits.record.reschedule')}
              hint={t('visits.record.rescheduleHint')}
              checked={v.reschedule}
              onChange={(e) => set('reschedule', e.target.checked)}
            />
            {v.reschedule ? (
              <div className="fs-field-row">
                <TextField
                  id={id('rescheduleStart')}
                  label={t('visits.record.rescheduleStart')}
                  type="date"
                  value={v.rescheduleStart}
                  error={err('rescheduleStart')}
                  onChange={(e) => set('rescheduleStart', e.target.value)}
                />
                <TextField
                  id={id('rescheduleEnd')}
                  label={t('visits.record.rescheduleEnd')}
                  type="date"
                  value={v.rescheduleEnd}
                  error={err('rescheduleEnd')}
                  onChange={(e) => set('rescheduleEnd', e.target.value)}
                />
              </div>
            ) : null}
          </>
        ) : null}
        {v.outcome === 'cancelled' ? (
          <TextArea
            id={id('reason')}
            label={t('visits.record.cancelReason')}
            hint={t('visits.record.cancelReasonHint')}
            value={v.reason}
            error={err('reason')}
            onChange={(e) => set('reason', e.target.value)}
          />
        ) : null}
      </ValidatedForm>
    </section>
  );
}
