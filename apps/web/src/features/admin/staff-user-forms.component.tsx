import { deactivateBody, staffRole } from '@familiespor/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { adminApi } from '../../api/admin.api';
import { ApiError } from '../../api/api.client';
import type { StaffMe, StaffRole, StaffUser } from '../../api/api.types';
import { Alert } from '../../components/alert.component';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { applyProblemToForm, fieldErrorText, summaryEntries } from '../../components/forms/field-errors';
import { CheckboxGroup, TextArea } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { isPlatformAdmin } from './org-picker.component';
import { grantableRoles } from './roles';

const rolesSchema = z.object({ roles: z.array(staffRole).min(1) });

export function RolesForm({
  me,
  user,
  onSaved,
}: {
  me: StaffMe;
  user: StaffUser;
  onSaved: (u: StaffUser) => void;
}) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const form = useForm<z.infer<typeof rolesSchema>>({
    resolver: zodResolver(rolesSchema),
    values: { roles: user.roles },
    shouldFocusError: false,
  });
  const { errors, isSubmitting } = form.formState;
  // A role the admin may not grant still shows when the user has it, so it is not dropped silently.
  const options = [...new Set([...grantableRoles(isPlatformAdmin(me)), ...user.roles])];
  const submit = form.handleSubmit(
    async (v) => {
      setFailure(null);
      setDone(false);
      try {
        onSaved(await adminApi.setRoles(user.id, v.roles as StaffRole[]));
        setDone(true);
      } catch (error) {
        setAttempt((n) => n + 1);
        if (!(error instanceof ApiError && applyProblemToForm(error.problem, ['roles'], form.setError)))
          setFailure(error);
      }
    },
    () => setAttempt((n) => n + 1),
  );
  return (
    <section aria-labelledby="roles-heading" className="mt-7">
      <h2 id="roles-heading">{t('admin.user.rolesHeading')}</h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          entries={summaryEntries(t, errors, [{ name: 'roles', id: 'edit-roles' }])}
          attempt={attempt}
        />
        {failure ? <ProblemAlert error={failure} /> : null}
        {done ? <Alert variant="success" heading={t('admin.user.rolesSaved')} /> : null}
        <Controller
          control={form.control}
          name="roles"
          render={({ field }) => (
            <CheckboxGroup
              id="edit-roles"
              legend={t('admin.create.roles')}
              error={errors.roles ? fieldErrorText(t, 'roles', errors.roles.type as string) : undefined}
              value={field.value}
              onChange={field.onChange}
              options={options.map((r) => ({ value: r, label: t(`roles.${r}.name`) }))}
            />
          )}
        />
        <button type="submit" className="button button-primary mt-5" disabled={isSubmitting}>
          {t('admin.user.saveRoles')}
        </button>
      </form>
    </section>
  );
}

const reasonSchema = z.object({ reason: deactivateBody.shape.reason });

export function DeactivateForm({ user, onSaved }: { user: StaffUser; onSaved: (u: StaffUser) => void }) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<z.infer<typeof reasonSchema>>({
    resolver: zodResolver(reasonSchema),
    defaultValues: { reason: '' },
    shouldFocusError: false,
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(
    async (v) => {
      setFailure(null);
      try {
        onSaved(await adminApi.deactivate(user.id, v.reason));
        form.reset();
      } catch (error) {
        setAttempt((n) => n + 1);
        if (!(error instanceof ApiError && applyProblemToForm(error.problem, ['reason'], form.setError)))
          setFailure(error);
      }
    },
    () => setAttempt((n) => n + 1),
  );
  return (
    <section aria-labelledby="deactivate-heading" className="mt-7">
      <h2 id="deactivate-heading">{t('admin.user.deactivateHeading')}</h2>
      <p>{t('admin.user.deactivateText')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          entries={summaryEntries(t, errors, [{ name: 'reason', id: 'deactivate-reason' }])}
          attempt={attempt}
        />
        {failure ? <ProblemAlert error={failure} /> : null}
        <TextArea
          id="deactivate-reason"
          label={t('admin.user.reason')}
          hint={t('admin.user.reasonHint')}
          error={errors.reason ? fieldErrorText(t, 'reason', errors.reason.type as string) : undefined}
          {...form.register('reason')}
        />
        <button type="submit" className="button button-secondary mt-5" disabled={isSubmitting}>
          {t('admin.user.deactivate')}
        </button>
      </form>
    </section>
  );
}

export function ReactivateForm({ user, onSaved }: { user: StaffUser; onSaved: (u: StaffUser) => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const reactivate = async () => {
    setFailure(null);
    setBusy(true);
    try {
      onSaved(await adminApi.reactivate(user.id));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="reactivate-heading" className="mt-7">
      <h2 id="reactivate-heading">{t('admin.user.reactivateHeading')}</h2>
      <p>{t('admin.user.reactivateText')}</p>
      {failure ? <ProblemAlert error={failure} /> : null}
      <button
        type="button"
        className="button button-primary"
        onClick={() => void reactivate()}
        disabled={busy}
      >
        {t('admin.user.reactivate')}
      </button>
    </section>
  );
}
