import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@familiespor/domain';
import type { Insertable, Kysely } from 'kysely';
import type { DB, FamilyMemberRole, OrganisationTable, UnitTable } from '../src/db/schema';
import { inScope } from '../src/db/scope';
import { hashPassword } from '../src/modules/auth/passwords';

/** Every factory-built name carries a unique suffix: tests share the PostgreSQL test database. */
export const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => {
  passwordHash ??= hashPassword(testPassword);
  return passwordHash;
};

export async function buildOrganisation(
  db: Kysely<DB>,
  overrides: Partial<Insertable<OrganisationTable>> = {},
) {
  const names = {
    municipality: 'Test Kommune',
    region: 'Region Test',
    ngo: 'Test NGO',
    housing_social: 'Test Boligsocialt',
  };
  return inScope(db, { kind: 'system' }, (tx) =>
    tx
      .insertInto('organisation')
      .values({
        kind: 'municipality',
        name: unique(names[overrides.kind ?? 'municipality']),
        municipality_code: null,
        ...overrides,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

export async function buildUnit(
  db: Kysely<DB>,
  orgId: string,
  overrides: Partial<Insertable<UnitTable>> = {},
) {
  return inScope(db, { kind: 'system' }, (tx) =>
    tx
      .insertInto('unit')
      .values({ org_id: orgId, kind: 'district', name: unique('Distrikt'), ...overrides })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

export type BuiltStaff = { id: string; orgId: string; email: string; password: string };

export async function buildStaffUser(
  db: Kysely<DB>,
  orgId: string,
  options: {
    roles?: StaffRole[];
    unitIds?: string[];
    email?: string;
    name?: string;
    password?: boolean;
  } = {},
): Promise<BuiltStaff> {
  const email = options.email ?? `${randomUUID().slice(0, 12)}@test.familiespor.dk`;
  const hash = options.password === false ? null : await testPasswordHash();
  const roles = options.roles ?? ['health_visitor'];
  const id = await inScope(db, { kind: 'system' }, async (tx) => {
    const { id } = await tx
      .insertInto('staff_user')
      .values({ org_id: orgId, email, name: options.name ?? unique('Medarbejder') })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (hash)
      await tx
        .insertInto('staff_credential')
        .values({ staff_user_id: id, org_id: orgId, password_hash: hash })
        .execute();
    await tx
      .insertInto('staff_user_role')
      .values(roles.map((role) => ({ staff_user_id: id, org_id: orgId, role })))
      .execute();
    for (const unit_id of options.unitIds ?? []) {
      await tx.insertInto('staff_user_unit').values({ staff_user_id: id, org_id: orgId, unit_id }).execute();
    }
    return id;
  });
  return { id, orgId, email, password: testPassword };
}

export type BuiltFamily = { id: string; orgId: string; parents: { personId: string; email: string }[] };

/** A family with two parents who can log in to the portal, in the given district. */
export async function buildFamily(
  db: Kysely<DB>,
  orgId: string,
  options: {
    districtUnitId?: string | null;
    parentRoles?: FamilyMemberRole[];
    /** CPR numbers of the parents, in the order of parentRoles (MitID login links by CPR). */
    parentCprs?: string[];
  } = {},
): Promise<BuiltFamily> {
  const hash = await testPasswordHash();
  return inScope(db, { kind: 'system' }, async (tx) => {
    const family = await tx
      .insertInto('family')
      .values({ org_id: orgId, district_unit_id: options.districtUnitId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const parents: BuiltFamily['parents'] = [];
    const roles = options.parentRoles ?? (['mother', 'father'] as FamilyMemberRole[]);
    for (const [i, role] of roles.entries()) {
      const email = `${role}-${randomUUID().slice(0, 8)}@test.familiespor.dk`;
      const person = await tx
        .insertInto('person')
        .values({
          given_name: role === 'mother' ? 'Test Mor' : 'Test Far',
          family_name: unique('Familie'),
          email,
          cpr: options.parentCprs?.[i] ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('parent_account')
        .values({ person_id: person.id, email, password_hash: hash })
        .execute();
      await tx
        .insertInto('family_member')
        .values({
          family_id: family.id,
          person_id: person.id,
          org_id: orgId,
          role,
          custody: true,
          first_time_parent: true,
        })
        .execute();
      parents.push({ personId: person.id, email });
    }
    return { id: family.id, orgId, parents };
  });
}
