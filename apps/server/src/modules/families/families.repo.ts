import { type Insertable, sql } from 'kysely';
import type {
  BirthTable,
  ConsentTable,
  FamilyMemberTable,
  FamilyTable,
  InvolvementTable,
  PersonTable,
  PregnancyTable,
} from '../../db/schema';
import type { Tx } from '../../db/scope';

export async function findMunicipalityByCode(tx: Tx, code: string) {
  return tx
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('kind', '=', 'municipality')
    .where('municipality_code', '=', code)
    .where('active', '=', true)
    .executeTakeFirst();
}

/** The health visiting unit serving a postcode; else the municipality's health visiting department. */
export async function findHealthVisitingUnit(tx: Tx, orgId: string, postcode: string) {
  const district = await tx
    .selectFrom('district_postcode as d')
    .innerJoin('unit as u', 'u.id', 'd.unit_id')
    .select(['u.id', 'u.name'])
    .where('d.org_id', '=', orgId)
    .where('d.postcode', '=', postcode)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (district) return { ...district, district: true };
  const fallback = await tx
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('service', '=', 'health_visiting')
    .where('active', '=', true)
    .orderBy('kind') // 'department' sorts before 'district' and 'team'
    .orderBy('name')
    .executeTakeFirst();
  return fallback ? { ...fallback, district: false } : undefined;
}

export async function findPersonByCpr(tx: Tx, cpr: string) {
  return tx.selectFrom('person').selectAll().where('cpr', '=', cpr).executeTakeFirst();
}

export async function findPersonsByNameAndBirthDate(
  tx: Tx,
  givenName: string,
  familyName: string,
  birthDate: string,
) {
  return tx
    .selectFrom('person')
    .select(['id', 'cpr'])
    .where(sql<string>`lower(given_name)`, '=', givenName.toLowerCase())
    .where(sql<string>`lower(family_name)`, '=', familyName.toLowerCase())
    .where('birth_date', '=', birthDate)
    .execute();
}

/** Inserted without RETURNING: a new person is visible only once linked to a family in scope. */
export async function insertPerson(tx: Tx, row: Insertable<PersonTable> & { id: string }) {
  await tx.insertInto('person').values(row).execute();
}

export async function updatePersonContact(
  tx: Tx,
  id: string,
  patch: {
    preferred_language: string;
    interpreter_needed: boolean;
    phone?: string | null;
    email?: string | null;
  },
) {
  await tx.updateTable('person').set(patch).where('id', '=', id).execute();
}

export async function findParentFamilyIn(tx: Tx, personId: string, orgId: string) {
  return tx
    .selectFrom('family_member as fm')
    .innerJoin('family as f', 'f.id', 'fm.family_id')
    .select(['f.id', 'f.district_unit_id'])
    .where('fm.person_id', '=', personId)
    .where('fm.role', '<>', 'child')
    .where('f.org_id', '=', orgId)
    .orderBy('f.created_at', 'desc')
    .executeTakeFirst();
}

