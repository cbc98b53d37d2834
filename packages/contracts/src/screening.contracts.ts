import { z } from 'zod';
import { uuid } from './common.contracts';
import { date } from './families.contracts';

/** Early detection (step 5): EPDS for mothers and fathers, ADBB for the infant. */

export const instruments = ['epds', 'adbb'] as const;
export const screeningBands = ['below_cutoff', 'at_or_above_cutoff'] as const;
export const screeningFlags = ['self_harm', 'positive'] as const;

export const recordScreeningBody = z.strictObject({
  familyId: uuid,
  instrument: z.enum(instruments),
  /** EPDS: the parent who answered (a parent in the portal answers for themself). */
  respondentPersonId: uuid.optional(),
  /** ADBB: the infant observed; EPDS: the child the screening belongs to, if born. */
  childPersonId: uuid.optional(),
  /**
   * Every item's answer as the option chosen, 0 = the first (top) option; the instrument's own
   * rules check the count and range (EPDS 10 items 0–3, ADBB 8 items 0–4).
   */
  answers: z.array(z.number().int().min(0).max(9)).min(1).max(20),
  observedOn: date,
  visitId: uuid.optional(),
});
export type RecordScreeningBody = z.infer<typeof recordScreeningBody>;

export const followUpTask = z.object({
  id: uuid,
  kind: z.string(),
  due: date,
  assignee: z.union([z.object({ userId: uuid }), z.object({ unitId: uuid })]),
});

export const screening = z
  .object({
    id: uuid,
    familyId: uuid,
    instrument: z.enum(instruments),
    respondent: z.object({ personId: uuid, role: z.enum(['mother', 'father', 'co_parent']) }).nullable(),
    childPersonId: uuid.nullable(),
    answers: z.array(z.number().int()),
    total: z.number().int(),
    cutoff: z.number().int(),
    band: z.enum(screeningBands),
    flags: z.array(z.enum(screeningFlags)),
    observedOn: date,
    inPregnancy: z.boolean(),
    enteredBy: z.enum(['staff', 'parent']),
    /** The scale's authors, shown wherever its items are. */
    credit: z.string(),
  })
  .meta({ id: 'Screening' });
export type Screening = z.infer<typeof screening>;

export const recordScreeningResult = screening
  .extend({ followUpTasks: z.array(followUpTask) })
  .meta({ id: 'RecordScreeningResult' });
export type RecordScreeningResult = z.infer<typeof recordScreeningResult>;
