import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api.client';

const knownCodes = [
  'required',
  'custom',
  'unknown_referral',
  'referral_not_accepted',
  'case_exists',
  'case_open',
  'unknown_parent',
  'several_families',
  'not_a_custodian',
  'not_your_unit',
  'in_past',
  'too_long',
  'in_future',
  'before_opened',
  'invalid_date',
  'too_small',
  'too_big',
  'invalid_value',
  'unknown_goal',
  'duplicate',
  'consent_missing',
  'unknown_unit',
  'case_closed',
] as const;
type Known = (typeof knownCodes)[number];

/** The words for a server or form error code; codes the page does not know get the general text. */
export function errorText(t: TFunction, code: string): string {
  return (knownCodes as readonly string[]).includes(code)
    ? t(`counselling.errors.${code as Known}`)
    : t('counselling.errors.generic');
}

/**
 * A failed request's field errors, by the form field their path starts with ("scores.0.score" →
 * "scores"); `rest` when some error found no field (or none came), so the page shows the alert too.
 */
export function fieldErrorsOf(
  t: TFunction,
  error: unknown,
  fields: readonly string[],
): { errors: Record<string, string>; rest: boolean } {
  const problem = error instanceof ApiError ? error.problem : null;
  const errors: Record<string, string> = {};
  let rest = (problem?.errors ?? []).length === 0;
  for (const e of problem?.errors ?? []) {
    const field = fields.find((f) => e.path === f || e.path.startsWith(`${f}.`));
    if (field) errors[field] ??= errorText(t, e.code);
    else rest = true;
  }
  return { errors, rest };
}
