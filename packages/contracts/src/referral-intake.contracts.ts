import { referralIntakeStatuses, referralUrgencies } from '@familiespor/domain';
import { z } from 'zod';
import { uuid } from './common.contracts';
import { cpr, date, spokenLanguage } from './families.contracts';

/**
 * A referral of a person the receiver does not know yet (issue #8): the identified bridge from
 * open anonymous counselling. Nothing in it names the anonymous conversation — the bodies are
 * strict, so an extra field (a contact's id, time or slot) is refused.
 */

export const referralIntakeStatus = z.enum(referralIntakeStatuses);
const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{8,16}$/, 'Use digits, e.g. +45 12 34 56 78');

export const referralIntakePerson = z.strictObject({
  givenName: text(100),
  familyName: text(100),
  role: z.enum(['mother', 'father', 'co_parent', 'other_caregiver']),
  phone: phone.nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  /** Only if the parent chooses to give it; then it must be a valid CPR number. */
  cpr: cpr.nullable().optional(),
  postcode: z.string().regex(/^\d{4}$/, 'A Danish postcode has four digits'),
  dueDate: date.nullable().optional(),
  childAgeMonths: z.number().int().min(0).max(72).nullable().optional(),
  preferredLanguage: spokenLanguage.default('da'),
  interpreterNeeded: z.boolean().default(false),
});

export const createReferralIntakeBody = z.strictObject({
  person: referralIntakePerson,
  /** The receiving offer: one of the partner municipality's offers. */
  offerId: uuid,
  reason: text(4000),
  urgency: z.enum(referralUrgencies).default('normal'),
  consent: z.strictObject({
    /** The counsellor confirms the parent agreed to pass these details and the reason on for this purpose. */
    confirmed: z.literal(true, { error: 'The parent’s consent must be confirmed' }),
    capturedHow: z.enum(['verbal', 'paper']),
  }),
});
export type CreateReferralIntakeBody = z.infer<typeof createReferralIntakeBody>;
export type CreateReferralIntakeInput = z.input<typeof createReferralIntakeBody>;

/**
 * Accept by linking to a family the receiver found (CPR match or search: familyId), or by
 * registering a new family in the receiver's municipality from the intake (registerFamily); or
 * reject with the reason.
 */
export const decideReferralIntakeBody = z
  .strictObject({
    decision: z.enum(['accept', 'reject']),
    familyId: uuid.optional(),
    registerFamily: z.literal(true).optional(),
    reason: z.string().trim().max(2000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'reject') {
      if (!b.reason)
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'A rejection needs a reason' });
      if (b.familyId || b.registerFamily)
        ctx.addIssue({ code: 'custom', path: ['decision'], message: 'A rejection links no family' });
      return;
    }
    if (Boolean(b.familyId) === Boolean(b.registerFamily)) {
      ctx.addIssue({
        code: 'custom',
        path: ['familyId'],
        message: 'Link to one family, or register a new one',
      });
    }
  });
export type DecideReferralIntakeBody = z.infer<typeof decideReferralIntakeBody>;

export const listReferralIntakesQuery = z.strictObject({ box: z.enum(['sent', 'received']) });
export type ListReferralIntakesQuery = z.infer<typeof listReferralIntakesQuery>;

const ref = z.object({ id: uuid, name: z.string() });

export const referralIntakeSummary = z
  .object({
    id: uuid,
    /** The name the parent gave: the sender entered it, the receiver is sent it. */
    personName: z.string(),
    status: referralIntakeStatus,
    urgency: z.enum(referralUrgencies),
    from: z.object({ organisation: ref, sentBy: ref }),
    to: z.object({ organisation: ref, unit: ref.nullable(), offer: ref }),
    ackDeadline: z.object({ workingDays: z.number().int(), dueOn: date }),
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReferralIntakeSummary' });
export type ReferralIntakeSummary = z.infer<typeof referralIntakeSummary>;

export const referralIntake = referralIntakeSummary
  .extend({
    person: z.object({
      givenName: z.string(),
      familyName: z.string(),
      role: z.enum(['mother', 'father', 'co_parent', 'other_caregiver']),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      /** Formatted DDMMYY-SSSS; null when the parent did not give it. */
      cpr: z.string().nullable(),
      postcode: z.string(),
      homeMunicipality: ref.nullable(),
      dueDate: date.nullable(),
      childAgeMonths: z.number().int().nullable(),
      preferredLanguage: z.string(),
      interpreterNeeded: z.boolean(),
    }),
    reason: z.string(),
    consent: z.object({
      capturedHow: z.enum(['verbal', 'paper']),
      givenAt: z.string(),
      recordedBy: ref,
      purpose: z.string(),
    }),
    rejectionReason: z.string().nullable(),
    /** The ordinary referral it became on acceptance (the receiver opens it; the sender follows its status). */
    referralId: uuid.nullable(),
    /** What the reader may do next. */
    actions: z.array(z.enum(['acknowledge', 'accept', 'reject'])),
  })
  .meta({ id: 'ReferralIntake' });
export type ReferralIntake = z.infer<typeof referralIntake>;

export const referralIntakeList = z
  .object({ box: z.enum(['sent', 'received']), items: z.array(referralIntakeSummary) })
  .meta({ id: 'ReferralIntakeList' });
export type ReferralIntakeList = z.infer<typeof referralIntakeList>;
