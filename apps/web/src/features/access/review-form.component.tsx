import { reviewBreakGlassBody } from '@familiespor/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { adminApi } from '../../api/admin.api';
import { ApiError } from '../../api/api.client';
import type { BreakGlassGrant } from '../../api/api.types';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { applyProblemToForm, fieldErrorText, summaryEntries } from '../../components/forms/field-errors';
import { RadioGroup, TextArea } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';

const schema = z.object({
  // Nothing is chosen at first; the resolver turns that into a "required" error.
  justified: z
    .enum(['yes', 'no'])
    .optional()
    .refine((v) => v !== undefined, { params: { code: 'required' } }),
  note: reviewBreakGlassBody.shape.note,
});
type Values = z.input<typeof schema>;
const fields = [
  { name: 'justified', id: 'review-justified' },
  { name: 'note', id: 'review-note' },
] as const;

/** The programme lead's judgement of one emergency access: justified or not, and why. */
export function ReviewForm({
  grant,
  onSaved,
  onCancel,
}: {
  grant: BreakGlassGrant;
  onSaved: (g: BreakGlassGrant) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { justified: undefined, note: '' },
    shouldFocusError: false,
  });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => heading.current?.focus(), []);
  const submit = form.handleSubmit(
    async (v) => {
      setFailure(null);
      try {
        onSaved(
          await adminApi.reviewBreakGlass(grant.id, { note: v.note, justified: v.justified === 'yes' }),
        );
      } catch (error) {
        setAttempt((n) => n + 1);
        if (
          !(
            error instanceof ApiError &&
            applyProblemToForm(error.problem, ['note', 'justified'], form.setError)
          )
        )
          setFailure(error);
      }
    },
    () => setAttempt((n) => n + 1),
  );
  return (
    <section id="review-form" aria-labelledby="review-heading" className="mt-7">
      <h2 id="review-heading" ref={heading} tabIndex={-1}>
        {t('access.review.heading', { name: grant.staffUserName })}
      </h2>
      <p>{t('access.review.reasonGiven', { reason: grant.reason })}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary entries={summaryEntries(t, errors, fields)} attempt={attempt} />
        {failure ? <ProblemAlert error={failure} /> : null}
        <Controller
          control={form.control}
          name="justified"
          render={({ field }) => (
            <RadioGroup
              id="review-justified"
              legend={t('access.review.justified')}
              error={errors.justified ? fieldErrorText(t, 'justified', 'required') : undefined}
              value={field.value}
              onChange={field.onChange}
              options={[
                { value: 'yes', label: t('access.review.yes') },
                { value: 'no', label: t('access.review.no') },
              ]}
            />
          )}
        />
        <TextArea
          id="review-note"
          label={t('access.review.note')}
          hint={t('access.review.noteHint')}
          error={errors.note ? fieldErrorText(t, 'note', errors.note.type as string) : undefined}
          {...form.register('note')}
        />
        <div className="fs-actions">
          <button type="submit" className="button button-primary" disabled={isSubmitting}>
            {t('access.review.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
