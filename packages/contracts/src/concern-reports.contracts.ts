import { z } from 'zod';
import { uuid } from './common.contracts';
import { cpr, date } from './families.contracts';

/** Concern reports (underretning, Barnets lov § 133), step 6. */

export const parentsInformedAnswers = ['yes', 'no', 'unknown'] as const;
export const concernUrgencies = ['acute', 'urgent', 'normal'] as const;
export const deadlineStates = ['open', 'overdue', 'done', 'done_late'] as const;
export const childAssessmentDecisions = ['started', 'not_started'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{8,16}$/, 'Use digits, e.g. +45 12 34 56 78');

/**
 * A child (or unborn child) not known in Familiespor, identified as the sender can: the name
 * (for an unborn child the expecting mother's), CPR or birth date if known, the address, and
 * the municipality the report goes to.
 */
export const unregisteredSubject = z.strictObject({
  unborn: z.boolean(),
  name: text(200),
  cpr: cpr.optional(),
  birthDate: date.optional(),
  dueDate: date.optional(),
  address: text(300),
  municipalityOrgId: uuid,
});

export const createConcernReportBody = z
  .strictObject({
    familyId: uuid.optional(),
    childPersonId: uuid.optional(),
    pregnancyId: uuid.optional(),
    unregistered: unregisteredSubject.optional(),
    worry: z.string().trim().min(10).max(5000),
    observations: z.string().trim().min(10).max(5000),
    parentsInformed: z.enum(parentsInformedAnswers),
    urgency: z.enum(concernUrgencies),
    senderContact: z.strictObject({
      phone: phone.optional(),
      email: z.email().max(254).optional(),
    }),
  })
  .superRefine((b, ctx) => {
    const subjects = [b.childPersonId, b.pregnancyId, b.unregistered].filter((s) => s !== undefined);
    if (subjects.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['subject'],
        message:
          subjects.length === 0
            ? 'A concern report is about a child or an unborn child: give childPersonId, pregnancyId or unregistered'
            : 'Give only one of childPersonId, pregnancyId and unregistered',
      });
    }
    if ((b.childPersonId || b.pregnancyId) && !b.familyId) {
      ctx.addIssue({ code: 'custom', path: ['familyId'], message: 'The family of the child or pregnancy' });
    }
    if (b.unregistered && b.familyId) {
      ctx.addIssue({
        code: 'custom',
        path: ['familyId'],
        message: 'A family known in Familiespor is named by childPersonId or pregnancyId',
      });
    }
    if (!b.senderContact.phone && !b.senderContact.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['senderContact', 'phone'],
        message: 'The caseworker needs a phone number or an e-mail address to reach the sender',
      });
    }
  });
export type CreateConcernReportBody = z.infer<typeof createConcernReportBody>;

const ref = z.object({ id: uuid, name: z.string() });
const recipient = z.object({ organisation: ref, unit: ref.nullable() });

/** What the sender learns: that it was received (the receipt) and whether a § 20 assessment began. */
export const sentConcernReport = z
  .object({
    id: uuid,
    sentAt: z.string(),
    recipient,
    /** What the sender typed for a child not known in Familiespor; null otherwise. */
    subject: z.object({ unborn: z.boolean(), name: z.string().nullable() }),
    /** The Danish date the receipt was sent to the sender; null until then. */
    receiptOn: date.nullable(),
    childAssessment: z.enum(childAssessmentDecisions).nullable(),
  })
  .meta({ id: 'SentConcernReport' });
export type SentConcernReport = z.infer<typeof sentConcernReport>;

export const concernRecipient = recipient.meta({ id: 'ConcernRecipient' });
export type ConcernRecipient = z.infer<typeof concernRecipient>;

export const concernDeadlinesOut = z.object({
  /** 24 hours after receipt, on the clock. */
  assessment: z.object({ dueAt: z.string(), state: z.enum(deadlineStates) }),
  /** 6 working days after the Danish date of receipt. */
  receipt: z.object({ dueOn: date, state: z.enum(deadlineStates) }),
  overdue: z.boolean(),
});

/** The receiving caseworker's view of one report. */
export const concernReport = z
  .object({
    id: uuid,
    receivedAt: z.string(),
    urgency: z.enum(concernUrgencies),
    recipient,
    subject: z.object({
      unborn: z.boolean(),
      /** Known in Familiespor: the family's id; otherwise the sender's free identification. */
      familyId: uuid.nullable(),
      /** The child's name, or for an unborn child the expecting mother's. */
      name: z.string(),
      cprMasked: z.string().nullable(),
      /** Only from getConcernReport, the single report: lists show the masked number. */
      cpr: z.string().nullable().optional(),
      birthDate: date.nullable(),
      dueDate: date.nullable(),
      address: z.string().nullable(),
    }),
    sender: z.object({
      name: z.string(),
      title: z.string().nullable(),
      organisation: ref,
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    worry: z.string(),
    observations: z.string(),
    parentsInformed: z.enum(parentsInformedAnswers),
    deadlines: concernDeadlinesOut,
    assessment: z
      .object({ at: z.string(), by: ref, acuteRisk: z.boolean(), note: z.string().nullable() })
      .nullable(),
    receipt: z.object({ at: z.string(), by: ref }).nullable(),
    childAssessment: z
      .object({ decision: z.enum(childAssessmentDecisions), at: z.string(), by: ref })
      .nullable(),
  })
  .meta({ id: 'ConcernReport' });
export type ConcernReport = z.infer<typeof concernReport>;

export const listConcernReportsQuery = z.strictObject({
  /** open: something is still to do (assessment, receipt or the § 20 decision). */
  status: z.enum(['open', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListConcernReportsQuery = z.infer<typeof listConcernReportsQuery>;

export const concernInbox = z
  .object({
    counts: z.object({ open: z.number().int(), overdue: z.number().int() }),
    items: z.array(concernReport),
  })
  .meta({ id: 'ConcernInbox' });
export type ConcernInbox = z.infer<typeof concernInbox>;

export const assessConcernReportBody = z.strictObject({
  /** Is the child's health or development in danger, so that something must be done at once? */
  acuteRisk: z.boolean(),
  note: z.string().trim().max(5000).optional(),
});
export type AssessConcernReportBody = z.infer<typeof assessConcernReportBody>;

export const childAssessmentBody = z.strictObject({ started: z.boolean() });
export type ChildAssessmentBody = z.infer<typeof childAssessmentBody>;
