import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { OrganisationTable, PartnershipTable, UnitTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

export async function listOrganisations(tx: Tx, includeInactive: boolean) {
  let q = tx.selectFrom('organisation').selectAll();
  if (!includeInactive) q = q.where('active', '=', true);
  return q.orderBy('name').execute();
}

export async function findOrganisation(tx: Tx, id: string) {
  return tx.selectFrom('organisation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function organisationNameTaken(tx: Tx, name: string, exceptId?: string): Promise<boolean> {
  let q = tx.selectFrom('organisation').select('id').where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function municipalityCodeTaken(tx: Tx, code: string, exceptId?: string): Promise<boolean> {
  let q = tx
    .selectFrom('organisation')
    .select('id')
    .where('kind', '=', 'municipality')
    .where('municipality_code', '=', code);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertOrganisation(tx: Tx, row: Insertable<OrganisationTable>) {
  return tx.insertInto('organisation').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrganisation(tx: Tx, id: string, patch: Updateable<OrganisationTable>) {
  return tx
    .updateTable('organisation')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listUnits(tx: Tx, orgId: string) {
  return tx.selectFrom('unit').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
}

export async function findUnit(tx: Tx, id: string) {
  return tx.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function unitNameTaken(
  tx: Tx,
  orgId: string,
  name: string,
  exceptId?: string,
): Promise<boolean> {
  let q = tx
    .selectFrom('unit')
    .select('id')
    .where('org_id', '=', orgId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase());
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function insertUnit(tx: Tx, row: Insertable<UnitTable>) {
  return tx.insertInto('unit').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateUnit(tx: Tx, id: string, patch: Updateable<UnitTable>) {
  return tx.updateTable('unit').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function listPartnerships(tx: Tx, orgId: string) {
  return tx
    .selectFrom('partnership')
    .selectAll()
    .where((eb) => eb.or([eb('municipality_org_id', '=', orgId), eb('partner_org_id', '=', orgId)]))
    .orderBy('created_at')
    .execute();
}

export async function findPartnership(tx: Tx, id: string) {
  return tx.selectFrom('partnership').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function partnershipExists(tx: Tx, municipalityOrgId: string, partnerOrgId: string) {
  const row = await tx
    .selectFrom('partnership')
    .select('id')
    .where('municipality_org_id', '=', municipalityOrgId)
    .where('partner_org_id', '=', partnerOrgId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPartnership(tx: Tx, row: Insertable<PartnershipTable>) {
  return tx.insertInto('partnership').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updatePartnership(tx: Tx, id: string, patch: Updateable<PartnershipTable>) {
  return tx
    .updateTable('partnership')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
