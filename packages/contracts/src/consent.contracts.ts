import { consentableCategories, staffRoles } from '@familiespor/domain';
import { z } from 'zod';
import { category } from './auth.contracts';
import { uuid } from './common.contracts';
import { date } from './families.contracts';

export const consentableCategory = z.enum(consentableCategories);
export const consentStatuses = ['active', 'pending', 'expired', 'withdrawn'] as const;
const orgRef = z.object({ id: uuid, name: z.string() });
/** How a professional captured what the parent said: a signed form or a conversation. */
const staffCapture = z.enum(['paper', 'verbal']);

export const grantConsentBody = z
  .strictObject({
    familyId: uuid,
    grantedByPersonId: uuid
      .optional()
      .describe('The parent with custody who gives the consent; a parent in the portal gives it themself'),
    categories: z.array(consentableCategory).min(1).max(consentableCategories.length),
    fromOrgId: uuid.describe('The organisation whose records may be shared'),
    toOrgId: uuid.describe('The organisation that may see them'),
    purpose: z.string().trim().min(3).max(500),
    validFrom: date.optional().describe('Calendar date; today when left out'),
    validTo: date.describe('The last day the consent covers (at most three years ahead)'),
    capturedHow: staffCapture
      .optional()
      .describe(
        'Staff only: the parent signed a form (paper) or said so (verbal); the portal records "portal"',
      ),
  })
  .meta({ id: 'GrantConsentBody' });
export type GrantConsentBody = z.infer<typeof grantConsentBody>;

export const withdrawConsentBody = z
  .strictObject({
    withdrawnByPersonId: uuid.optional().describe('Staff only: the parent who withdrew it'),
    capturedHow: staffCapture.optional().describe('Staff only: how the parent withdrew it'),
  })
  .meta({ id: 'WithdrawConsentBody' });
export type WithdrawConsentBody = z.infer<typeof withdrawConsentBody>;

export const consent = z
  .object({
    id: uuid,
    familyId: uuid,
    categories: z.array(consentableCategory),
    from: orgRef,
    to: orgRef,
    purpose: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    status: z.enum(consentStatuses),
    grantedBy: z.object({ personId: uuid, name: z.string() }),
    capturedHow: z.enum(['portal', 'paper', 'verbal']),
    capturedAt: z.string(),
    capturedBy: z.object({ id: uuid, name: z.string() }).nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawnHow: z.enum(['portal', 'paper', 'verbal']).nullable(),
    withdrawnBy: z.object({ kind: z.enum(['parent', 'staff']), name: z.string() }).nullable(),
  })
  .meta({ id: 'Consent' });
export type Consent = z.infer<typeof consent>;

export const consentOverview = z
  .object({
    familyId: uuid,
    consents: z.array(consent).describe('Newest first: active, pending, expired and withdrawn'),
    organisations: z
      .array(orgRef.extend({ kind: z.enum(['municipality', 'region', 'ngo', 'housing_social']) }))
      .describe('Organisations a consent can name: the family’s, those working with it, and partners'),
    parents: z.array(z.object({ personId: uuid, name: z.string(), custody: z.boolean() })),
  })
  .meta({ id: 'ConsentOverview' });
export type ConsentOverview = z.infer<typeof consentOverview>;

export const myConsentsQuery = z.strictObject({ familyId: uuid.optional() });

export const accessLogQuery = z.strictObject({
  familyId: uuid.optional(),
  cursor: z.string().regex(/^\d+$/).max(18).optional().describe('From the previous page’s nextCursor'),
  limit: z.coerce.number().int().min(1).max(100).default(50).describe('Rows (not events) per page'),
});

export const accessBases = ['own_org', 'consent', 'legal_basis', 'break_the_glass', 'self'] as const;

/**
 * One row of "Hvem har set mine data". Repeated reads by the same professional of the same kind
 * of record, from the same organisation's data on the same basis, within a short span of one day,
 * are one row with how many times and from when to when. A change (anything but a read) and any
 * use of emergency access (break-the-glass) is always a row of its own.
 */
export const accessLogEntry = z
  .object({
    id: z.string().describe('The newest event of the row; rows are ordered by it'),
    occurredAt: z.string().describe('When the newest event of the row happened'),
    firstOccurredAt: z.string().describe('When the first event of the row happened (= occurredAt for one)'),
    count: z.number().int().min(1).describe('How many events the row stands for'),
    actor: z.object({
      name: z.string(),
      roles: z.array(z.enum(staffRoles)),
      organisation: orgRef.nullable(),
    }),
    action: z.enum(['read', 'create', 'update', 'delete', 'execute']),
    entityType: z.string().describe('What was read or changed, e.g. family, family_timeline, screening'),
    categories: z.array(category).describe('The record categories the events relied on, if they named any'),
    dataOrganisation: orgRef.nullable().describe('Whose records they were'),
    basis: z.enum(accessBases).nullable(),
    purposes: z.array(z.string()).describe('Why the professional looked, as the events recorded it'),
    consentId: uuid.nullable(),
    breakGlassReason: z.string().nullable(),
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof accessLogEntry>;

export const accessLogPage = z
  .object({ familyId: uuid, entries: z.array(accessLogEntry), nextCursor: z.string().nullable() })
  .meta({ id: 'AccessLogPage' });
export type AccessLogPage = z.infer<typeof accessLogPage>;
