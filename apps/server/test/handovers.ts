import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema';
import { inScope } from '../src/db/scope';
import type { CareSetting } from './care-setting';
import { buildOrganisation, buildStaffUser, buildUnit, unique } from './factories';
import type { TestEnv } from './harness';
import type { familyWithNewborn } from './health-visiting';
import { login } from './http';

// ---- Handover helpers: the receiving side, the parents' consent, the rows written ------------

export type Newborn = Awaited<ReturnType<typeof familyWithNewborn>>;

/** A parent's consent as the consent module (or a paper form) records it, inserted as the system. */
export async function grantConsent(
  db: Kysely<DB>,
  f: Newborn,
  row: { fromOrgId: string; toOrgId: string; categories?: string[]; at: Date },
) {
  return inScope(db, { kind: 'system' }, (tx) =>
    tx
      .insertInto('consent')
      .values({
        family_id: f.familyId,
        family_org_id: f.family.organisation.id,
        granted_by_person_id: f.motherId,
        categories: row.categories ?? ['handover'],
        from_org_id: row.fromOrgId,
        to_org_id: row.toOrgId,
        purpose: 'Overlevering til dagtilbud',
        valid_from: new Date(row.at.getTime() - 86_400_000),
        captured_how: 'paper',
        captured_at: row.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
}

/** The handover rows of a family as they are stored, read as the system. */
export async function handoverRows(db: Kysely<DB>, familyId: string) {
  return inScope(db, { kind: 'system' }, (tx) =>
    tx.selectFrom('handover').selectAll().where('family_id', '=', familyId).execute(),
  );
}

/**
 * The receivers: a daycare (in a department) with its educator, another daycare's educator, and
 * another municipality's Børn og Familie with a caseworker — a handover there crosses organisations.
 */
export async function buildReceivers(env: TestEnv, s: CareSetting) {
  const db = env.database.db;
  const department = await buildUnit(db, s.municipality.id, {
    kind: 'department',
    name: unique('Dagtilbud'),
    service: 'daycare',
  });
  const daycare = await buildUnit(db, s.municipality.id, {
    kind: 'daycare',
    name: unique('Børnehuset Mælkebøtten'),
    service: 'daycare',
    parent_unit_id: department.id,
  });
  const otherDaycare = await buildUnit(db, s.municipality.id, {
    kind: 'daycare',
    name: unique('Vuggestuen Solsikken'),
    service: 'daycare',
  });
  const user = await buildStaffUser(db, s.municipality.id, {
    roles: ['daycare_educator'],
    unitIds: [daycare.id],
  });
  const educatorId = user.id;
  const educator = await login(env.app, user.email, user.password);
  const other = await buildStaffUser(db, s.municipality.id, {
    roles: ['daycare_educator'],
    unitIds: [otherDaycare.id],
  });
  const otherEducator = await login(env.app, other.email, other.password);
  const elsewhere = await buildOrganisation(db, { kind: 'municipality', municipality_code: null });
  const bof = await buildUnit(db, elsewhere.id, {
    kind: 'department',
    name: unique('Børn og Familie'),
    service: 'social_services',
  });
  const specialised = { id: bof.id, orgId: elsewhere.id };
  const cw = await buildStaffUser(db, elsewhere.id, { roles: ['caseworker'], unitIds: [bof.id] });
  const caseworker = await login(env.app, cw.email, cw.password);
  return { daycare, educatorId, educator, otherEducator, specialised, caseworker };
}
