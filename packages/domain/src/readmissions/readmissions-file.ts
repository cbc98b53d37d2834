import { isValidDate, parseCpr } from '../cpr/cpr';
import type { ReadmissionCause } from '../indicators/indicator-facts';
import { splitCsvLine } from '../text/csv-line';

/**
 * The region's file of infant admissions (docs/readmissions.md): CSV with a header naming
 * child_cpr, admission_date, discharge_date and icd10, separated by ";" or ",". Parsing is per
 * line so one bad line is reported with its number while the rest go through.
 */
export type AdmissionRow = {
  line: number;
  childCpr: string;
  admittedOn: string;
  dischargedOn: string;
  icd10: string;
  cause: ReadmissionCause;
};

/** `code` is stable for the web app to translate; `reason` is the English explanation. */
export type AdmissionLineError = { line: number; field: string | null; code: string; reason: string };
export type ParsedAdmissions = { rows: AdmissionRow[]; errors: AdmissionLineError[]; lines: number };

export const admissionColumns = ['child_cpr', 'admission_date', 'discharge_date', 'icd10'] as const;
type Column = (typeof admissionColumns)[number];

/**
 * ICD-10 → the indicator's causes. P92.6 (failure to thrive in a newborn) sits inside P92
 * (feeding problems), so it is matched first.
 */
export function causeOfIcd10(code: string): ReadmissionCause {
  const c = code.toUpperCase().replace(/[\s.]/g, '');
  if (c.startsWith('P59')) return 'jaundice';
  if (c.startsWith('E86')) return 'dehydration';
  if (c.startsWith('R62') || c.startsWith('P926')) return 'poor_thriving';
  if (c.startsWith('P92')) return 'feeding_problems';
  return 'other';
}

/** An ICD-10 code as hospitals write it: letter, two digits, optional dot and up to four more. */
const icd10Pattern = /^[A-Z]\d{2}(\.?[0-9A-Z]{1,4})?$/;

function parseDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  return isValidDate(Number(m[1]), Number(m[2]), Number(m[3])) ? m[0] : null;
}

function toRow(line: number, v: Partial<Record<Column, string>>): AdmissionRow | AdmissionLineError {
  const err = (field: Column, code: string, reason: string) => ({ line, field, code, reason });
  const cpr = parseCpr(v.child_cpr ?? '');
  if (!cpr.ok) return err('child_cpr', 'invalid_cpr', `invalid CPR number (${cpr.error})`);
  const admittedOn = parseDate(v.admission_date ?? '');
  if (!admittedOn) return err('admission_date', 'invalid_date', 'not a date (use YYYY-MM-DD)');
  const dischargedOn = parseDate(v.discharge_date ?? '');
  if (!dischargedOn) return err('discharge_date', 'invalid_date', 'not a date (use YYYY-MM-DD)');
  if (dischargedOn < admittedOn)
    return err('discharge_date', 'discharge_before_admission', 'discharge is before admission');
  const icd10 = (v.icd10 ?? '').trim().toUpperCase();
  if (!icd10Pattern.test(icd10)) return err('icd10', 'invalid_icd10', 'not an ICD-10 code (e.g. P59.9)');
  return { line, childCpr: cpr.cpr.digits, admittedOn, dischargedOn, icd10, cause: causeOfIcd10(icd10) };
}

export function parseAdmissionsCsv(content: string): ParsedAdmissions {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const delimiter = header.includes(';') ? ';' : ',';
  const names = splitCsvLine(header, delimiter).map((h) => h.trim().toLowerCase());
  const missing = admissionColumns.filter((c) => !names.includes(c));
  if (missing.length > 0)
    return {
      rows: [],
      errors: [
        { line: 1, field: null, code: 'missing_columns', reason: `header lacks ${missing.join(', ')}` },
      ],
      lines: 0,
    };
  const rows: AdmissionRow[] = [];
  const errors: AdmissionLineError[] = [];
  let count = 0;
  lines.slice(1).forEach((text, i) => {
    if (text.trim() === '') return;
    count++;
    const cells = splitCsvLine(text, delimiter);
    const values: Partial<Record<Column, string>> = {};
    names.forEach((n, j) => {
      if ((admissionColumns as readonly string[]).includes(n)) values[n as Column] = cells[j] ?? '';
    });
    const parsed = toRow(i + 2, values);
    if ('reason' in parsed) errors.push(parsed);
    else rows.push(parsed);
  });
  return { rows, errors, lines: count };
}
