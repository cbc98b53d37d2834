import type { breakGlassBody, breakGlassGrant, updateAccessMatrixBody } from '@familiespor/contracts';
import {
  type AccessLevel,
  breakGlassExpiry,
  categories,
  configurationOnlyRoles,
  defaultAccessMatrix,
  isTightening,
  staffRoles,
} from '@familiespor/domain';
import type { z } from 'zod';
import * as accessRepo from '../../access/access.repo';
import { requireOrgAdmin, requireOwnOrgRole, requireStaff } from '../../access/admin-policy';
import { loadMatrix } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem } from '../../db/scope';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';

export async function getAccessMatrix(deps: Deps, ctx: RequestContext, orgId: string) {
  return runUseCase(deps, ctx, async (tx) => {
    requireOwnOrgRole(ctx, orgId, ['org_admin', 'programme_lead'], {
      attempted: 'read',
      entityType: 'access_rule',
    });
    const matrix = await loadMatrix(tx, orgId);
    return {
      orgId,
      entries: staffRoles.flatMap((role) =>
        categories.map((category) => ({
          role,
          category,
          level: matrix[role][category],
          defaultLevel: defaultAccessMatrix[role][category],
        })),
      ),
    };
  });
}

/**
 * An organisation may tighten the matrix, never widen it. Setting a cell back to its
 * default removes the organisation's override.
 */
export async function updateAccessMatrix(
  deps: Deps,
  ctx: RequestContext,
  orgId: string,
  body: z.infer<typeof updateAccessMatrixBody>,
) {
  await runUseCase(deps, ctx, async (tx) => {
    await requireOrgAdmin(tx, ctx, orgId, { attempted: 'update', entityType: 'access_rule' });
    const errors = body.entries.flatMap((e, i) =>
      isTightening(defaultAccessMatrix[e.role][e.category], e.level)
        ? []
        : [
            {
              path: `entries.${i}.level`,
              code: 'widens_default',
              message: 'An organisation may only tighten the default',
            },
          ],
    );
    if (errors.length > 0) throw new InputError('Some entries would widen access', errors);
    for (const e of body.entries) {
      const key = { org_id: orgId, role: e.role, category: e.category };
      if (e.level === defaultAccessMatrix[e.role][e.category]) await accessRepo.deleteAccessRule(tx, key);
      else await accessRepo.upsertAccessRule(tx, { ...key, level: e.level });
    }
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'access_rule',
      orgId,
      detail: { entries: body.entries as { role: string; category: string; level: AccessLevel }[] },
    });
  });
  return getAccessMatrix(deps, ctx, orgId);
}

type GrantRow = NonNullable<Awaited<ReturnType<typeof accessRepo.findBreakGlass>>>;
const toGrant = (g: GrantRow): z.infer<typeof breakGlassGrant> => ({
  id: g.id,
  orgId: g.org_id,
  staffUserId: g.staff_user_id,
  staffUserName: g.staff_user_name,
  familyId: g.family_id,
  reason: g.reason,
  grantedAt: g.granted_at.toISOString(),
  expiresAt: g.expires_at.toISOString(),
  reviewedAt: g.reviewed_at?.toISOString() ?? null,
  reviewedByName: g.reviewed_by_name,
  reviewNote: g.review_note,
  revokedAt: g.revoked_at?.toISOString() ?? null,
});

/**
 * Break-the-glass (DESIGN §4): access to a family the user has no relationship with, for a
 * stated reason, for four hours, flagged for the programme lead's review.
 */