export async function insertFamily(tx: Tx, row: Insertable<FamilyTable>) {
  return tx.insertInto('family').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateFamilyAddress(
  tx: Tx,
  id: string,
  patch: {
    street: string;
    postcode: string;
    city: string;
    district_unit_id: string | null;
    updated_at: Date;
  },
) {
  await tx.updateTable('family').set(patch).where('id', '=', id).execute();
}

export async function insertMemberIfAbsent(tx: Tx, row: Insertable<FamilyMemberTable>) {
  await tx
    .insertInto('family_member')
    .values(row)
    .onConflict((oc) => oc.columns(['family_id', 'person_id']).doNothing())
    .execute();
}

export async function findActivePregnancyOfMother(tx: Tx, personId: string) {
  return tx
    .selectFrom('pregnancy')
    .select(['id', 'family_id', 'due_date'])
    .where('mother_person_id', '=', personId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function insertPregnancy(tx: Tx, row: Insertable<PregnancyTable>) {
  return tx.insertInto('pregnancy').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertInvolvement(tx: Tx, row: Insertable<InvolvementTable>) {
  await tx
    .insertInto('involvement')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['family_id', 'org_id', 'kind'])
        .where('ended_at', 'is', null)
        .where('kind', 'in', ['pregnancy_care', 'statutory'])
        .doNothing(),
    )
    .execute();
}

export async function endInvolvements(
  tx: Tx,
  familyId: string,
  orgId: string,
  kind: InvolvementTable['kind'],
  at: Date,
) {
  await tx
    .updateTable('involvement')
    .set({ ended_at: at })
    .where('family_id', '=', familyId)
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .where('ended_at', 'is', null)
    .execute();
}

export async function insertConsent(tx: Tx, row: Insertable<ConsentTable>) {
  return tx.insertInto('consent').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The owner, district and pregnancy organisations of a family: what the policy needs to decide. */
export async function findFamilyAccessFacts(tx: Tx, familyId: string) {
  const family = await tx
    .selectFrom('family')
    .select(['id', 'org_id', 'district_unit_id'])
    .where('id', '=', familyId)
    .executeTakeFirst();
  if (!family) return undefined;
  const pregnancyOrgs = await tx
    .selectFrom('pregnancy')
    .select('org_id')
    .distinct()
    .where('family_id', '=', familyId)
    .execute();
  return { ...family, pregnancyOrgIds: pregnancyOrgs.map((p) => p.org_id) };
}

export async function findFamilyRow(tx: Tx, familyId: string) {
  return tx
    .selectFrom('family as f')
    .innerJoin('organisation as o', 'o.id', 'f.org_id')
    .leftJoin('unit as u', 'u.id', 'f.district_unit_id')
    .select([
      'f.id',
      'f.org_id',
      'o.name as org_name',
      'f.district_unit_id',
      'u.name as district_name',
      'f.street',
      'f.postcode',
      'f.city',
    ])
    .where('f.id', '=', familyId)
    .executeTakeFirst();
}

export async function findMembers(tx: Tx, familyId: string) {
  return tx
    .selectFrom('family_member as fm')
    .innerJoin('person as p', 'p.id', 'fm.person_id')
    .select([
      'p.id as person_id',
      'fm.role',
      'p.given_name',
      'p.family_name',
      'p.cpr',
      'p.birth_date',
      'p.sex',
      'p.preferred_language',
      'p.interpreter_needed',
      'fm.custody',
      'fm.first_time_parent',
      'p.phone',
      'p.email',
    ])
    .where('fm.family_id', '=', familyId)
    .orderBy(
      sql`CASE fm.role WHEN 'mother' THEN 1 WHEN 'father' THEN 2 WHEN 'co_parent' THEN 3 WHEN 'other_caregiver' THEN 4 ELSE 5 END`,
    )
    .orderBy('p.birth_date')
    .execute();
}

export type MemberRow = Awaited<ReturnType<typeof findMembers>>[number];

export async function findPregnancies(tx: Tx, familyId: string, orgIds: readonly string[]) {
  if (orgIds.length === 0) return [];
  return tx
    .selectFrom('pregnancy as p')
    .innerJoin('organisation as o', 'o.id', 'p.org_id')
    .select([
      'p.id',
      'p.org_id',
      'o.name as org_name',
      'p.due_date',
      'p.care_level',
      'p.first_child',
      'p.status',
      'p.registered_at',
      'p.ended_at',
      'p.mother_person_id',
    ])
    .where('p.family_id', '=', familyId)
    .where('p.org_id', 'in', orgIds)
    .orderBy('p.due_date', 'desc')
    .execute();
}

export async function findBirths(tx: Tx, familyId: string) {
  return tx
    .selectFrom('birth')
    .select([
      'id',
      'child_person_id',
      'birth_time',
      'discharge_time',
      'birthplace',
      'pregnancy_id',
      'family_org_id',
    ])
    .where('family_id', '=', familyId)
    .orderBy('birth_time')
    .execute();
}

export async function findCoordinatorHistory(tx: Tx, familyId: string) {
  return tx
    .selectFrom('coordinator_assignment as c')
    .innerJoin('staff_user as s', 's.id', 'c.staff_user_id')
    .innerJoin('organisation as o', 'o.id', 'c.coordinator_org_id')
    .leftJoin('staff_user as b', 'b.id', 'c.assigned_by')
    .select([
      'c.id',
      'c.staff_user_id',
      's.name as staff_name',
      's.title as staff_title',
      's.phone as staff_phone',
      's.email as staff_email',
      'c.coordinator_org_id',
      'o.name as org_name',
      'c.started_at',
      'c.ended_at',
      'c.handover_note',
      'b.name as assigned_by_name',
    ])
    .where('c.family_id', '=', familyId)
    .orderBy('c.started_at', 'desc')
    .execute();
}

export async function findActiveInvolvements(tx: Tx, familyId: string) {
  return tx
    .selectFrom('involvement as i')
    .innerJoin('organisation as o', 'o.id', 'i.org_id')
    .leftJoin('unit as u', 'u.id', 'i.unit_id')
    .leftJoin('staff_user as s', 's.id', 'i.staff_user_id')
    .select([
      'i.id',
      'i.org_id',
      'o.name as org_name',
      'i.unit_id',
      'u.name as unit_name',
      'u.service as unit_service',
      'u.phone as unit_phone',
      'u.email as unit_email',
      's.name as staff_name',
      's.title as staff_title',
      'i.kind',
      'i.started_at',
    ])
    .where('i.family_id', '=', familyId)
    .where('i.ended_at', 'is', null)
    .orderBy('i.started_at')
    .execute();
}

export async function findActiveCoordinator(tx: Tx, familyId: string) {
  return tx
    .selectFrom('coordinator_assignment')
    .select(['id', 'staff_user_id', 'coordinator_org_id'])
    .where('family_id', '=', familyId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function endCoordinator(tx: Tx, assignmentId: string, at: Date) {
  await tx
    .updateTable('coordinator_assignment')
    .set({ ended_at: at })
    .where('id', '=', assignmentId)
    .execute();
}

export async function insertCoordinator(
  tx: Tx,
  row: {
    family_id: string;
    family_org_id: string;
    coordinator_org_id: string;
    staff_user_id: string;
    started_at: Date;
    handover_note: string | null;
    assigned_by: string | null;
  },
) {
  return tx.insertInto('coordinator_assignment').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findStaffForCoordination(tx: Tx, staffUserId: string) {
  return tx
    .selectFrom('staff_user as s')
    .innerJoin('organisation as o', 'o.id', 's.org_id')
    .select((eb) => [
      's.id',
      's.org_id',
      's.name',
      's.active',
      'o.active as org_active',
      eb
        .selectFrom('staff_user_role as r')
        .select(sql<string[]>`coalesce(array_agg(r.role), '{}')`.as('roles'))
        .whereRef('r.staff_user_id', '=', 's.id')
        .as('roles'),
    ])
    .where('s.id', '=', staffUserId)
    .executeTakeFirst();
}

export async function hasActiveInvolvement(tx: Tx, familyId: string, orgId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('involvement')
    .select('id')
    .where('family_id', '=', familyId)
    .where('org_id', '=', orgId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertBirth(tx: Tx, row: Insertable<BirthTable>) {
  return tx.insertInto('birth').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function markPregnancyBorn(tx: Tx, pregnancyId: string, at: Date) {
  await tx
    .updateTable('pregnancy')
    .set({ status: 'born', ended_at: at, end_reason: 'birth' })
    .where('id', '=', pregnancyId)
    .where('status', '=', 'active')
    .execute();
}

export async function findPregnancyForBirth(tx: Tx, familyId: string, pregnancyId: string | undefined) {
  let q = tx
    .selectFrom('pregnancy')
    .select(['id', 'org_id', 'family_id', 'due_date', 'status', 'mother_person_id', 'ended_at'])
    .where('family_id', '=', familyId);
  q = pregnancyId ? q.where('id', '=', pregnancyId) : q.where('status', '=', 'active');
  return q.orderBy('due_date', 'desc').executeTakeFirst();
}

/** The mother's pregnancy a birth notification belongs to: the active one, or one just born (twins). */
export async function findPregnancyByMotherCpr(tx: Tx, motherCpr: string) {
  return tx
    .selectFrom('pregnancy as p')
    .innerJoin('person as m', 'm.id', 'p.mother_person_id')
    .innerJoin('family as f', 'f.id', 'p.family_id')
    .select([
      'p.id',
      'p.org_id',
      'p.family_id',
      'f.org_id as family_org_id',
      'f.district_unit_id',
      'p.due_date',
      'p.status',
      'p.ended_at',
      'm.family_name as mother_family_name',
    ])
    .where('m.cpr', '=', motherCpr)
    .where('p.status', 'in', ['active', 'born'])
    .orderBy('p.due_date', 'desc')
    .executeTakeFirst();
}

export async function findChildMembership(tx: Tx, personId: string) {
  return tx
    .selectFrom('family_member')
    .select(['family_id'])
    .where('person_id', '=', personId)
    .where('role', '=', 'child')
    .executeTakeFirst();
}

export async function insertTaskOnce(
  tx: Tx,
  row: {
    org_id: string;
    family_id: string;
    assignee_unit_id: string | null;
    assignee_user_id: string | null;
    kind: string;
    key: string;
    window_start: string;
    due: string;
    window_end: string;
    reason: string;
    rule: string;
    created_at: Date;
  },
): Promise<string | null> {
  const inserted = await tx
    .insertInto('task')
    .values({ ...row, updated_at: row.created_at })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await tx
    .insertInto('task_event')
    .values({
      task_id: inserted.id,
      org_id: row.org_id,
      state: 'ready',
      at: row.created_at,
      note: row.reason,
    })
    .execute();
  return inserted.id;
}

/**
 * Summaries of families the caller has been allowed to see (ids decided beforehand). Runs with
 * row-level security lifted, so the pregnancy due date is included only where the caller's
 * organisation owns the pregnancy or a consent in force shares it — the same rule as decide().
 */
export async function familySummaries(tx: Tx, familyIds: readonly string[], viewerOrgId: string, now: Date) {
  if (familyIds.length === 0) return [];
  return tx
    .selectFrom('family as f')
    .innerJoin('organisation as o', 'o.id', 'f.org_id')
    .leftJoin('unit as u', 'u.id', 'f.district_unit_id')
    .leftJoin('coordinator_assignment as c', (j) =>
      j.onRef('c.family_id', '=', 'f.id').on('c.ended_at', 'is', null),
    )
    .leftJoin('staff_user as s', 's.id', 'c.staff_user_id')
    .select((eb) => [
      'f.id',
      'f.org_id',
      'o.name as org_name',
      'f.district_unit_id',
      'u.name as district_name',
      'c.staff_user_id as coordinator_id',
      's.name as coordinator_name',
      'c.started_at as coordinator_since',
      sql<
        {
          personId: string;
          role: string;
          givenName: string;
          familyName: string;
          cpr: string | null;
          birthDate: string | null;
        }[]
      >`(
        SELECT coalesce(json_agg(json_build_object('personId', p.id, 'role', fm.role, 'givenName', p.given_name,
          'familyName', p.family_name, 'cpr', p.cpr, 'birthDate', p.birth_date)
          ORDER BY CASE fm.role WHEN 'mother' THEN 1 WHEN 'father' THEN 2 WHEN 'co_parent' THEN 3 WHEN 'other_caregiver' THEN 4 ELSE 5 END,
            p.birth_date), '[]'::json)
        FROM family_member fm JOIN person p ON p.id = fm.person_id WHERE fm.family_id = f.id)`.as('members'),
      eb
        .selectFrom('pregnancy as pr')
        .select('pr.due_date')
        .whereRef('pr.family_id', '=', 'f.id')
        .where('pr.status', '=', 'active')
        .where((w) =>
          w.or([
            w('pr.org_id', '=', viewerOrgId),
            w.exists(
              w
                .selectFrom('consent as k')
                .select('k.id')
                .whereRef('k.family_id', '=', 'f.id')
                .whereRef('k.from_org_id', '=', 'pr.org_id')
                .where('k.to_org_id', '=', viewerOrgId)
                .where(sql<boolean>`'pregnancy' = ANY (k.categories)`)
                .where('k.withdrawn_at', 'is', null)
                .where('k.valid_from', '<=', now)
                .where((v) => v.or([v('k.valid_to', 'is', null), v('k.valid_to', '>', now)])),
            ),
          ]),
        )
        .limit(1)
        .as('due_date'),
    ])
    .where('f.id', 'in', familyIds)
    .execute();
}

export async function caseloadFamilyIds(tx: Tx, staffUserId: string) {
  return tx
    .selectFrom('coordinator_assignment as c')
    .innerJoin('family as f', 'f.id', 'c.family_id')
    .select(['c.family_id', 'f.org_id'])
    .where('c.staff_user_id', '=', staffUserId)
    .where('c.ended_at', 'is', null)
    .orderBy('c.started_at', 'desc')
    .execute();
}

/** Families with an open involvement of the organisation and no active coordinator: between chairs. */
export async function familiesWithoutCoordinator(
  tx: Tx,
  orgId: string,
  onlyUnits: readonly string[] | null,
  page: { limit: number; offset: number },
) {
  let q = tx
    .selectFrom('family as f')
    .where('f.org_id', '=', orgId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('involvement as i')
          .select('i.id')
          .whereRef('i.family_id', '=', 'f.id')
          .where('i.ended_at', 'is', null),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('coordinator_assignment as c')
            .select('c.id')
            .whereRef('c.family_id', '=', 'f.id')
            .where('c.ended_at', 'is', null),
        ),
      ),
    );
  if (onlyUnits) {
    if (onlyUnits.length === 0) return { total: 0, ids: [] };
    q = q.where((eb) =>
      eb.or([
        eb('f.district_unit_id', 'in', onlyUnits),
        eb.exists(
          eb
            .selectFrom('involvement as i2')
            .select('i2.id')
            .whereRef('i2.family_id', '=', 'f.id')
            .where('i2.unit_id', 'in', onlyUnits)
            .where('i2.ended_at', 'is', null),
        ),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const ids = await q.select('f.id').orderBy('f.created_at').limit(page.limit).offset(page.offset).execute();
  return { total: Number(total.n), ids: ids.map((r) => r.id) };
}

/** Search candidates across organisations; each is decided before anything about it is shown. */
/**
 * Search candidates: only families the viewer could be allowed to see (the own organisation's,
 * those the viewer's organisation is involved with, coordinates, or holds emergency access to),
 * so a common name elsewhere in the country cannot crowd out the viewer's own families. Each
 * candidate is still decided before anything about it is shown.
 */
export async function searchFamilyCandidates(
  tx: Tx,
  q: { cpr?: string | undefined; name?: string | undefined; childBirthDate?: string | undefined },
  viewer: { orgId: string; userId: string; now: Date },
  limit: number,
) {
  let query = tx
    .selectFrom('family_member as fm')
    .innerJoin('person as p', 'p.id', 'fm.person_id')
    .innerJoin('family as f', 'f.id', 'fm.family_id')
    .select(['f.id', 'f.org_id'])
    .distinct()
    .where((eb) =>
      eb.or([
        eb('f.org_id', '=', viewer.orgId),
        eb.exists(
          eb
            .selectFrom('involvement as i')
            .select('i.id')
            .whereRef('i.family_id', '=', 'f.id')
            .where('i.org_id', '=', viewer.orgId)
            .where('i.ended_at', 'is', null),
        ),
        eb.exists(
          eb
            .selectFrom('coordinator_assignment as c')
            .select('c.id')
            .whereRef('c.family_id', '=', 'f.id')
            .where('c.staff_user_id', '=', viewer.userId)
            .where('c.ended_at', 'is', null),
        ),
        eb.exists(
          eb
            .selectFrom('break_glass_grant as g')
            .select('g.id')
            .whereRef('g.family_id', '=', 'f.id')
            .where('g.staff_user_id', '=', viewer.userId)
            .where('g.revoked_at', 'is', null)
            .where('g.expires_at', '>', viewer.now),
        ),
      ]),
    );
  if (q.cpr) query = query.where('p.cpr', '=', q.cpr);
  if (q.childBirthDate)
    query = query.where('fm.role', '=', 'child').where('p.birth_date', '=', q.childBirthDate);
  if (q.name) {
    const words = q.name.toLowerCase().split(/\s+/).filter(Boolean);
    for (const word of words) {
      const like = `${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) =>
        eb.or([eb(sql`lower(p.given_name)`, 'like', like), eb(sql`lower(p.family_name)`, 'like', like)]),
      );
    }
  }
  return query.orderBy('f.id').limit(limit).execute();
}

export async function findPersonFamilyOrg(tx: Tx, personId: string) {
  return tx
    .selectFrom('family_member as fm')
    .innerJoin('family as f', 'f.id', 'fm.family_id')
    .innerJoin('person as p', 'p.id', 'fm.person_id')
    .select(['f.id as family_id', 'f.org_id', 'p.cpr'])
    .where('fm.person_id', '=', personId)
    .execute();
}

export async function findDistrictContact(tx: Tx, familyId: string) {
  return tx
    .selectFrom('family as f')
    .innerJoin('unit as u', 'u.id', 'f.district_unit_id')
    .innerJoin('organisation as o', 'o.id', 'u.org_id')
    .select([
      'u.id as unit_id',
      'u.name as unit_name',
      'u.phone',
      'u.email',
      'o.id as org_id',
      'o.name as org_name',
    ])
    .where('f.id', '=', familyId)
    .executeTakeFirst();
}

/** A parent of the family with this name (and birth date, when given). */
export async function findFamilyParentByName(
  tx: Tx,
  familyId: string,
  who: { givenName: string; familyName: string; birthDate: string | null },
) {
  let q = tx
    .selectFrom('family_member as fm')
    .innerJoin('person as p', 'p.id', 'fm.person_id')
    .select('p.id')
    .where('fm.family_id', '=', familyId)
    .where('fm.role', '<>', 'child')
    .where(sql<string>`lower(p.given_name)`, '=', who.givenName.toLowerCase())
    .where(sql<string>`lower(p.family_name)`, '=', who.familyName.toLowerCase());
  if (who.birthDate) q = q.where('p.birth_date', '=', who.birthDate);
  return q.executeTakeFirst();
}

/**
 * Who can become the family's coordinator: active professionals of the family's municipality and
 * of the organisations working with it — the district's health visitors first.
 */
export async function coordinatorCandidates(
  tx: Tx,
  familyId: string,
  familyOrgId: string,
  districtUnitId: string | null,
) {
  return tx
    .selectFrom('staff_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.org_id')
    .select((eb) => [
      'u.id',
      'u.name',
      'u.title',
      'o.id as org_id',
      'o.name as org_name',
      sql<
        string[]
      >`(SELECT coalesce(array_agg(r.role ORDER BY r.role), '{}') FROM staff_user_role r WHERE r.staff_user_id = u.id)`.as(
        'roles',
      ),
      eb
        .exists(
          eb
            .selectFrom('staff_user_unit as su')
            .select('su.unit_id')
            .whereRef('su.staff_user_id', '=', 'u.id')
            .where('su.unit_id', '=', districtUnitId ?? '00000000-0000-0000-0000-000000000000'),
        )
        .as('in_district'),
    ])
    .where('u.active', '=', true)
    .where('o.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('u.org_id', '=', familyOrgId),
        eb(
          'u.org_id',
          'in',
          eb
            .selectFrom('involvement as i')
            .select('i.org_id')
            .where('i.family_id', '=', familyId)
            .where('i.ended_at', 'is', null),
        ),
      ]),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_user_role as r')
          .select('r.role')
          .whereRef('r.staff_user_id', '=', 'u.id')
          .where('r.role', 'in', [
            'health_visitor',
            'family_counsellor',
            'caseworker',
            'programme_lead',
            'midwife',
            'ngo_counsellor',
          ]),
      ),
    )
    .orderBy(sql`CASE WHEN u.org_id = ${familyOrgId} THEN 0 ELSE 1 END`)
    .orderBy('u.name')
    .limit(300)
    .execute();
}
