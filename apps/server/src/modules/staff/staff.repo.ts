import { type Insertable, sql, type Updateable } from 'kysely';
import type { StaffUserTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

const withRolesAndUnits = (tx: Tx) =>
  tx
    .selectFrom('staff_user as u')
    .select((eb) => [
      'u.id',
      'u.org_id',
      'u.name',
      'u.email',
      'u.title',
      'u.active',
      'u.created_at',
      'u.deactivated_at',
      eb
        .selectFrom('staff_user_role as r')
        .select(sql<string[]>`coalesce(array_agg(r.role ORDER BY r.role), '{}')`.as('roles'))
        .whereRef('r.staff_user_id', '=', 'u.id')
        .as('roles'),
      eb
        .selectFrom('staff_user_unit as su')
        .select(sql<string[]>`coalesce(array_agg(su.unit_id ORDER BY su.unit_id), '{}')`.as('unit_ids'))
        .whereRef('su.staff_user_id', '=', 'u.id')
        .as('unit_ids'),
      eb
        .exists(
          eb
            .selectFrom('staff_credential as c')
            .select('c.staff_user_id')
            .whereRef('c.staff_user_id', '=', 'u.id'),
        )
        .as('has_password'),
    ]);

export type StaffUserRow = NonNullable<Awaited<ReturnType<typeof findStaffUser>>>;

export async function findStaffUser(tx: Tx, id: string) {
  return withRolesAndUnits(tx).where('u.id', '=', id).executeTakeFirst();
}

export async function listStaffUsers(
  tx: Tx,
  orgId: string,
  opts: { includeInactive: boolean; search?: string },
) {
  let q = withRolesAndUnits(tx).where('u.org_id', '=', orgId);
  if (!opts.includeInactive) q = q.where('u.active', '=', true);
  if (opts.search) {
    const like = `%${opts.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb(sql`lower(u.name)`, 'like', like), eb(sql`lower(u.email)`, 'like', like)]));
  }
  return q.orderBy('u.name').limit(1000).execute();
}

export async function emailTaken(tx: Tx, email: string, exceptId?: string): Promise<boolean> {
  // Staff e-mails are unique platform-wide; the check must see other organisations' users.
  let q = tx.selectFrom('staff_user').select('id').where(sql<string>`lower(email)`, '=', email.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertStaffUser(tx: Tx, row: Insertable<StaffUserTable>) {
  return tx.insertInto('staff_user').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateStaffUser(tx: Tx, id: string, patch: Updateable<StaffUserTable>) {
  await tx.updateTable('staff_user').set(patch).where('id', '=', id).execute();
}

export async function setPassword(tx: Tx, staffUserId: string, orgId: string, passwordHash: string) {
  await tx
    .insertInto('staff_credential')
    .values({ staff_user_id: staffUserId, org_id: orgId, password_hash: passwordHash })
    .onConflict((oc) =>
      oc.column('staff_user_id').doUpdateSet({ password_hash: passwordHash, updated_at: new Date() }),
    )
    .execute();
}

export async function replaceRoles(tx: Tx, staffUserId: string, orgId: string, roles: readonly string[]) {
  await tx.deleteFrom('staff_user_role').where('staff_user_id', '=', staffUserId).execute();
  if (roles.length > 0) {
    await tx
      .insertInto('staff_user_role')
      .values(roles.map((role) => ({ staff_user_id: staffUserId, org_id: orgId, role })))
      .execute();
  }
}

export async function replaceUnits(tx: Tx, staffUserId: string, orgId: string, unitIds: readonly string[]) {
  await tx.deleteFrom('staff_user_unit').where('staff_user_id', '=', staffUserId).execute();
  if (unitIds.length > 0) {
    await tx
      .insertInto('staff_user_unit')
      .values(unitIds.map((unit_id) => ({ staff_user_id: staffUserId, org_id: orgId, unit_id })))
      .execute();
  }
}

export async function unitsOfOrg(tx: Tx, orgId: string, unitIds: readonly string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('unit')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', 'in', unitIds)
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function countActiveAdmins(tx: Tx, orgId: string, exceptUserId: string): Promise<number> {
  const row = await tx
    .selectFrom('staff_user_role as r')
    .innerJoin('staff_user as u', 'u.id', 'r.staff_user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.org_id', '=', orgId)
    .where('r.role', '=', 'org_admin')
    .where('u.active', '=', true)
    .where('u.id', '<>', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
