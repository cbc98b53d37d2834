import type { Problem } from '../../api/api.types';
import type { DraftProblem, GuestRow } from './plan-draft';

/**
 * An error on the plan, wherever it came from (checkDraft or the server): the element it
 * belongs to, the field's generic name in `fieldErrors.*`, and the code.
 */
export type PlanError = { id: string; cohort: string | null; field: string; code: string };

export const cohortDomId = (key: string) => `plan-${key}`;

const guestField: Record<keyof GuestRow, string> = {
  name: 'guestName',
  organisation: 'guestOrganisation',
  topic: 'guestTopic',
  sessionNumber: 'guestSession',
};
const guestPart: Record<string, keyof GuestRow> = {
  name: 'name',
  organisation: 'organisation',
  topic: 'topic',
  sessionNumber: 'sessionNumber',
};

/** Element ids of a cohort's fields; the heading takes errors about the cohort as a whole. */
export const planIds = {
  heading: (key: string) => `${cohortDomId(key)}-heading`,
  name: (key: string) => `${cohortDomId(key)}-name`,
  facilitator: (key: string) => `${cohortDomId(key)}-facilitator`,
  site: (key: string) => `${cohortDomId(key)}-site`,
  weekday: (key: string) => `${cohortDomId(key)}-weekday`,
  start: (key: string) => `${cohortDomId(key)}-start`,
  duration: (key: string) => `${cohortDomId(key)}-duration`,
  room: (key: string) => `${cohortDomId(key)}-room`,
  move: (enrollmentId: string) => `plan-move-${enrollmentId}`,
  guest: (key: string, index: number, part: keyof GuestRow) =>
    `${cohortDomId(key)}-guest-${index}-${part === 'sessionNumber' ? 'session' : part}`,
};

const cohortFields = {
  name: { id: planIds.name, field: 'cohortName' },
  facilitatorUserId: { id: planIds.facilitator, field: 'facilitator' },
  siteId: { id: planIds.site, field: 'cohortSite' },
  weekday: { id: planIds.weekday, field: 'weekday' },
  startTime: { id: planIds.start, field: 'startTime' },
  durationMinutes: { id: planIds.duration, field: 'duration' },
  room: { id: planIds.room, field: 'room' },
} as const;

/** checkDraft's problems, placed on the fields. */
export function draftErrors(problems: readonly DraftProblem[]): PlanError[] {
  return problems.map((p) => {
    if (p.field === 'guest')
      return {
        id: planIds.guest(p.cohort, p.index, p.part),
        cohort: p.cohort,
        field: guestField[p.part],
        code: p.code,
      };
    // checkDraft's "too_many" is the server's "too_big" (the body's max(10)); a key ending in
    // "_many" would read as a plural form in the resource files.
    if (p.field === 'families')
      return {
        id: planIds.heading(p.cohort),
        cohort: p.cohort,
        field: 'cohortFamilies',
        code: p.code === 'too_many' ? 'too_big' : p.code,
      };
    const f = cohortFields[p.field];
    return { id: f.id(p.cohort), cohort: p.cohort, field: f.field, code: p.code };
  });
}

/** A cohort as it was sent: its draft key and its families in the body's order. */
export type SentCohort = { key: string; enrollmentIds: readonly string[] };

/**
 * The server's field errors on a confirmed plan, placed on the fields. `sent` lists the cohorts
 * as they were sent (toConfirmBody leaves empty cohorts out, so the server's "cohorts.2" is the
 * third cohort sent, not the third in the draft). `placed` is false when an error found no
 * field, so the page shows the general problem too.
 */
export function serverErrors(
  problem: Problem | null,
  sent: readonly SentCohort[],
): { errors: PlanError[]; placed: boolean } {
  const errors: PlanError[] = [];
  let placed = (problem?.errors ?? []).length > 0;
  for (const e of problem?.errors ?? []) {
    if (e.path === 'offerId') {
      errors.push({ id: 'plan-offer', cohort: null, field: 'planOffer', code: e.code });
      continue;
    }
    const m = /^cohorts\.(\d+)(?:\.(.+))?$/.exec(e.path);
    const cohort = m ? sent[Number(m[1])] : undefined;
    if (!m || !cohort) {
      placed = false;
      continue;
    }
    const key = cohort.key;
    const rest = m[2] ?? '';
    const direct = cohortFields[rest as keyof typeof cohortFields];
    const family = /^enrollmentIds\.(\d+)$/.exec(rest);
    const guest = /^guestPresenters\.(\d+)\.(\w+)$/.exec(rest);
    if (direct) {
      errors.push({ id: direct.id(key), cohort: key, field: direct.field, code: e.code });
    } else if (family) {
      const enrollmentId = cohort.enrollmentIds[Number(family[1])];
      errors.push(
        enrollmentId
          ? { id: planIds.move(enrollmentId), cohort: key, field: 'plannedFamily', code: e.code }
          : { id: planIds.heading(key), cohort: key, field: 'plannedFamily', code: e.code },
      );
    } else if (guest && guestPart[guest[2] as string]) {
      const part = guestPart[guest[2] as string] as keyof GuestRow;
      errors.push({
        id: planIds.guest(key, Number(guest[1]), part),
        cohort: key,
        field: guestField[part],
        code: e.code,
      });
    } else {
      // The cohort as a whole: a session after a child's third birthday, its list of families.
      errors.push({ id: planIds.heading(key), cohort: key, field: 'cohortFamilies', code: e.code });
    }
  }
  return { errors, placed };
}

/** The first error on an element, if any. */
export function errorOn(errors: readonly PlanError[], id: string): PlanError | undefined {
  return errors.find((e) => e.id === id);
}
