import type { Tx } from '../../db/scope';

export async function timelinePregnancies(tx: Tx, familyId: string) {
  return tx
    .selectFrom('pregnancy')
    .select(['id', 'org_id', 'due_date', 'status', 'registered_at', 'ended_at'])
    .where('family_id', '=', familyId)
    .execute();
}

export async function timelineBirths(tx: Tx, familyId: string) {
  return tx
    .selectFrom('birth as b')
    .innerJoin('person as c', 'c.id', 'b.child_person_id')
    .select([
      'b.id',
      'b.family_org_id',
      'b.birth_time',
      'b.birthplace',
      'c.given_name',
      'c.birth_date',
      'c.id as child_id',
    ])
    .where('b.family_id', '=', familyId)
    .execute();
}

export async function timelineChildren(tx: Tx, familyId: string) {
  return tx
    .selectFrom('family_member as fm')
    .innerJoin('person as p', 'p.id', 'fm.person_id')
    .select(['p.id', 'p.given_name', 'p.birth_date', 'fm.org_id'])
    .where('fm.family_id', '=', familyId)
    .where('fm.role', '=', 'child')
    .execute();
}

export async function timelineCoordinators(tx: Tx, familyId: string) {
  return tx
    .selectFrom('coordinator_assignment as c')
    .innerJoin('staff_user as s', 's.id', 'c.staff_user_id')
    .select(['c.id', 'c.family_org_id', 'c.started_at', 'c.ended_at', 's.name'])
    .where('c.family_id', '=', familyId)
    .execute();
}
