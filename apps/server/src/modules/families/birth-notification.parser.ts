import { copenhagenLocalToInstant, parseCpr, splitCsvLine } from '@familiespor/domain';

/**
 * Birth notifications as the birthplace sends them (format in docs/birth-notifications.md):
 * mother CPR, child CPR, birth time, discharge time, birthplace. Parsing is per line, so
 * one bad line is reported with its number and reason while the others go through.
 */
export type BirthNotification = {
  line: number;
  motherCpr: string;
  childCpr: string;
  birthTime: Date;
  dischargeTime: Date | null;
  birthplace: string | null;
};

/** `code` is stable for the web app to translate; `reason` is the English explanation. */
export type LineError = { line: number; field: string | null; code: string; reason: string };
export type ParsedFile = { rows: BirthNotification[]; errors: LineError[]; lines: number };

const columns = ['mother_cpr', 'child_cpr', 'birth_time', 'discharge_time', 'birthplace'] as const;
type Column = (typeof columns)[number];
type RawRow = { line: number; values: Partial<Record<Column, string>> };

/** A time with an offset (ISO 8601), or a Danish wall-clock time "YYYY-MM-DD HH:MM". */
function parseTime(value: string): Date | null {
  const v = value.trim();
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(v)) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return copenhagenLocalToInstant(v);
}

function toNotification(raw: RawRow): BirthNotification | LineError {
  const v = raw.values;
  const err = (field: Column, code: string, reason: string): LineError => ({
    line: raw.line,
    field,
    code,
    reason,
  });
  const mother = parseCpr(v.mother_cpr ?? '');
  if (!mother.ok) return err('mother_cpr', 'invalid_cpr', `invalid CPR number (${mother.error})`);
  const child = parseCpr(v.child_cpr ?? '');
  if (!child.ok) return err('child_cpr', 'invalid_cpr', `invalid CPR number (${child.error})`);
  if (child.cpr.digits === mother.cpr.digits)
    return err('child_cpr', 'child_is_mother', 'the child’s CPR is the mother’s');
  if (!v.birth_time?.trim()) return err('birth_time', 'missing', 'missing');
  const birthTime = parseTime(v.birth_time);
  if (!birthTime)
    return err(
      'birth_time',
      'invalid_time',
      'not a time (use 2026-11-20T14:32:00+01:00 or 2026-11-20 14:32)',
    );
  const dischargeRaw = v.discharge_time?.trim();
  const dischargeTime = dischargeRaw ? parseTime(dischargeRaw) : null;
  if (dischargeRaw && !dischargeTime) return err('discharge_time', 'invalid_time', 'not a time');
  return {
    line: raw.line,
    motherCpr: mother.cpr.digits,
    childCpr: child.cpr.digits,
    birthTime,
    dischargeTime,
    birthplace: v.birthplace?.trim() || null,
  };
}

export function parseCsv(content: string): ParsedFile {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const delimiter = header.includes(';') ? ';' : ',';
  const names = splitCsvLine(header, delimiter).map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => c !== 'discharge_time' && c !== 'birthplace' && !names.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      errors: [
        { line: 1, field: null, code: 'missing_columns', reason: `header lacks ${missing.join(', ')}` },
      ],
      lines: lines.length,
    };
  }
  const rows: BirthNotification[] = [];
  const errors: LineError[] = [];
  let dataLines = 0;
  lines.slice(1).forEach((text, i) => {
    if (text.trim() === '') return;
    dataLines++;
    const cells = splitCsvLine(text, delimiter);
    const values: RawRow['values'] = {};
    names.forEach((n, j) => {
      if ((columns as readonly string[]).includes(n)) values[n as Column] = cells[j] ?? '';
    });
    const parsed = toNotification({ line: i + 2, values });
    if ('reason' in parsed) errors.push(parsed);
    else rows.push(parsed);
  });
  return { rows, errors, lines: dataLines };
}

const jsonKeys: Record<string, Column> = {
  motherCpr: 'mother_cpr',
  childCpr: 'child_cpr',
  birthTime: 'birth_time',
  dischargeTime: 'discharge_time',
  birthplace: 'birthplace',
};

/** A JSON array of {motherCpr, childCpr, birthTime, dischargeTime?, birthplace?}; "line" is the entry's number. */
export function parseJson(content: string): ParsedFile {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return {
      rows: [],
      errors: [{ line: 0, field: null, code: 'invalid_json', reason: 'not valid JSON' }],
      lines: 0,
    };
  }
  if (!Array.isArray(data))
    return {
      rows: [],
      errors: [{ line: 0, field: null, code: 'not_an_array', reason: 'expected a JSON array' }],
      lines: 0,
    };
  const rows: BirthNotification[] = [];
  const errors: LineError[] = [];
  data.forEach((entry, i) => {
    const line = i + 1;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      errors.push({ line, field: null, code: 'not_an_object', reason: 'expected an object' });
      return;
    }
    const values: RawRow['values'] = {};
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      const column = jsonKeys[key];
      if (!column) {
        errors.push({ line, field: key, code: 'unknown_field', reason: 'unknown field' });
        return;
      }
      if (value !== null && typeof value !== 'string') {
        errors.push({ line, field: key, code: 'not_a_string', reason: 'must be a string' });
        return;
      }
      values[column] = value ?? '';
    }
    const parsed = toNotification({ line, values });
    if ('reason' in parsed) errors.push(parsed);
    else rows.push(parsed);
  });
  return { rows, errors, lines: data.length };
}
