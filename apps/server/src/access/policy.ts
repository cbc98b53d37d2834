import {
  type AccessAction,
  type AccessOverride,
  type AccessQualifier,
  bestLevelFor,
  type Category,
  configurationOnlyRoles,
  effectiveMatrix,
} from '@familiespor/domain';
import { asSystem, type Tx, widenScope } from '../db/scope';
import { ForbiddenError } from '../errors';
import { findAccessRules, findActiveBreakGlass } from './access.repo';
import { hasRelationship } from './relationships';
import type { RequestContext, StaffPrincipal } from './request-context';

export type Basis = 'own_org' | 'consent' | 'legal_basis' | 'break_the_glass' | 'self';
export type Decision =
  | { allowed: true; basis: Basis; consentId?: string }
  | { allowed: false; reason: string };

export type AccessTarget = {
  orgId: string;
  category: Category;
  familyId?: string;
  qualifiers?: readonly AccessQualifier[];
};

/**
 * A way for another organisation's record to become readable: consent (step 6) and legal
 * bases such as the content attached to a referral. Each source answers for one request.
 */
export type CrossOrgBasisSource = (
  tx: Tx,
  principal: StaffPrincipal,
  action: AccessAction,
  target: AccessTarget,
  now: Date,
) => Promise<{ basis: 'consent' | 'legal_basis'; consentId?: string } | null>;

const crossOrgSources: CrossOrgBasisSource[] = [];

/** What parents write themselves: sign-ups for offers and the questionnaires they fill in. */
const parentWritable: readonly Category[] = ['course', 'screening'];
export function registerCrossOrgBasis(source: CrossOrgBasisSource): void {
  crossOrgSources.push(source);
}

export async function loadMatrix(tx: Tx, orgId: string) {
  const rules = await findAccessRules(tx, orgId);
  return effectiveMatrix(rules as AccessOverride[]);
}

async function crossOrgBasis(
  tx: Tx,
  p: StaffPrincipal,
  action: AccessAction,
  target: AccessTarget,
  now: Date,
) {
  for (const source of crossOrgSources) {
    const found = await asSystem(tx, () => source(tx, p, action, target, now));
    if (found) return found;
  }
  return null;
}

/**
 * The one question every read or write of a personal record asks (DESIGN §4, §9). An allowed
 * decision about another organisation's record widens the transaction's row-level-security
 * scope to that organisation; nothing else does.
 */
export async function decide(
  tx: Tx,
  ctx: RequestContext,
  action: AccessAction,
  target: AccessTarget,
): Promise<Decision> {
  const p = ctx.principal;
  if (!p) return { allowed: false, reason: 'not logged in' };

  if (p.kind === 'parent') {
    if (target.category === 'concern')
      return { allowed: false, reason: 'parents do not see concern reports' };
    if (!target.familyId || !p.familyIds.includes(target.familyId)) {
      return { allowed: false, reason: 'not the parent’s own family' };
    }
    if (action === 'write' && !parentWritable.includes(target.category)) {
      return { allowed: false, reason: 'parents read this category; professionals write it' };
    }
    await widenScope(tx, target.orgId);
    return { allowed: true, basis: 'self' };
  }

  if (p.roles.every((r) => configurationOnlyRoles.includes(r))) {
    return { allowed: false, reason: 'role works with configuration and aggregates only' };
  }
  const matrix = await loadMatrix(tx, p.orgId);
  const ownOrg = target.orgId === p.orgId;
  const qualifiers: AccessQualifier[] = [
    ...(target.qualifiers ?? []),
    ...(ownOrg ? (['own_org'] as const) : []),
  ];
  let verdict = bestLevelFor(matrix, p.roles, target.category, action, qualifiers);
  // "Own cases": a level that only covers the families the user works with. Whether this
  // family is one of them is the same question as the relationship (own organisation) or the
  // involvement (another organisation's family), so it is asked only when it matters.
  let crossOrg: Awaited<ReturnType<typeof crossOrgBasis>> | undefined;
  if (!verdict.allowed && target.familyId && !qualifiers.includes('own_case')) {
    const asCase = bestLevelFor(matrix, p.roles, target.category, action, [...qualifiers, 'own_case']);
    if (asCase.allowed) {
      let isCase: boolean;
      if (ownOrg) isCase = await hasRelationship(tx, p, target.familyId);
      else {
        crossOrg = await crossOrgBasis(tx, p, action, target, ctx.now);
        isCase = crossOrg !== null;
      }
      if (isCase) verdict = asCase;
    }
  }
  if (!verdict.allowed && !verdict.needsConsent) {
    return { allowed: false, reason: `no role may ${action} ${target.category}` };
  }

  if (verdict.allowed && ownOrg) {
    // Inside the organisation the relationship decides; consent and legal bases are about
    // records crossing organisations and never stand in for it.
    if (!target.familyId || (await hasRelationship(tx, p, target.familyId)))
      return { allowed: true, basis: 'own_org' };
  } else {
    // Another organisation's record, or a category the role may only see on consent.
    const other = crossOrg ?? (await crossOrgBasis(tx, p, action, target, ctx.now));
    if (other) {
      if (!ownOrg) await widenScope(tx, target.orgId);
      return {
        allowed: true,
        basis: other.basis,
        ...(other.consentId ? { consentId: other.consentId } : {}),
      };
    }
  }

  // Break-the-glass opens what the role may see anyway, never what the law keeps behind consent.
  if (target.familyId && verdict.allowed) {
    const grant = await asSystem(tx, () =>
      findActiveBreakGlass(tx, p.userId, target.familyId as string, ctx.now),
    );
    if (grant) {
      if (!ownOrg) await widenScope(tx, target.orgId);
      return { allowed: true, basis: 'break_the_glass' };
    }
  }
  // A "consent" cell inside the organisation stays closed: a consent names two organisations
  // (docs/consent.md), so only a legal basis a module gives for the record could open it.
  if (ownOrg && !verdict.allowed)
    return {
      allowed: false,
      reason: `${target.category} is shown to this role only on consent or a legal basis`,
    };
  return {
    allowed: false,
    reason: ownOrg ? 'no relationship to the family' : 'no consent or legal basis',
  };
}

/** `decide` that throws: the use-case runner records the denied attempt in the audit trail. */
export async function authorize(
  tx: Tx,
  ctx: RequestContext,
  action: AccessAction,
  target: AccessTarget & { entityType: string; entityId?: string },
): Promise<Extract<Decision, { allowed: true }>> {
  const decision = await decide(tx, ctx, action, target);
  if (!decision.allowed) {
    throw new ForbiddenError({
      attempted: action,
      entityType: target.entityType,
      entityId: target.entityId ?? null,
      familyId: target.familyId ?? null,
      dataOrgId: target.orgId,
      reason: decision.reason,
    });
  }
  return decision;
}
