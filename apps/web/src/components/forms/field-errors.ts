import type { TFunction } from 'i18next';
import { type FieldErrors, type FieldValues, get, type Path, type UseFormSetError } from 'react-hook-form';
import { ApiError } from '../../api/api.client';
import type { Problem } from '../../api/api.types';

/**
 * zod and the server name their errors by code ("too_small", "taken"); the text comes
 * from the resource files: first the field's own wording, then the general one.
 */
export function fieldErrorText(t: TFunction, field: string, code: string | undefined): string {
  const c = code === 'invalid_type' ? 'required' : (code ?? 'invalid');
  const loose = t as unknown as (keys: string[]) => string;
  return loose([`fieldErrors.${field}.${c}`, `fieldErrors.generic.${c}`, 'fieldErrors.generic.invalid']);
}

/**
 * The form field a server error path points at, if the form has it: the field itself, or the
 * longest field the path lies under ("unitIds.0" → "unitIds", "mother.cpr" → "mother.cpr").
 * `aliases` renames server paths the form splits or names differently ("birthTime" → "birthDate").
 */
export function fieldOfPath(
  path: string,
  fields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): string | null {
  const target = aliases[path] ?? path;
  const matches = fields.filter((f) => target === f || target.startsWith(`${f}.`));
  return matches.sort((a, b) => b.length - a.length)[0] ?? null;
}

/**
 * Puts a problem's field errors on the form's fields. Returns true when every error found
 * its field, so the caller shows a general message only when something is left over.
 */
export function applyProblemToForm<T extends FieldValues>(
  problem: Problem | null,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  aliases: Readonly<Record<string, string>> = {},
): boolean {
  const errors = problem?.errors ?? [];
  if (errors.length === 0) return false;
  let all = true;
  for (const e of errors) {
    const field = fieldOfPath(e.path, fields, aliases);
    if (field) setError(field as Path<T>, { type: e.code, message: e.message }, { shouldFocus: false });
    else all = false;
  }
  return all;
}

/**
 * A failed request's field errors, on the fields `fieldOf` finds for their paths. `unplaced`
 * says the form must also show the general alert: an error found no field, or none came at all,
 * and the user would otherwise be left without a word.
 */
export function problemFieldErrors<F>(
  error: unknown,
  fieldOf: (path: string) => F | null,
): { placed: { field: F; code: string }[]; unplaced: boolean } {
  const problem = error instanceof ApiError ? error.problem : null;
  const placed: { field: F; code: string }[] = [];
  let rest = false;
  for (const e of problem?.errors ?? []) {
    const field = fieldOf(e.path);
    if (field !== null) placed.push({ field, code: e.code });
    else rest = true;
  }
  return { placed, unplaced: rest || placed.length === 0 };
}

export type SummaryEntry = { id: string; text: string };

/**
 * For forms that keep their errors as a list of { field, code }: each field's error text (the
 * wording of `<group>.<field>`, see `fieldErrorText`), and the summary's lines in the form's order.
 */
export function fieldErrorList<F extends string>(
  t: TFunction,
  errors: readonly { field: F; code: string }[],
  group: string,
  order: readonly F[],
  id: (field: F) => string,
): { err: (field: F) => string | undefined; entries: SummaryEntry[] } {
  const err = (f: F) => {
    const e = errors.find((x) => x.field === f);
    return e ? fieldErrorText(t, `${group}.${f}`, e.code) : undefined;
  };
  const entries = order.flatMap((f) => {
    const text = err(f);
    return text ? [{ id: id(f), text }] : [];
  });
  return { err, entries };
}

/** The error summary's lines, in the order the fields stand in the form. */
export function summaryEntries<T extends FieldValues>(
  t: TFunction,
  errors: FieldErrors<T>,
  fields: readonly { name: Path<T>; id: string }[],
): SummaryEntry[] {
  return fields.flatMap(({ name, id }) => {
    // Nested fields ("mother.cpr") keep their errors in nested objects.
    const error = get(errors, name) as FieldErrors<T>[string] | undefined;
    if (!error) return [];
    return [{ id, text: fieldErrorText(t, name, typeof error.type === 'string' ? error.type : undefined) }];
  });
}
