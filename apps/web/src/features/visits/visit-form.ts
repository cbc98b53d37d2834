import { copenhagenDate } from '@familiespor/domain';
import type { ChildVisit, RecordVisitInput } from '../../api/api.types';

/** What the "Registrér besøg" form holds: text as typed, so a half-typed number is kept. */
export type VisitFormValues = {
  outcome: 'done' | 'missed' | 'cancelled';
  doneOn: string;
  place: '' | 'home' | 'clinic' | 'phone' | 'video';
  weightG: string;
  lengthCm: string;
  headCm: string;
  topics: string[];
  otherTopics: string;
  development: '' | 'age_appropriate' | 'concern';
  developmentNote: string;
  pkuDone: boolean;
  hearingDone: boolean;
  notes: string;
  reason: string;
  reschedule: boolean;
  rescheduleStart: string;
  rescheduleEnd: string;
};

export const emptyVisitForm = (today: string): VisitFormValues => ({
  outcome: 'done',
  doneOn: today,
  place: '',
  weightG: '',
  lengthCm: '',
  headCm: '',
  topics: [],
  otherTopics: '',
  development: '',
  developmentNote: '',
  pkuDone: false,
  hearingDone: false,
  notes: '',
  reason: '',
  reschedule: true,
  rescheduleStart: '',
  rescheduleEnd: '',
});

/** The topics a health visitor usually covers; their keys are what the record stores. */
export const visitTopics = [
  'feeding',
  'sleep',
  'crying',
  'parents_wellbeing',
  'attachment',
  'safety',
  'vaccination',
  'motor_development',
  'language',
] as const;

export type VisitFieldError = { field: keyof VisitFormValues; code: string };

/** "3.250" or "3250" grams, "52,5" centimetres: Danish numbers as health visitors type them. */
export function parseNumber(text: string, integer: boolean): number | null | 'invalid' {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normal = integer ? trimmed.replace(/\./g, '') : trimmed.replace(',', '.');
  if (!(integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(normal)) return 'invalid';
  return Number(normal);
}

/**
 * The form → the request body of `recordVisit`. Checks only what the browser can know (required
 * fields, numbers that are numbers); plausibility for the child's age is the server's.
 */
export function visitRequest(
  v: VisitFormValues,
): { ok: true; body: RecordVisitInput } | { ok: false; errors: VisitFieldError[] } {
  const errors: VisitFieldError[] = [];
  if (v.outcome === 'cancelled') {
    if (v.reason.trim() === '') errors.push({ field: 'reason', code: 'required' });
    return errors.length > 0
      ? { ok: false, errors }
      : { ok: true, body: { outcome: 'cancelled', reason: v.reason.trim() } };
  }
  if (v.outcome === 'missed') {
    if (v.reschedule) {
      if (v.rescheduleStart === '') errors.push({ field: 'rescheduleStart', code: 'required' });
      if (v.rescheduleEnd === '') errors.push({ field: 'rescheduleEnd', code: 'required' });
      if (v.rescheduleStart && v.rescheduleEnd && v.rescheduleEnd < v.rescheduleStart)
        errors.push({ field: 'rescheduleEnd', code: 'window_order' });
    }
    if (errors.length > 0) return { ok: false, errors };
    return {
      ok: true,
      body: {
        outcome: 'missed',
        reason: v.reason.trim() || null,
        ...(v.reschedule ? { rescheduleTo: { start: v.rescheduleStart, end: v.rescheduleEnd } } : {}),
      },
    };
  }
  if (v.doneOn === '') errors.push({ field: 'doneOn', code: 'required' });
  if (v.place === '') errors.push({ field: 'place', code: 'required' });
  const weightG = parseNumber(v.weightG, true);
  const lengthCm = parseNumber(v.lengthCm, false);
  const headCm = parseNumber(v.headCm, false);
  if (weightG === 'invalid') errors.push({ field: 'weightG', code: 'not_a_number' });
  if (lengthCm === 'invalid') errors.push({ field: 'lengthCm', code: 'not_a_number' });
  if (headCm === 'invalid') errors.push({ field: 'headCm', code: 'not_a_number' });
  if (v.development === 'concern' && v.developmentNote.trim() === '')
    errors.push({ field: 'developmentNote', code: 'required' });
  if (
    errors.length > 0 ||
    v.place === '' ||
    weightG === 'invalid' ||
    lengthCm === 'invalid' ||
    headCm === 'invalid'
  )
    return { ok: false, errors };
  const others = v.otherTopics
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    ok: true,
    body: {
      outcome: 'done',
      doneOn: v.doneOn,
      place: v.place,
      weightG,
      lengthCm,
      headCm,
      topics: [...v.topics, ...others],
      development:
        v.development === ''
          ? null
          : v.development === 'concern'
            ? { status: 'concern', note: v.developmentNote.trim() }
            : { status: 'age_appropriate' },
      pkuDone: v.pkuDone,
      hearingDone: v.hearingDone,
      notes: v.notes.trim() || null,
    },
  };
}

/** The server's error paths → the form's fields ("rescheduleTo.start" → "rescheduleStart"). */
export function visitFieldOfPath(path: string): keyof VisitFormValues | null {
  const aliases: Record<string, keyof VisitFormValues> = {
    'rescheduleTo.start': 'rescheduleStart',
    'rescheduleTo.end': 'rescheduleEnd',
    'development.note': 'developmentNote',
    development: 'development',
    topics: 'otherTopics',
  };
  if (path in aliases) return aliases[path] ?? null;
  const direct: readonly (keyof VisitFormValues)[] = [
    'doneOn',
    'place',
    'weightG',
    'lengthCm',
    'headCm',
    'notes',
    'reason',
  ];
  const hit = direct.find((f) => path === f || path.startsWith(`${f}.`));
  if (hit) return hit;
  return path.startsWith('topics.') ? 'otherTopics' : null;
}

export type VisitStanding =
  | 'done'
  | 'overdue'
  | 'due'
  | 'booked'
  | 'upcoming'
  | 'missed'
  | 'rescheduled'
  | 'cancelled';

/**
 * How a visit stands today: a planned visit whose window has ended is overdue; one with a time
 * booked from today on is booked; a booked day that has passed unrecorded counts by its window.
 */
export function visitStanding(
  visit: Pick<ChildVisit, 'status' | 'window'> & { booking?: ChildVisit['booking'] },
  today: string,
): VisitStanding {
  if (visit.status !== 'planned') return visit.status;
  if (visit.booking && copenhagenDate(new Date(visit.booking.at)) >= today) return 'booked';
  if (visit.window.end < today) return 'overdue';
  if (visit.window.start <= today) return 'due';
  return 'upcoming';
}
