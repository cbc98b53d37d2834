import { createStaffUserBody, newPassword, staffRole } from '@familiespor/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { z } from 'zod';
import { adminApi } from '../../api/admin.api';
import { ApiError } from '../../api/api.client';
import type { StaffMe, StaffRole } from '../../api/api.types';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { applyProblemToForm, fieldErrorText, summaryEntries } from '../../components/forms/field-errors';
import { CheckboxGroup, TextField } from '../../components/forms/fields.component';
import { Icon } from '../../components/icon.component';
import { PageHeading } from '../../components/page-heading.component';
import { ProblemAlert } from '../../components/problem-alert.component';
import { adminOrgId, isPlatformAdmin } from './org-picker.component';
import { grantableRoles } from './roles';

// The contract's own rules, with the form's empty optional fields allowed.
const formSchema = z.object({
  name: createStaffUserBody.shape.name,
  email: z.string().trim().pipe(z.email()),
  title: z.string().trim().max(200),
  roles: z.array(staffRole).min(1),
  unitIds: z.array(z.string()),
  password: z.union([z.literal(''), newPassword]),
});
type Values = z.infer<typeof formSchema>;
const fields = [
  { name: 'name', id: 'user-name' },
  { name: 'email', id: 'user-email' },
  { name: 'title', id: 'user-title' },
  { name: 'roles', id: 'user-roles' },
  { name: 'unitIds', id: 'user-units' },
  { name: 'password', id: 'user-password' },
] as const;

export function CreateStaffUserPage({ me }: { me: StaffMe }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const orgId = adminOrgId(me, new URLSearchParams(useSearch()));
  const units = useQuery({ queryKey: ['units', orgId], queryFn: () => adminApi.units(orgId) });
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: { name: '', email: '', title: '', roles: [], unitIds: [], password: '' },
    shouldFocusError: false,
  });
  const { errors, isSubmitting } = form.formState;
  const err = (name: keyof Values) =>
    errors[name] ? fieldErrorText(t, name, errors[name]?.type as string | undefined) : undefined;

  const submit = form.handleSubmit(
    async (v) => {
      setFailure(null);
      try {
        const user = await adminApi.createStaffUser(orgId, {
          name: v.name,
          email: v.email,
          title: v.title || null,
          roles: v.roles as StaffRole[],
          unitIds: v.unitIds,
          ...(v.password ? { password: v.password } : {}),
        });
        await client.invalidateQueries({ queryKey: ['staff'] });
        navigate(`/admin/brugere/${user.id}?status=oprettet`);
      } catch (error) {
        setAttempt((n) => n + 1);
        const mapped =
          error instanceof ApiError &&
          applyProblemToForm(
            error.problem,
            fields.map((f) => f.name),
            form.setError,
          );
        if (!mapped) setFailure(error);
      }
    },
    () => setAttempt((n) => n + 1),
  );

  return (
    <>
      <p>
        <Link href="/admin/brugere" className="back-link">
          <Icon name="chevron-left" />
          {t('admin.backToUsers')}
        </Link>
      </p>
      <PageHeading title={t('admin.create.title')}>{t('admin.create.title')}</PageHeading>
      <p className="font-lead">{t('admin.create.lead')}</p>
      <div className="row">
        <div className="col-12 col-lg-8">
          <form onSubmit={submit} noValidate>
            <ErrorSummary entries={summaryEntries(t, errors, fields)} attempt={attempt} />
            {failure ? <ProblemAlert error={failure} /> : null}
            <TextField
              id="user-name"
              label={t('admin.create.name')}
              autoComplete="off"
              error={err('name')}
              {...form.register('name')}
            />
            <TextField
              id="user-email"
              label={t('admin.create.email')}
              type="email"
              autoComplete="off"
              spellCheck={false}
              error={err('email')}
              {...form.register('email')}
            />
            <TextField
              id="user-title"
              label={t('admin.create.jobTitle')}
              hint={t('admin.create.jobTitleHint')}
              optional
              error={err('title')}
              {...form.register('title')}
            />
            <Controller
              control={form.control}
              name="roles"
              render={({ field }) => (
                <CheckboxGroup
                  id="user-roles"
                  legend={t('admin.create.roles')}
                  hint={t('admin.create.rolesHint')}
                  error={err('roles')}
                  value={field.value}
                  onChange={field.onChange}
                  options={grantableRoles(isPlatformAdmin(me)).map((r) => ({
                    value: r,
                    label: t(`roles.${r}.name`),
                  }))}
                />
              )}
            />
            {units.data?.some((u) => u.active) ? (
              <Controller
                control={form.control}
                name="unitIds"
                render={({ field }) => (
                  <CheckboxGroup
                    id="user-units"
                    legend={t('admin.create.units')}
                    hint={t('admin.create.unitsHint')}
                    error={err('unitIds')}
                    value={field.value}
                    onChange={field.onChange}
                    options={(units.data ?? [])
                      .filter((u) => u.active)
                      .map((u) => ({ value: u.id, label: u.name }))}
                  />
                )}
              />
            ) : null}
            <TextField
              id="user-password"
              label={t('admin.create.password')}
              hint={t('admin.create.passwordHint')}
              type="password"
              autoComplete="new-password"
              optional
              error={err('password')}
              {...form.register('password')}
            />
            <div className="fs-actions">
              <button type="submit" className="button button-primary" disabled={isSubmitting}>
                {t('admin.create.submit')}
              </button>
              <Link href="/admin/brugere" className="button button-secondary">
                {t('common.cancel')}
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
