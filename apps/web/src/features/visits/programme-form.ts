import type { UpdateVisitProgrammeInput, VisitProgramme, VisitType } from '../../api/api.types';

export type WindowFrom = VisitType['window']['from'];
export type ProgrammeRow = {
  key: string;
  name: string;
  from: WindowFrom;
  start: string;
  end: string;
  target: VisitType['target'];
  kind: VisitType['kind'];
};
export type ProgrammeFormValues = { rows: ProgrammeRow[]; epdsMother: string; epdsFather: string };
export type ProgrammeFieldError = { field: string; code: string };

function windowBounds(w: VisitType['window']): [number, number] {
  if (w.from === 'birth') return [w.startDays, w.endDays];
  if (w.from === 'birth_months') return [w.startMonths, w.endMonths];
  return [w.startWeek, w.endWeek];
}

export function programmeForm(p: VisitProgramme): ProgrammeFormValues {
  return {
    rows: p.visitTypes.map((v) => {
      const [start, end] = windowBounds(v.window);
      return {
        key: v.key,
        name: v.name,
        from: v.window.from,
        start: String(start),
        end: String(end),
        target: v.target,
        kind: v.kind,
      };
    }),
    epdsMother: String(p.epdsCutoffs.mother),
    epdsFather: String(p.epdsCutoffs.father),
  };
}

/** A new key from the name: lower case a–z, digits and "_", unique in the programme. */
export function keyFromName(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'oe')
      .replace(/å/g, 'aa')
      .normalize('NFD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 34) || 'besoeg';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`;
  return key;
}

export const fieldId = (index: number, field: keyof ProgrammeRow) => `visit-type-${index}-${field}`;

const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null);

/** The form → `updateVisitProgramme`'s body; the order of windows is the server's rule to check. */
export function programmeRequest(
  v: ProgrammeFormValues,
): { ok: true; body: UpdateVisitProgrammeInput } | { ok: false; errors: ProgrammeFieldError[] } {
  const errors: ProgrammeFieldError[] = [];
  const visitTypes: VisitType[] = [];
  v.rows.forEach((r, i) => {
    if (r.name.trim() === '') errors.push({ field: fieldId(i, 'name'), code: 'required' });
    const start = whole(r.start);
    const end = whole(r.end);
    if (start === null) errors.push({ field: fieldId(i, 'start'), code: 'not_a_number' });
    if (end === null) errors.push({ field: fieldId(i, 'end'), code: 'not_a_number' });
    if (start === null || end === null) return;
    const window: VisitType['window'] =
      r.from === 'birth'
        ? { from: 'birth', startDays: start, endDays: end }
        : r.from === 'birth_months'
          ? { from: 'birth_months', startMonths: start, endMonths: end }
          : { from: 'pregnancy_week', startWeek: start, endWeek: end };
    visitTypes.push({ key: r.key, name: r.name.trim(), window, target: r.target, kind: r.kind });
  });
  if (v.rows.length === 0) errors.push({ field: 'visit-types', code: 'too_small' });
  const mother = whole(v.epdsMother);
  const father = whole(v.epdsFather);
  if (mother === null || mother < 1 || mother > 30)
    errors.push({ field: 'epds-mother', code: 'cutoff_range' });
  if (father === null || father < 1 || father > 30)
    errors.push({ field: 'epds-father', code: 'cutoff_range' });
  if (errors.length > 0 || mother === null || father === null) return { ok: false, errors };
  return { ok: true, body: { visitTypes, epdsCutoffs: { mother, father } } };
}

/**
 * A server error's path → the field it belongs to: "visitTypes.2.window" (and its parts
 * "visitTypes.2.window.startDays") → the row's start field, "visitTypes.2.key" → its name.
 */
export function programmeFieldOfPath(path: string): string | null {
  const m = /^visitTypes\.(\d+)(?:\.(\w+))?(?:\.(\w+))?/.exec(path);
  if (m) {
    const i = Number(m[1]);
    const part = m[2];
    if (part === 'window') return fieldId(i, /^end/.test(m[3] ?? '') ? 'end' : 'start');
    if (part === 'name' || part === 'key') return fieldId(i, 'name');
    if (part === 'target' || part === 'kind') return fieldId(i, part);
    return fieldId(i, 'name');
  }
  if (path.startsWith('epdsCutoffs.mother')) return 'epds-mother';
  if (path.startsWith('epdsCutoffs.father')) return 'epds-father';
  if (path === 'visitTypes') return 'visit-types';
  return null;
}
