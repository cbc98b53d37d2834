import type { Tx } from '../db/scope';

export async function findAccessRules(tx: Tx, orgId: string) {
  return tx
    .selectFrom('access_rule')
    .select(['role', 'category', 'level'])
    .where('org_id', '=', orgId)
    .execute();
}

export async function upsertAccessRule(
  tx: Tx,
  row: { org_id: string; role: string; category: string; level: string },
) {
  await tx
    .insertInto('access_rule')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'role', 'category']).doUpdateSet({ level: row.level, updated_at: new Date() }),
    )
    .execute();
}

export async function deleteAccessRule(tx: Tx, key: { org_id: string; role: string; category: string }) {
  await tx
    .deleteFrom('access_rule')
    .where('org_id', '=', key.org_id)
    .where('role', '=', key.role)
    .where('category', '=', key.category)
    .execute();
}

/** Called with row-level security lifted: the policy must learn the owner before deciding. */
export async function findFamilyOwner(tx: Tx, familyId: string) {
  return tx
    .selectFrom('family')
    .select(['id', 'org_id', 'district_unit_id'])
    .where('id', '=', familyId)
    .executeTakeFirst();
}

export async function findActiveBreakGlass(tx: Tx, staffUserId: string, familyId: string, now: Date) {
  return tx
    .selectFrom('break_glass_grant')
    .select(['id', 'expires_at'])
    .where('staff_user_id', '=', staffUserId)
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('expires_at', 'desc')
    .executeTakeFirst();
}

export async function insertBreakGlass(
  tx: Tx,
  row: {
    org_id: string;
    staff_user_id: string;
    family_id: string;
    reason: string;
    granted_at: Date;
    expires_at: Date;
  },
) {
  return tx.insertInto('break_glass_grant').values(row).returning('id').executeTakeFirstOrThrow();
}

const grantColumns = [
  'g.id',
  'g.org_id',
  'g.staff_user_id',
  'u.name as staff_user_name',
  'g.family_id',
  'g.reason',
  'g.granted_at',
  'g.expires_at',
  'g.revoked_at',
  'g.reviewed_at',
  'r.name as reviewed_by_name',
  'g.review_note',
] as const;

export async function listBreakGlass(tx: Tx, orgId: string, onlyUnreviewed: boolean) {
  let q = tx
    .selectFrom('break_glass_grant as g')
    .innerJoin('staff_user as u', 'u.id', 'g.staff_user_id')
    .leftJoin('staff_user as r', 'r.id', 'g.reviewed_by')
    .select(grantColumns)
    .where('g.org_id', '=', orgId);
  if (onlyUnreviewed) q = q.where('g.reviewed_at', 'is', null);
  return q.orderBy('g.granted_at', 'desc').limit(500).execute();
}

export async function findBreakGlass(tx: Tx, id: string) {
  return tx
    .selectFrom('break_glass_grant as g')
    .innerJoin('staff_user as u', 'u.id', 'g.staff_user_id')
    .leftJoin('staff_user as r', 'r.id', 'g.reviewed_by')
    .select(grantColumns)
    .where('g.id', '=', id)
    .executeTakeFirst();
}

export async function markBreakGlassReviewed(
  tx: Tx,
  id: string,
  review: { reviewed_at: Date; reviewed_by: string; review_note: string; review_justified: boolean },
) {
  await tx.updateTable('break_glass_grant').set(review).where('id', '=', id).execute();
}

export async function revokeBreakGlass(tx: Tx, id: string, at: Date) {
  await tx.updateTable('break_glass_grant').set({ revoked_at: at }).where('id', '=', id).execute();
}
