import {
  contactMaxMinutes,
  counsellingContactForms,
  counsellingOpenedFrom,
  counsellingOutcomes,
  counsellingParticipants,
  counsellingPartyKinds,
  goalScale,
} from '@familiespor/domain';
import { z } from 'zod';
import { uuid } from './common.contracts';
import { cpr, date } from './families.contracts';

/** Family counselling cases (step 7, DESIGN §1 "Individual family counselling", §3 counselling_case). */

export const counsellingOutcome = z.enum(counsellingOutcomes);
export const counsellingContactForm = z.enum(counsellingContactForms);
export const counsellingParticipant = z.enum(counsellingParticipants);
export const counsellingPartyKind = z.enum(counsellingPartyKinds);
export const counsellingCaseStatus = z.enum(['open', 'closed']);

const note = z.string().trim().max(4000);
const goalTitle = z.string().trim().min(1).max(200);
const capturedHow = z.enum(['paper', 'verbal']);

/**
 * Open a case: from an accepted referral to the counsellor's organisation, or on the family's own
 * request. On their own request the family is named by the parent who asks — their person id when
 * the counsellor can already see the family (the family page), else their CPR number — with how
 * they gave their consent; `consentValidTo` is how long the consent to know who the family is runs
 * when the family belongs to another organisation (the municipality).
 */
export const openCounsellingCaseBody = z
  .strictObject({
    openedFrom: z.enum(counsellingOpenedFrom),
    referralId: uuid.optional(),
    familyId: uuid.optional(),
    requestedByPersonId: uuid.optional(),
    parentCpr: cpr.optional(),
    capturedHow: capturedHow.optional(),
    consentValidTo: date.optional(),
    unitId: uuid.optional(),
    /** What the family wants help with, in the counsellor's words. */
    reason: z.string().trim().min(1).max(4000),
    goals: z
      .array(z.strictObject({ title: goalTitle }))
      .max(10)
      .default([]),
  })
  .superRefine((b, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (b.openedFrom === 'referral') {
      if (!b.referralId) issue('referralId', 'Which referral the case is opened from');
      for (const k of [
        'familyId',
        'requestedByPersonId',
        'parentCpr',
        'capturedHow',
        'consentValidTo',
      ] as const)
        if (b[k] !== undefined) issue(k, 'Only for a case opened on the family’s own request');
      return;
    }
    if (b.referralId) issue('referralId', 'Only for a case opened from a referral');
    if (Boolean(b.familyId) === Boolean(b.parentCpr))
      issue('parentCpr', 'Name the family by its id or by the CPR number of the parent who asks');
    if (b.familyId && !b.requestedByPersonId) issue('requestedByPersonId', 'Which parent asked');
    if (!b.capturedHow) issue('capturedHow', 'How the parent asked and consented: paper or verbal');
  });
export type OpenCounsellingCaseBody = z.infer<typeof openCounsellingCaseBody>;
export type OpenCounsellingCaseInput = z.input<typeof openCounsellingCaseBody>;

export const addCounsellingGoalBody = z.strictObject({ title: goalTitle });
export type AddCounsellingGoalBody = z.infer<typeof addCounsellingGoalBody>;

export const scoreCounsellingGoalsBody = z.strictObject({
  scoredOn: date,
  scores: z
    .array(
      z.strictObject({
        goalId: uuid,
        score: z.number().int().min(goalScale.min).max(goalScale.max),
        note: z.string().trim().max(1000).optional(),
      }),
    )
    .min(1)
    .max(10),
});
export type ScoreCounsellingGoalsBody = z.infer<typeof scoreCounsellingGoalsBody>;

export const addCounsellingContactBody = z.strictObject({
  contactOn: date,
  form: counsellingContactForm,
  durationMinutes: z.number().int().min(1).max(contactMaxMinutes),
  participants: z
    .array(counsellingParticipant)
    .min(1)
    .refine((ps) => new Set(ps).size === ps.length, 'Each participant once'),
  note: note.optional(),
});
export type AddCounsellingContactBody = z.infer<typeof addCounsellingContactBody>;

/**
 * A collaborating party. One in Familiespor is named by its unit, and goes on a consent in force for
 * category counselling from the case's organisation to the party's; one outside Familiespor (or in
 * the case's own organisation) by name, with the parents' consent recorded here.
 */
export const addCounsellingPartyBody = z
  .strictObject({
    kind: counsellingPartyKind,
    unitId: uuid.optional(),
    name: z.string().trim().min(1).max(200).optional(),
    contact: z.string().trim().max(200).optional(),
    parentConsent: z.strictObject({ grantedByPersonId: uuid, capturedHow, givenOn: date }).optional(),
  })
  .superRefine((b, ctx) => {
    if (Boolean(b.unitId) === Boolean(b.name))
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'A unit in Familiespor or a name' });
  });
export type AddCounsellingPartyBody = z.infer<typeof addCounsellingPartyBody>;

