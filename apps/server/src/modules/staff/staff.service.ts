import type { createStaffUserBody, StaffUser, updateStaffUserBody } from '@familiespor/contracts';
import type { StaffRole } from '@familiespor/domain';
import type { z } from 'zod';
import { requireOrgAdmin } from '../../access/admin-policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import type { Tx } from '../../db/scope';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { endSessionsOfStaffUser } from '../auth/auth.repo';
import { hashPassword } from '../auth/passwords';
import * as repo from './staff.repo';

const toStaffUser = (r: repo.StaffUserRow): StaffUser => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  email: r.email,
  title: r.title,
  active: r.active,
  roles: (r.roles ?? []) as StaffRole[],
  unitIds: r.unit_ids ?? [],
  hasPassword: Boolean(r.has_password),
  createdAt: r.created_at.toISOString(),
  deactivatedAt: r.deactivated_at?.toISOString() ?? null,
});

async function loadUser(tx: Tx, userId: string) {
  const user = await repo.findStaffUser(tx, userId);
  if (!user) throw new NotFoundError('The user');
  return user;
}

async function checkUnits(tx: Tx, orgId: string, unitIds: readonly string[]) {
  const known = await repo.unitsOfOrg(tx, orgId, unitIds);
  const errors = unitIds
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !known.has(id))
    .map(({ i }) => ({
      path: `unitIds.${i}`,
      code: 'invalid_reference',
      message: 'Unknown unit in this organisation',
    }));
  if (errors.length > 0) throw new InputError('Some units are not active units of the organisation', errors);
}

async function checkEmail(tx: Tx, email: string, exceptId?: string) {
  if (await repo.emailTaken(tx, email, exceptId)) {
    throw new ConflictError('The e-mail address is in use', [
      { path: 'email', code: 'taken', message: 'Another user has this e-mail address' },
    ]);
  }
}

/** Only the platform's operator hands out the operator role. */
function checkGrantable(ctx: RequestContext, roles: readonly StaffRole[], entityId: string | null) {
  const p = ctx.principal;
  if (roles.includes('platform_admin') && !(p?.kind === 'staff' && p.roles.includes('platform_admin'))) {
    throw new ForbiddenError({
      attempted: 'update',
      entityType: 'staff_user',
      entityId,
      reason: 'cannot grant platform_admin',
    });
  }
}

async function checkKeepsAnAdmin(tx: Tx, orgId: string, userId: string) {
  if ((await repo.countActiveAdmins(tx, orgId, userId)) === 0) {
    throw new ConflictError('The organisation would have no active administrator left');
  }
}

export async function listStaffUsers(
  deps: Deps,
  ctx: RequestContext,
  orgId: string,
  query: { includeInactive: boolean; search?: string | undefined },
) {
  return runUseCase(deps, ctx, async (tx) => {
    await requireOrgAdmin(tx, ctx, orgId, { attempted: 'read', entityType: 'staff_user' });
    const rows = await repo.listStaffUsers(tx, orgId, {
      includeInactive: query.includeInactive,
      ...(query.search ? { search: query.search } : {}),
    });
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'staff_user',
      orgId,
      purpose: 'administration',
      detail: { count: rows.length, search: Boolean(query.search) },
    });
    return rows.map(toStaffUser);
  });
}

export async function getStaffUser(deps: Deps, ctx: RequestContext, userId: string) {
  return runUseCase(deps, ctx, async (tx) => {
    const user = await loadUser(tx, userId);
    await requireOrgAdmin(tx, ctx, user.org_id, {
      attempted: 'read',
      entityType: 'staff_user',
      entityId: userId,
    });
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'staff_user',
      entityId: userId,
      orgId: user.org_id,
      purpose: 'administration',
    });
    return toStaffUser(user);
  });
}

export async function createStaffUser(
  deps: Deps,
  ctx: RequestContext,
  orgId: string,
  body: z.infer<typeof createStaffUserBody>,
) {
  // Hashing takes tens of milliseconds; do it before the transaction holds a connection.
  const passwordHash = body.password ? await hashPassword(body.password) : null;
  return runUseCase(deps, ctx, async (tx) => {
    await requireOrgAdmin(tx, ctx, orgId, { attempted: 'create', entityType: 'staff_user' });
    checkGrantable(ctx, body.roles, null);
    await checkUnits(tx, orgId, body.unitIds);
    await checkEmail(tx, body.email);
    const { id } = await repo.insertStaffUser(tx, {
      org_id: orgId,
      name: body.name,
      email: body.email.trim().toLowerCase(),
      title: body.title ?? null,
    });
    await repo.replaceRoles(tx, id, orgId, [...new Set(body.roles)]);
    await repo.replaceUnits(tx, id, orgId, [...new Set(body.unitIds)]);
    if (passwordHash) await repo.setPassword(tx, id, orgId, passwordHash);
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'staff_user',
      entityId: id,
      orgId,
      detail: { roles: body.roles, unitIds: body.unitIds, password: Boolean(passwordHash) },
    });
    return toStaffUser(await loadUser(tx, id));
  });
}

