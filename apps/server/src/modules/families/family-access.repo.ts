import type { Tx } from '../../db/scope';

export async function isActiveCoordinator(tx: Tx, staffUserId: string, familyId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('coordinator_assignment')
    .select('id')
    .where('family_id', '=', familyId)
    .where('staff_user_id', '=', staffUserId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function unitIsInvolved(tx: Tx, unitIds: readonly string[], familyId: string): Promise<boolean> {
  if (unitIds.length === 0) return false;
  const row = await tx
    .selectFrom('involvement')
    .select('id')
    .where('family_id', '=', familyId)
    .where('unit_id', 'in', unitIds)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function orgIsInvolved(tx: Tx, orgId: string, familyId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('involvement')
    .select('id')
    .where('family_id', '=', familyId)
    .where('org_id', '=', orgId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A consent in force now that lets `category` flow from `fromOrgId` to `toOrgId` for this family.
 * The latest captured wins; its end date is what a referral shows as how long it is covered.
 */
export async function findConsentInForce(
  tx: Tx,
  q: { familyId: string; fromOrgId: string; toOrgId: string; category: string; now: Date },
) {
  return tx
    .selectFrom('consent')
    .select(['id', 'valid_to'])
    .where('family_id', '=', q.familyId)
    .where('from_org_id', '=', q.fromOrgId)
    .where('to_org_id', '=', q.toOrgId)
    .where((eb) => eb(eb.val(q.category), '=', eb.fn.any('categories')))
    .where('withdrawn_at', 'is', null)
    .where('valid_from', '<=', q.now)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', q.now)]))
    .orderBy('captured_at', 'desc')
    .executeTakeFirst();
}
