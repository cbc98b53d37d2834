import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';
import { fieldErrorText } from '../../components/forms/field-errors';

/** A custom rule's issue carries its code as the message; zod's own carry it as the type. */
export function codeOf(error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  return error.type === 'custom' ? error.message : (error.type as string);
}

/** The text for an error on a field named in the resource files by its generic name ("templateTitle"). */
export function errorText(t: TFunction, field: string, error: FieldError | undefined): string | undefined {
  return error ? fieldErrorText(t, field, codeOf(error)) : undefined;
}