export async function updateStaffUser(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  body: z.infer<typeof updateStaffUserBody>,
) {
  return runUseCase(deps, ctx, async (tx) => {
    const user = await loadUser(tx, userId);
    await requireOrgAdmin(tx, ctx, user.org_id, {
      attempted: 'update',
      entityType: 'staff_user',
      entityId: userId,
    });
    if (body.email) await checkEmail(tx, body.email, userId);
    if (body.unitIds) await checkUnits(tx, user.org_id, body.unitIds);
    await repo.updateStaffUser(tx, userId, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.email !== undefined ? { email: body.email.trim().toLowerCase() } : {}),
      ...(body.title !== undefined ? { title: body.title } : {}),
      updated_at: ctx.now,
    });
    if (body.unitIds) await repo.replaceUnits(tx, userId, user.org_id, [...new Set(body.unitIds)]);
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'staff_user',
      entityId: userId,
      orgId: user.org_id,
      detail: { fields: Object.keys(body) },
    });
    return toStaffUser(await loadUser(tx, userId));
  });
}

export async function setStaffUserRoles(deps: Deps, ctx: RequestContext, userId: string, roles: StaffRole[]) {
  return runUseCase(deps, ctx, async (tx) => {
    const user = await loadUser(tx, userId);
    await requireOrgAdmin(tx, ctx, user.org_id, {
      attempted: 'update',
      entityType: 'staff_user',
      entityId: userId,
    });
    checkGrantable(ctx, roles, userId);
    const before = (user.roles ?? []) as StaffRole[];
    if (before.includes('org_admin') && !roles.includes('org_admin') && user.active) {
      await checkKeepsAnAdmin(tx, user.org_id, userId);
    }
    await repo.replaceRoles(tx, userId, user.org_id, [...new Set(roles)]);
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'staff_user',
      entityId: userId,
      orgId: user.org_id,
      detail: { change: 'roles', from: before, to: [...new Set(roles)].sort() },
    });
    return toStaffUser(await loadUser(tx, userId));
  });
}

/** Deactivation also ends every open session of the user at once. */
export async function deactivateStaffUser(deps: Deps, ctx: RequestContext, userId: string, reason: string) {
  return runUseCase(deps, ctx, async (tx) => {
    const user = await loadUser(tx, userId);
    const p = await requireOrgAdmin(tx, ctx, user.org_id, {
      attempted: 'update',
      entityType: 'staff_user',
      entityId: userId,
    });
    if (p.userId === userId) throw new ConflictError('You cannot deactivate yourself');
    if (!user.active) throw new ConflictError('The user is already deactivated');
    if ((user.roles ?? []).includes('org_admin')) await checkKeepsAnAdmin(tx, user.org_id, userId);
    await repo.updateStaffUser(tx, userId, { active: false, deactivated_at: ctx.now, updated_at: ctx.now });
    const ended = await endSessionsOfStaffUser(tx, userId, ctx.now);
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'staff_user',
      entityId: userId,
      orgId: user.org_id,
      detail: { change: 'deactivated', reason, sessionsEnded: ended },
    });
    return toStaffUser(await loadUser(tx, userId));
  });
}

export async function reactivateStaffUser(deps: Deps, ctx: RequestContext, userId: string) {
  return runUseCase(deps, ctx, async (tx) => {
    const user = await loadUser(tx, userId);
    await requireOrgAdmin(tx, ctx, user.org_id, {
      attempted: 'update',
      entityType: 'staff_user',
      entityId: userId,
    });
    if (user.active) throw new ConflictError('The user is active');
    await repo.updateStaffUser(tx, userId, { active: true, deactivated_at: null, updated_at: ctx.now });
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'staff_user',
      entityId: userId,
      orgId: user.org_id,
      detail: { change: 'reactivated' },
    });
    return toStaffUser(await loadUser(tx, userId));
  });
}
