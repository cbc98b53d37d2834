import { consentableCategories, referralStatuses, referralUrgencies } from '@familiespor/domain';
import { z } from 'zod';
import { category } from './auth.contracts';
import { uuid } from './common.contracts';
import { date } from './families.contracts';

/** Referrals that are acknowledged (step 6). */

export const referralStatus = z.enum(referralStatuses);
export const referralUrgency = z.enum(referralUrgencies);
/** What may be attached besides the referral's own content: the categories a consent can cover. */
export const referralAttachableCategory = z.enum(consentableCategories);

const text = (max: number) => z.string().trim().min(1).max(max);

export const referralReceiverInput = z
  .strictObject({
    organisationId: uuid.optional(),
    unitId: uuid.optional(),
    offerId: uuid.optional(),
  })
  .refine((t) => t.organisationId || t.unitId || t.offerId, {
    message: 'Name an organisation, a unit or an offer',
  });

export const createReferralBody = z.strictObject({
  familyId: uuid,
  to: referralReceiverInput,
  reason: text(4000),
  urgency: referralUrgency.default('normal'),
  attachments: z
    .array(
      z.strictObject({
        category: referralAttachableCategory,
        recordIds: z.array(uuid).max(50).default([]),
      }),
    )
    .max(consentableCategories.length)
    .default([]),
});
export type CreateReferralBody = z.infer<typeof createReferralBody>;
export type CreateReferralInput = z.input<typeof createReferralBody>;

export const decideReferralBody = z
  .strictObject({
    decision: z.enum(['accept', 'reject']),
    reason: z.string().trim().max(2000).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.decision === 'reject' && !b.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'A rejection needs a reason' });
    }
  });
export type DecideReferralBody = z.infer<typeof decideReferralBody>;

export const completeReferralBody = z.strictObject({ note: z.string().trim().max(2000).optional() });
export type CompleteReferralBody = z.infer<typeof completeReferralBody>;

export const listReferralsQuery = z.strictObject({
  box: z.enum(['sent', 'received']),
  /** open: requested, received or accepted; all: also rejected and completed. */
  status: z.enum(['open', 'all']).default('all'),
});
export type ListReferralsQuery = z.infer<typeof listReferralsQuery>;

const ref = z.object({ id: uuid, name: z.string() });

export const referralAttachment = z.object({
  category,
  recordIds: z.array(uuid),
  /** consent: a parent's consent from the sender's organisation to the receiver's; own_org: same organisation. */
  basis: z.enum(['consent', 'referral_content', 'own_org']),
  consentId: uuid.nullable(),
});

export const referralSummary = z
  .object({
    id: uuid,
    family: z.object({
      id: uuid,
      /** The parents' names, joined with "&" for plain text; null when the reader may not see who the family is. */
      names: z.string().nullable(),
      /**
       * The parents' names, mother first, for the reader's language to join ("og", "and", "و") as
       * the family page does; null when the reader may not see who the family is.
       */
      parents: z.array(z.string()).nullable(),
    }),
    status: referralStatus,
    urgency: referralUrgency,
    from: z.object({ organisation: ref, sentBy: ref }),
    to: z.object({ organisation: ref, unit: ref.nullable(), offer: ref.nullable() }),
    ackDeadline: z.object({ workingDays: z.number().int(), dueOn: date }),
    /** Not acknowledged and past the deadline day. */
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReferralSummary' });
export type ReferralSummary = z.infer<typeof referralSummary>;

export const referral = referralSummary
  .extend({
    reason: z.string(),
    rejectionReason: z.string().nullable(),
    attachments: z.array(referralAttachment),
    events: z.array(
      z.object({ status: referralStatus, at: z.string(), by: ref, note: z.string().nullable() }),
    ),
    /** What the reader may do next. */
    actions: z.array(z.enum(['acknowledge', 'accept', 'reject', 'complete'])),
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof referral>;

export const referralList = z
  .object({ box: z.enum(['sent', 'received']), items: z.array(referralSummary) })
  .meta({ id: 'ReferralList' });
export type ReferralList = z.infer<typeof referralList>;

export const referralCoverageQuery = z.strictObject({ toOrganisationId: uuid });
export const referralCoverage = z
  .object({
    familyId: uuid,
    toOrganisationId: uuid,
    /** Per category: whether a consent in force lets it go to the receiver (own_org: it stays inside). */
    categories: z.array(
      z.object({
        category: referralAttachableCategory,
        coveredBy: z.enum(['consent', 'own_org']).nullable(),
        consentId: uuid.nullable(),
        validTo: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ReferralCoverage' });
export type ReferralCoverage = z.infer<typeof referralCoverage>;
