import { copenhagenLocalToInstant, isoDate, parseCpr } from '@familiespor/domain';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../api/api.client';
import type { FamilyDetail } from '../../api/api.types';
import { familiesApi } from '../../api/families.api';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { applyProblemToForm, summaryEntries } from '../../components/forms/field-errors';
import { RadioGroup, TextField } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';

const clock = /^\d{2}:\d{2}$/;
const schema = z
  .object({
    birthDate: z.string().regex(isoDate),
    birthClock: z.string().regex(clock),
    dischargeDate: z.union([z.literal(''), z.string().regex(isoDate)]),
    dischargeClock: z.union([z.literal(''), z.string().regex(clock)]),
    birthplace: z.string().trim().max(200),
    child: z.object({
      cpr: z
        .string()
        .trim()
        .refine((s) => s === '' || parseCpr(s).ok),
      givenName: z.string().trim().max(100),
      familyName: z.string().trim().max(100),
      sex: z.enum(['female', 'male', 'unknown']),
    }),
  })
  .superRefine((v, ctx) => {
    // A discharge is a moment: both its date and its time, or neither.
    if (Boolean(v.dischargeDate) !== Boolean(v.dischargeClock))
      ctx.addIssue({
        code: 'custom',
        path: [v.dischargeDate ? 'dischargeClock' : 'dischargeDate'],
        message: '',
      });
  });
type Values = z.infer<typeof schema>;
const fields = [
  { name: 'birthDate', id: 'birth-date' },
  { name: 'birthClock', id: 'birth-clock' },
  { name: 'child.sex', id: 'child-sex' },
  { name: 'child.givenName', id: 'child-given-name' },
  { name: 'child.familyName', id: 'child-family-name' },
  { name: 'child.cpr', id: 'child-cpr' },
  { name: 'dischargeDate', id: 'discharge-date' },
  { name: 'dischargeClock', id: 'discharge-clock' },
  { name: 'birthplace', id: 'birthplace' },
] as const;
// The server speaks of moments; the form asks for a date and a time of day.
const aliases = { birthTime: 'birthDate', dischargeTime: 'dischargeDate' };

/** "Registrér fødsel": the child joins the family, the pregnancy ends and health visiting begins. */
export function RegisterBirthForm({
  family,
  pregnancyId,
  onDone,
  onCancel,
}: {
  family: FamilyDetail;
  pregnancyId: string;
  onDone: (f: FamilyDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const mother = family.members.find((m) => m.role === 'mother');
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      birthDate: '',
      birthClock: '',
      dischargeDate: '',
      dischargeClock: '',
      birthplace: '',
      child: { cpr: '', givenName: '', familyName: mother?.familyName ?? '', sex: 'unknown' },
    },
    shouldFocusError: false,
  });
  const { errors, isSubmitting } = form.formState;
  // The button that opened the form is gone; the first field is where the user continues.
  useEffect(() => form.setFocus('birthDate'), [form]);
  const entries = summaryEntries(t, errors, fields);
  const err = (name: (typeof fields)[number]['name']) =>
    entries.find((e) => e.id === fields.find((f) => f.name === name)?.id)?.text;

  const submit = form.handleSubmit(
    async (v) => {
      setFailure(null);
      const birth = copenhagenLocalToInstant(`${v.birthDate} ${v.birthClock}`);
      const discharge = v.dischargeDate
        ? copenhagenLocalToInstant(`${v.dischargeDate} ${v.dischargeClock}`)
        : null;
      if (!birth || (v.dischargeDate && !discharge)) {
        // The hour skipped when summer time begins does not exist on a Danish clock.
        form.setError(birth ? 'dischargeClock' : 'birthClock', { type: 'nonexistent_time' });
        setAttempt((n) => n + 1);
        return;
      }
      try {
        onDone(
          await familiesApi.registerBirth(family.id, {
            pregnancyId,
            child: {
              cpr: v.child.cpr || null,
              givenName: v.child.givenName || null,
              familyName: v.child.familyName || null,
              sex: v.child.sex === 'unknown' ? null : v.child.sex,
            },
            birthTime: birth.toISOString(),
            dischargeTime: discharge ? discharge.toISOString() : null,
            birthplace: v.birthplace || null,
          }),
        );
      } catch (error) {
        setAttempt((n) => n + 1);
        const mapped =
          error instanceof ApiError &&
          applyProblemToForm(
            error.problem,
            fields.map((f) => f.name),
            form.setError,
            aliases,
          );
        if (!mapped) setFailure(error);
      }
    },
    () => setAttempt((n) => n + 1),
  );

  return (
    <form onSubmit={submit} noValidate id="register-birth-form" aria-labelledby="register-birth-heading">
      <h3 id="register-birth-heading">{t('families.birth.heading')}</h3>
      <p>{t('families.birth.lead')}</p>
      <ErrorSummary entries={entries} attempt={attempt} />
      {failure ? <ProblemAlert error={failure} /> : null}
      <div className="fs-field-row">
        <TextField
          id="birth-date"
          label={t('families.birth.date')}
          type="date"
          error={err('birthDate')}
          {...form.register('birthDate')}
        />
        <TextField
          id="birth-clock"
          label={t('families.birth.time')}
          type="time"
          error={err('birthClock')}
          {...form.register('birthClock')}
        />
      </div>
      <Controller
        control={form.control}
        name="child.sex"
        render={({ field }) => (
          <RadioGroup
            id="child-sex"
            legend={t('families.birth.sex')}
            error={err('child.sex')}
            value={field.value}
            onChange={field.onChange}
            options={[
              { value: 'female', label: t('families.birth.female') },
              { value: 'male', label: t('families.birth.male') },
              { value: 'unknown', label: t('families.birth.sexUnknown') },
            ]}
          />
        )}
      />
      <TextField
        id="child-given-name"
        label={t('families.birth.givenName')}
        hint={t('families.birth.givenNameHint')}
        optional
        autoComplete="off"
        error={err('child.givenName')}
        {...form.register('child.givenName')}
      />
      <TextField
        id="child-family-name"
        label={t('families.birth.familyName')}
        optional
        autoComplete="off"
        error={err('child.familyName')}
        {...form.register('child.familyName')}
      />
      <TextField
        id="child-cpr"
        label={t('families.birth.cpr')}
        hint={t('families.birth.cprHint')}
        optional
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="form-input input-width-s"
        error={err('child.cpr')}
        {...form.register('child.cpr')}
      />
      <div className="fs-field-row">
        <TextField
          id="discharge-date"
          label={t('families.birth.dischargeDate')}
          optional
          type="date"
          error={err('dischargeDate')}
          {...form.register('dischargeDate')}
        />
        <TextField
          id="discharge-clock"
          label={t('families.birth.dischargeTime')}
          optional
          type="time"
          error={err('dischargeClock')}
          {...form.register('dischargeClock')}
        />
      </div>
      <TextField
        id="birthplace"
        label={t('families.birth.birthplace')}
        hint={t('families.birth.birthplaceHint')}
        optional
        error={err('birthplace')}
        {...form.register('birthplace')}
      />
      <div className="fs-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {t('families.birth.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
