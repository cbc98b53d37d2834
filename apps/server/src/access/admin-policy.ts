import type { StaffRole } from '@familiespor/domain';
import { type Tx, widenScope } from '../db/scope';
import { type DeniedAttempt, ForbiddenError } from '../errors';
import type { RequestContext, StaffPrincipal } from './request-context';

type Attempt = Omit<DeniedAttempt, 'reason'>;

function staffOf(ctx: RequestContext, attempt: Attempt): StaffPrincipal {
  const p = ctx.principal;
  if (p?.kind !== 'staff') throw new ForbiddenError({ ...attempt, reason: 'staff only' });
  return p;
}

/**
 * Configuration of an organisation: its own org_admin, or the platform's operator. A
 * platform admin acting on another organisation widens the row-level-security scope to it.
 */
export async function requireOrgAdmin(tx: Tx, ctx: RequestContext, orgId: string, attempt: Attempt) {
  const p = staffOf(ctx, attempt);
  if (p.roles.includes('org_admin') && p.orgId === orgId) return p;
  if (p.roles.includes('platform_admin')) {
    if (p.orgId !== orgId) await widenScope(tx, orgId);
    return p;
  }
  throw new ForbiddenError({
    ...attempt,
    dataOrgId: orgId,
    reason: 'requires org_admin of the organisation',
  });
}

export function requirePlatformAdmin(ctx: RequestContext, attempt: Attempt): StaffPrincipal {
  const p = staffOf(ctx, attempt);
  if (!p.roles.includes('platform_admin'))
    throw new ForbiddenError({ ...attempt, reason: 'requires platform_admin' });
  return p;
}

/** Any of the roles, within the user's own organisation. */
export function requireOwnOrgRole(
  ctx: RequestContext,
  orgId: string,
  roles: readonly StaffRole[],
  attempt: Attempt,
): StaffPrincipal {
  const p = staffOf(ctx, attempt);
  if (p.orgId === orgId && p.roles.some((r) => roles.includes(r))) return p;
  throw new ForbiddenError({ ...attempt, dataOrgId: orgId, reason: `requires one of ${roles.join(', ')}` });
}

export function requireStaff(ctx: RequestContext, attempt: Attempt): StaffPrincipal {
  return staffOf(ctx, attempt);
}
