import type { StaffRole } from '@familiespor/domain';
import { sql } from 'kysely';
import type { StaffPrincipal } from '../access/request-context';
import type { Tx } from '../db/scope';
import type { SyntheticSetting } from './synthetic-families';

/** The staff user the operator acts as (`--as`), with the same roles and units a login would give. */
export async function findStaffPrincipal(tx: Tx, email: string): Promise<StaffPrincipal | null> {
  const user = await tx
    .selectFrom('staff_user')
    .select(['id', 'org_id'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) return null;
  const roles = await tx
    .selectFrom('staff_user_role')
    .select('role')
    .where('staff_user_id', '=', user.id)
    .execute();
  const units = await tx
    .selectFrom('staff_user_unit')
    .select('unit_id')
    .where('staff_user_id', '=', user.id)
    .execute();
  return {
    kind: 'staff',
    userId: user.id,
    orgId: user.org_id,
    roles: roles.map((r) => r.role as StaffRole),
    unitIds: units.map((u) => u.unit_id),
    sessionId: 'cli',
  };
}

/** The demo municipality's districts and staff, for generating synthetic families into it. */
export async function findDemoSetting(tx: Tx): Promise<SyntheticSetting | null> {
  const orgs = await tx
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('name', 'in', ['Demo Kommune', 'Region Demo'])
    .execute();
  const kommune = orgs.find((o) => o.name === 'Demo Kommune');
  const region = orgs.find((o) => o.name === 'Region Demo');
  if (!kommune || !region) return null;
  const districts = await tx
    .selectFrom('unit')
    .select(['id'])
    .where('org_id', '=', kommune.id)
    .where('kind', '=', 'district')
    .where('service', '=', 'health_visiting')
    .execute();
  const out: SyntheticSetting['districts'] = [];
  for (const d of districts) {
    const postcodes = await tx
      .selectFrom('district_postcode')
      .select('postcode')
      .where('unit_id', '=', d.id)
      .execute();
    const hvs = await tx
      .selectFrom('staff_user_unit as su')
      .innerJoin('staff_user_role as r', 'r.staff_user_id', 'su.staff_user_id')
      .select('su.staff_user_id')
      .where('su.unit_id', '=', d.id)
      .where('r.role', '=', 'health_visitor')
      .execute();
    out.push({
      unitId: d.id,
      postcodes: postcodes.map((p) => p.postcode),
      healthVisitorIds: hvs.map((h) => h.staff_user_id),
    });
  }
  const midwifery = await tx
    .selectFrom('unit')
    .select('id')
    .where('org_id', '=', region.id)
    .where('service', '=', 'midwifery')
    .executeTakeFirst();
  const midwives = await tx
    .selectFrom('staff_user_role')
    .select('staff_user_id')
    .where('org_id', '=', region.id)
    .where('role', '=', 'midwife')
    .execute();
  return {
    municipalityId: kommune.id,
    regionId: region.id,
    midwiferyUnitId: midwifery?.id ?? null,
    midwifeIds: midwives.map((m) => m.staff_user_id),
    birthplace: 'Fødeafdelingen, Demo Hospital',
    districts: out.filter((d) => d.postcodes.length > 0),
  };
}
