import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ChildVisitTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

export async function findOrganisation(tx: Tx, orgId: string) {
  return tx
    .selectFrom('organisation')
    .select(['id', 'name', 'kind'])
    .where('id', '=', orgId)
    .executeTakeFirst();
}

export async function findProgramme(tx: Tx, orgId: string) {
  return tx
    .selectFrom('visit_programme')
    .select(['visit_types', 'updated_at'])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function upsertProgramme(
  tx: Tx,
  row: { org_id: string; visit_types: string; updated_by: string | null; updated_at: Date },
) {
  await tx
    .insertInto('visit_programme')
    .values(row)
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({
        visit_types: row.visit_types,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function findEpdsCutoffs(tx: Tx, orgId: string) {
  return tx
    .selectFrom('epds_cutoff')
    .select(['respondent_role', 'cutoff'])
    .where('org_id', '=', orgId)
    .execute();
}

export async function upsertEpdsCutoff(
  tx: Tx,
  row: { org_id: string; respondent_role: 'mother' | 'father'; cutoff: number; updated_at: Date },
) {
  await tx
    .insertInto('epds_cutoff')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'respondent_role'])
        .doUpdateSet({ cutoff: row.cutoff, updated_at: row.updated_at }),
    )
    .execute();
}

/** What the programme needs to know about a family at the birth (DESIGN §1: target groups). */
export async function planFacts(tx: Tx, familyId: string, pregnancyId: string | null) {
  const pregnancy = pregnancyId
    ? await tx
        .selectFrom('pregnancy')
        .select(['care_level', 'first_child', 'due_date'])
        .where('id', '=', pregnancyId)
        .executeTakeFirst()
    : undefined;
  const firstTime = await tx
    .selectFrom('family_member')
    .select('person_id')
    .where('family_id', '=', familyId)
    .where('role', '!=', 'child')
    .where('first_time_parent', '=', true)
    .executeTakeFirst();
  return { pregnancy, anyFirstTimeParent: firstTime !== undefined };
}

/** Inserts the programme's visits; a visit type already planned for the child is skipped. */
export async function insertPlannedVisits(tx: Tx, rows: Insertable<ChildVisitTable>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insertInto('child_visit')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['child_person_id', 'visit_key'])
        .where('rescheduled_from', 'is', null)
        .where('kind', '<>', 'targeted')
        .doNothing(),
    )
    .returning('id')
    .execute();
  return inserted.length;
}

export async function insertVisit(tx: Tx, row: Insertable<ChildVisitTable>) {
  return tx.insertInto('child_visit').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findVisitOwner(tx: Tx, visitId: string) {
  return tx
    .selectFrom('child_visit')
    .select(['id', 'org_id', 'family_id', 'child_person_id', 'visit_key', 'status'])
    .where('id', '=', visitId)
    .executeTakeFirst();
}

export async function updateVisit(tx: Tx, visitId: string, set: Updateable<ChildVisitTable>) {
  await tx.updateTable('child_visit').set(set).where('id', '=', visitId).execute();
}

const visitColumns = [
  'v.id',
  'v.org_id',
  'v.family_id',
  'v.child_person_id',
  'v.visit_key',
  'v.name',
  'v.kind',
  'v.reason',
  'v.window_start',
  'v.due',
  'v.window_end',
  'v.status',
  'v.status_reason',
  'v.rescheduled_from',
  'v.done_on',
  'v.place',
  'v.weight_g',
  'v.length_cm',
  'v.head_cm',
  'v.topics',
  'v.development',
  'v.development_note',
  'v.pku_done',
  'v.hearing_done',
  'v.notes',
  'v.recorded_by',
  's.name as recorded_by_name',
  'v.booked_at',
  'v.booked_place',
  'v.booked_with',
  'bw.name as booked_with_name',
] as const;

export type VisitRow = Pick<
  Selectable<ChildVisitTable>,
  | 'id'
  | 'org_id'
  | 'family_id'
  | 'child_person_id'
  | 'visit_key'
  | 'name'
  | 'kind'
  | 'reason'
  | 'window_start'
  | 'due'
  | 'window_end'
  | 'status'
  | 'status_reason'
  | 'rescheduled_from'
  | 'done_on'
  | 'place'
  | 'weight_g'
  | 'length_cm'
  | 'head_cm'
  | 'topics'
  | 'development'
  | 'development_note'
  | 'pku_done'
  | 'hearing_done'
  | 'notes'
  | 'recorded_by'
  | 'booked_at'
  | 'booked_place'
  | 'booked_with'
> & { recorded_by_name: string | null; booked_with_name: string | null };

export async function listVisits(
  tx: Tx,
  q: { familyId: string; orgId: string; childPersonId?: string | undefined },
): Promise<VisitRow[]> {
  let query = tx
    .selectFrom('child_visit as v')
    .leftJoin('staff_user as s', 's.id', 'v.recorded_by')
    .leftJoin('staff_user as bw', 'bw.id', 'v.booked_with')
    .select(visitColumns)
    .where('v.family_id', '=', q.familyId)
    .where('v.org_id', '=', q.orgId);
  if (q.childPersonId) query = query.where('v.child_person_id', '=', q.childPersonId);
  return query.orderBy('v.window_start').orderBy('v.id').execute();
}

export async function findVisit(tx: Tx, visitId: string): Promise<VisitRow | undefined> {
  return tx
    .selectFrom('child_visit as v')
    .leftJoin('staff_user as s', 's.id', 'v.recorded_by')
    .leftJoin('staff_user as bw', 'bw.id', 'v.booked_with')
    .select(visitColumns)
    .where('v.id', '=', visitId)
    .executeTakeFirst();
}

/** The child as a member of the family, with the birth date the measurements are judged by. */
export async function findChildOfFamily(tx: Tx, familyId: string, personId: string) {
  return tx
    .selectFrom('family_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.birth_date'])
    .where('m.family_id', '=', familyId)
    .where('m.person_id', '=', personId)
    .where('m.role', '=', 'child')
    .executeTakeFirst();
}

export async function timelineVisits(tx: Tx, familyId: string) {
  return tx
    .selectFrom('child_visit as v')
    .innerJoin('person as p', 'p.id', 'v.child_person_id')
    .select([
      'v.id',
      'v.org_id',
      'v.name',
      'v.kind',
      'v.status',
      'v.window_start',
      'v.window_end',
      'v.done_on',
      'v.place',
      'v.booked_at',
      'v.booked_place',
      'p.given_name',
    ])
    .where('v.family_id', '=', familyId)
    .execute();
}