export async function breakTheGlass(deps: Deps, ctx: RequestContext, body: z.infer<typeof breakGlassBody>) {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, {
      attempted: 'execute',
      entityType: 'break_glass_grant',
      familyId: body.familyId,
    });
    if (p.roles.every((r) => configurationOnlyRoles.includes(r))) {
      throw new ForbiddenError({
        attempted: 'execute',
        entityType: 'break_glass_grant',
        familyId: body.familyId,
        reason: 'role works with configuration and aggregates only',
      });
    }
    const family = await asSystem(tx, () => accessRepo.findFamilyOwner(tx, body.familyId));
    if (!family) throw new NotFoundError('The family');
    const active = await accessRepo.findActiveBreakGlass(tx, p.userId, body.familyId, ctx.now);
    if (active)
      throw new ConflictError(`You already have emergency access until ${active.expires_at.toISOString()}`);
    const { id } = await accessRepo.insertBreakGlass(tx, {
      org_id: p.orgId,
      staff_user_id: p.userId,
      family_id: body.familyId,
      reason: body.reason,
      granted_at: ctx.now,
      expires_at: breakGlassExpiry(ctx.now),
    });
    await writeAudit(tx, ctx, {
      action: 'execute',
      entityType: 'break_glass_grant',
      entityId: id,
      familyId: body.familyId,
      dataOrgId: family.org_id,
      basis: 'break_the_glass',
      detail: { flagged: true },
    });
    const grant = await accessRepo.findBreakGlass(tx, id);
    return toGrant(grant as GrantRow);
  });
}

/** Ends an emergency access early: by the user who holds it (done) or the programme lead. */
export async function revokeBreakGlass(deps: Deps, ctx: RequestContext, grantId: string) {
  return runUseCase(deps, ctx, async (tx) => {
    const grant = await accessRepo.findBreakGlass(tx, grantId);
    if (!grant) throw new NotFoundError('The emergency access');
    const p = requireStaff(ctx, { attempted: 'update', entityType: 'break_glass_grant', entityId: grantId });
    if (grant.staff_user_id !== p.userId) {
      requireOwnOrgRole(ctx, grant.org_id, ['programme_lead'], {
        attempted: 'update',
        entityType: 'break_glass_grant',
        entityId: grantId,
      });
    }
    if (grant.revoked_at || grant.expires_at <= ctx.now)
      throw new ConflictError('The emergency access has ended already');
    await accessRepo.revokeBreakGlass(tx, grantId, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'break_glass_grant',
      entityId: grantId,
      familyId: grant.family_id,
      detail: { revoked: true, byHolder: grant.staff_user_id === p.userId },
    });
    return toGrant((await accessRepo.findBreakGlass(tx, grantId)) as GrantRow);
  });
}

export async function listBreakGlass(deps: Deps, ctx: RequestContext, status: 'unreviewed' | 'all') {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'break_glass_grant' });
    requireOwnOrgRole(ctx, p.orgId, ['programme_lead'], {
      attempted: 'read',
      entityType: 'break_glass_grant',
    });
    const rows = await accessRepo.listBreakGlass(tx, p.orgId, status === 'unreviewed');
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'break_glass_grant',
      purpose: 'review',
      detail: { count: rows.length, status },
    });
    return rows.map(toGrant);
  });
}

export async function reviewBreakGlass(
  deps: Deps,
  ctx: RequestContext,
  grantId: string,
  review: { note: string; justified: boolean },
) {
  return runUseCase(deps, ctx, async (tx) => {
    const grant = await accessRepo.findBreakGlass(tx, grantId);
    if (!grant) throw new NotFoundError('The emergency access');
    const p = requireOwnOrgRole(ctx, grant.org_id, ['programme_lead'], {
      attempted: 'update',
      entityType: 'break_glass_grant',
      entityId: grantId,
    });
    if (grant.staff_user_id === p.userId)
      throw new ConflictError('You cannot review your own emergency access');
    if (grant.reviewed_at) throw new ConflictError('The emergency access has been reviewed already');
    await accessRepo.markBreakGlassReviewed(tx, grantId, {
      reviewed_at: ctx.now,
      reviewed_by: p.userId,
      review_note: review.note,
      review_justified: review.justified,
    });
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'break_glass_grant',
      entityId: grantId,
      familyId: grant.family_id,
      detail: { reviewed: true, justified: review.justified },
    });
    return toGrant((await accessRepo.findBreakGlass(tx, grantId)) as GrantRow);
  });
}
