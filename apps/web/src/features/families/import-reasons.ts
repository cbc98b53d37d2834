/**
 * The import's per-line errors carry a stable `code` (docs/birth-notifications.md); the text
 * comes from the resource files by that code. Two codes say more in their English reason —
 * which part of a CPR number is wrong and which columns are missing — and that detail is read
 * from it when it has the known shape; without it the general text for the code is used.
 */
const byCode = {
  invalid_cpr: 'cpr',
  child_is_mother: 'childIsMother',
  missing: 'missing',
  invalid_time: 'notATime',
  missing_columns: 'headerLacks',
  invalid_json: 'notJson',
  not_an_array: 'notArray',
  not_an_object: 'notObject',
  unknown_field: 'unknownField',
  not_a_string: 'notString',
  unknown_mother: 'noPregnancy',
  birth_before_pregnancy: 'beforePregnancy',
  birth_in_future: 'inFuture',
  discharge_before_birth: 'dischargeBeforeBirth',
  cpr_birth_date_mismatch: 'cprMismatch',
  cpr_taken: 'cprTaken',
  already_registered: 'alreadyRegistered',
  no_access: 'noAccess',
  not_saved: 'notSaved',
} as const;
export type ImportReasonCode = keyof typeof byCode;
export const importReasonCodes = Object.keys(byCode) as ImportReasonCode[];

const cprParts = { format: 'cprFormat', date: 'cprDate', century: 'cprCentury' } as const;
export type ImportReasonKey =
  | (typeof byCode)[ImportReasonCode]
  | (typeof cprParts)[keyof typeof cprParts]
  | 'headerLacksUnnamed';

const isKnown = (code: string): code is ImportReasonCode => Object.hasOwn(byCode, code);

/** The translation key for a line's error and what it names (the missing columns), or null for an unknown code. */
export function importReasonOf(error: {
  code: string;
  reason: string;
}): { key: ImportReasonKey; detail: string } | null {
  if (!isKnown(error.code)) return null;
  if (error.code === 'invalid_cpr') {
    const part = /\((format|date|century)\)/.exec(error.reason)?.[1] as keyof typeof cprParts | undefined;
    return { key: part ? cprParts[part] : 'cpr', detail: '' };
  }
  if (error.code === 'missing_columns') {
    const columns = /^header lacks ([a-z_, ]+)$/.exec(error.reason.trim())?.[1];
    return columns ? { key: 'headerLacks', detail: columns } : { key: 'headerLacksUnnamed', detail: '' };
  }
  return { key: byCode[error.code], detail: '' };
}

/** csv or json from the file's name; a .json file is JSON, anything else is read as CSV (as the CLI does). */
export function formatOf(filename: string): 'csv' | 'json' {
  return /\.json$/i.test(filename) ? 'json' : 'csv';
}