export const closeCounsellingCaseBody = z.strictObject({
  outcome: counsellingOutcome,
  /** Today when left out. */
  closedOn: date.optional(),
  note: note.optional(),
});
export type CloseCounsellingCaseBody = z.infer<typeof closeCounsellingCaseBody>;

export const listCounsellingCasesQuery = z.strictObject({
  /** mine: the cases I am counsellor for; organisation: all of it (programme lead). */
  scope: z.enum(['mine', 'organisation']).default('mine'),
  status: z.enum(['open', 'closed', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListCounsellingCasesQuery = z.infer<typeof listCounsellingCasesQuery>;

export const counsellingStatisticsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const ref = z.object({ id: uuid, name: z.string() });

export const counsellingCaseSummary = z
  .object({
    id: uuid,
    familyId: uuid,
    /** The family as the counsellor wrote it down when the case was opened. */
    familyName: z.string(),
    organisation: ref,
    unit: ref,
    counsellor: ref,
    status: counsellingCaseStatus,
    openedFrom: z.enum(counsellingOpenedFrom),
    referralId: uuid.nullable(),
    openedOn: date,
    closedOn: date.nullable(),
    outcome: counsellingOutcome.nullable(),
    lastContactOn: date.nullable(),
    goals: z.number().int(),
  })
  .meta({ id: 'CounsellingCaseSummary' });
export type CounsellingCaseSummary = z.infer<typeof counsellingCaseSummary>;

export const counsellingGoal = z.object({
  id: uuid,
  title: z.string(),
  createdOn: date,
  scores: z.array(
    z.object({ id: uuid, score: z.number().int(), scoredOn: date, note: z.string().nullable(), by: ref }),
  ),
  progress: z.object({
    first: z.number().nullable(),
    latest: z.number().nullable(),
    change: z.number().nullable(),
    scored: z.number().int(),
  }),
});
export type CounsellingGoal = z.infer<typeof counsellingGoal>;

export const counsellingContact = z.object({
  id: uuid,
  contactOn: date,
  form: counsellingContactForm,
  durationMinutes: z.number().int(),
  participants: z.array(counsellingParticipant),
  note: z.string().nullable(),
  by: ref,
});
export type CounsellingContact = z.infer<typeof counsellingContact>;

export const counsellingParty = z.object({
  id: uuid,
  kind: counsellingPartyKind,
  name: z.string(),
  contact: z.string().nullable(),
  /** The party's unit and organisation when it is in Familiespor. */
  unit: ref.nullable(),
  organisation: ref.nullable(),
  consent: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('register'), consentId: uuid, inForce: z.boolean() }),
    z.object({
      kind: z.literal('recorded'),
      grantedBy: ref,
      capturedHow,
      givenOn: date,
    }),
  ]),
  addedOn: date,
});
export type CounsellingParty = z.infer<typeof counsellingParty>;

export const counsellingCase = counsellingCaseSummary
  .extend({
    reason: z.string(),
    /** The family's parents and children as written down at opening (the counselling record's own copy). */
    parents: z.array(z.object({ personId: uuid, role: z.string(), name: z.string() })),
    children: z.array(z.object({ personId: uuid, name: z.string(), birthDate: z.string().nullable() })),
    request: z.object({ byPersonId: uuid.nullable(), capturedHow, consentId: uuid.nullable() }).nullable(),
    closingNote: z.string().nullable(),
    closedBy: ref.nullable(),
    goals: z.array(counsellingGoal),
    contacts: z.array(counsellingContact),
    parties: z.array(counsellingParty),
    /** Whether the caller may add contacts, scores, goals and parties and close it. */
    canWrite: z.boolean(),
  })
  .meta({ id: 'CounsellingCase' });
export type CounsellingCase = z.infer<typeof counsellingCase>;

export const counsellingCasePage = z
  .object({ total: z.number().int(), items: z.array(counsellingCaseSummary) })
  .meta({ id: 'CounsellingCasePage' });
export type CounsellingCasePage = z.infer<typeof counsellingCasePage>;

const outcomeCounts = z.object(
  Object.fromEntries(counsellingOutcomes.map((o) => [o, z.number().int()])) as Record<
    (typeof counsellingOutcomes)[number],
    z.ZodNumber
  >,
);

export const counsellingStatistics = z
  .object({
    organisation: ref,
    year: z.number().int(),
    /** The years with cases, newest first, for the year picker. */
    years: z.array(z.number().int()),
    /** The current year is counted up to today. */
    untilDate: date,
    familiesCounselled: z.number().int(),
    casesOpened: z.number().int(),
    casesClosed: z.number().int(),
    openAtEnd: z.number().int(),
    outcomes: outcomeCounts,
    noSpecialSupport: z.object({
      count: z.number().int(),
      shareOfClosed: z.number().nullable(),
      shareOfFamilies: z.number().nullable(),
    }),
    medianDurationDays: z.number().nullable(),
    goals: z.object({ scoredTwice: z.number().int(), improved: z.number().int() }),
  })
  .meta({ id: 'CounsellingStatistics' });
export type CounsellingStatistics = z.infer<typeof counsellingStatistics>;
