import { handoverTransitions } from '@familiespor/domain';
import { z } from 'zod';
import { uuid } from './common.contracts';
import { date } from './families.contracts';

/** Handovers at transitions (step 6): health visiting → daycare, → the specialised children's area. */

export const handoverTransition = z.enum(handoverTransitions);
export const handoverStatuses = ['sent', 'acknowledged'] as const;

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ]{8,16}$/, 'Use digits, e.g. +45 12 34 56 78');
const longText = z.string().trim().max(4000);

export const handoverContact = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** e.g. "Sundhedsplejerske", "Fysioterapeut", "Egen læge". */
  role: z.string().trim().min(1).max(100),
  phone: phone.nullable().default(null),
  email: z.email().max(254).nullable().default(null),
});

export const handoverContent = z.strictObject({
  /** What the child and the family need. */
  needs: longText.default(''),
  /** Agreements made with the family (e.g. a gradual start, the health visitor's last visit). */
  agreements: longText.default(''),
  contacts: z.array(handoverContact).max(20).default([]),
  freeText: longText.default(''),
});
export type HandoverContentInput = z.input<typeof handoverContent>;

/**
 * The parents' consent, recorded by the sender on the handover itself: needed when the receiver
 * is in the sender's own organisation (the consent register holds consents between two
 * organisations only); a handover to another organisation goes on a consent in that register.
 */
export const handoverParentConsent = z.strictObject({
  grantedByPersonId: uuid,
  capturedHow: z.enum(['paper', 'verbal']),
});

export const createHandoverBody = z.strictObject({
  familyId: uuid,
  childPersonId: uuid,
  transition: handoverTransition,
  receivingUnitId: uuid,
  startDate: date,
  content: handoverContent,
  parentConsent: handoverParentConsent.optional(),
});
export type CreateHandoverBody = z.infer<typeof createHandoverBody>;

const ref = z.object({ id: uuid, name: z.string() });

export const handoverSummary = z
  .object({
    id: uuid,
    familyId: uuid,
    transition: handoverTransition,
    status: z.enum(handoverStatuses),
    startDate: date,
    child: z.object({ personId: uuid, name: z.string(), birthDate: z.string().nullable() }),
    from: z.object({ organisation: ref, sentBy: ref }),
    to: z.object({ organisation: ref, unit: ref }),
    sentAt: z.string(),
    acknowledgedAt: z.string().nullable(),
  })
  .meta({ id: 'HandoverSummary' });
export type HandoverSummary = z.infer<typeof handoverSummary>;

/** The whole handover: what the receiver reads, and nothing else of the family. */
export const handover = handoverSummary
  .extend({
    /** The parents' names and contacts as handed over (a copy made when it was sent). */
    parents: z.array(
      z.object({
        role: z.string(),
        name: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
      }),
    ),
    content: z.object({
      needs: z.string(),
      agreements: z.string(),
      contacts: z.array(
        z.object({
          name: z.string(),
          role: z.string(),
          phone: z.string().nullable(),
          email: z.string().nullable(),
        }),
      ),
      freeText: z.string(),
    }),
    sender: z.object({
      id: uuid,
      name: z.string(),
      title: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    acknowledgedBy: ref.nullable(),
  })
  .meta({ id: 'Handover' });
export type Handover = z.infer<typeof handover>;

export const listHandoversQuery = z.strictObject({
  /** received: handed over to one of my units; sent: handed over by me. */
  box: z.enum(['received', 'sent']).default('received'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListHandoversQuery = z.infer<typeof listHandoversQuery>;

export const handoverPage = z
  .object({ total: z.number().int(), items: z.array(handoverSummary) })
  .meta({ id: 'HandoverPage' });
export type HandoverPage = z.infer<typeof handoverPage>;

export const handoverReceiversQuery = z.strictObject({ familyId: uuid, transition: handoverTransition });

/**
 * A unit that can receive the transition, and how the parents' consent is given: a consent in
 * force in the register (another organisation), or recorded on the handover (the own organisation).
 */
export const handoverReceiver = z.object({
  id: uuid,
  name: z.string(),
  organisation: ref,
  consent: z.enum(['in_force', 'record_on_handover']),
});
export type HandoverReceiver = z.infer<typeof handoverReceiver>;
