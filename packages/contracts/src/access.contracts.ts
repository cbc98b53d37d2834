import { breakGlassMinReasonLength } from '@familiespor/domain';
import { z } from 'zod';
import { uuid } from './common.contracts';

export const breakGlassBody = z.strictObject({
  familyId: uuid,
  reason: z.string().trim().min(breakGlassMinReasonLength).max(2000),
});
export const breakGlassGrant = z
  .object({
    id: uuid,
    orgId: uuid,
    staffUserId: uuid,
    staffUserName: z.string(),
    familyId: uuid,
    reason: z.string(),
    grantedAt: z.string(),
    expiresAt: z.string(),
    reviewedAt: z.string().nullable(),
    reviewedByName: z.string().nullable(),
    reviewNote: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'BreakGlassGrant' });
export const reviewBreakGlassBody = z.strictObject({
  note: z.string().trim().min(3).max(2000),
  justified: z.boolean(),
});
export const breakGlassListQuery = z.strictObject({
  status: z.enum(['unreviewed', 'all']).default('unreviewed'),
});
