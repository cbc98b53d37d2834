import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api.client';
import type { Me } from '../../api/api.types';
import { logIn } from '../../api/session.api';
import { ErrorSummary } from '../../components/forms/error-summary.component';
import { applyProblemToForm, fieldErrorText, summaryEntries } from '../../components/forms/field-errors';
import { TextField } from '../../components/forms/fields.component';
import { ProblemAlert } from '../../components/problem-alert.component';

type Values = { email: string; password: string };
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** E-mail and password, for staff with a local account and for parents in the demo. */
export function PasswordLoginForm({
  idPrefix,
  onLoggedIn,
}: {
  idPrefix: string;
  onLoggedIn: (me: Me) => void;
}) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<'invalid_credentials' | 'too_many_attempts' | null>(null);
  const [other, setOther] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const form = useForm<Values>({ defaultValues: { email: '', password: '' }, shouldFocusError: false });
  const { errors, isSubmitting } = form.formState;
  const ids = { email: `${idPrefix}-email`, password: `${idPrefix}-password` };

  const submit = form.handleSubmit(
    async (values) => {
      setFailure(null);
      setOther(null);
      try {
        onLoggedIn(await logIn(values.email.trim(), values.password));
      } catch (error) {
        setAttempt((n) => n + 1);
        const code = error instanceof ApiError ? error.problem?.code : undefined;
        if (code === 'invalid_credentials' || code === 'too_many_attempts') setFailure(code);
        else if (
          !(
            error instanceof ApiError &&
            applyProblemToForm(error.problem, ['email', 'password'], form.setError)
          )
        )
          setOther(error);
      }
    },
    () => setAttempt((n) => n + 1),
  );

  const entries = failure
    ? [{ id: ids.email, text: t(`auth.${failure}`) }]
    : summaryEntries(t, errors, [
        { name: 'email', id: ids.email },
        { name: 'password', id: ids.password },
      ]);

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary entries={entries} attempt={attempt} />
      {other ? <ProblemAlert error={other} /> : null}
      <TextField
        id={ids.email}
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        error={errors.email ? fieldErrorText(t, 'email', errors.email.type) : undefined}
        {...form.register('email', {
          required: true,
          validate: { invalid_format: (v) => emailPattern.test(v.trim()) },
        })}
      />
      <TextField
        id={ids.password}
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        error={errors.password ? fieldErrorText(t, 'password', errors.password.type) : undefined}
        {...form.register('password', { required: true })}
      />
      <button type="submit" className="button button-primary mt-5" disabled={isSubmitting}>
        {isSubmitting ? t('auth.loggingIn') : t('auth.login')}
      </button>
    </form>
  );
}
