import type { Tx } from '../../db/scope';

export async function timelineEnrollments(tx: Tx, familyId: string) {
  return tx
    .selectFrom('enrollment as e')
    .innerJoin('offer as o', 'o.id', 'e.offer_id')
    .select(['e.id', 'e.org_id', 'e.status', 'e.signed_up_at', 'o.name as offer_name'])
    .where('e.family_id', '=', familyId)
    .execute();
}

export async function timelineSessions(tx: Tx, familyId: string) {
  return tx
    .selectFrom('course_session as s')
    .innerJoin('enrollment as e', 'e.cohort_id', 's.cohort_id')
    .innerJoin('offer as o', 'o.id', 's.offer_id')
    .select([
      's.id',
      's.org_id',
      's.starts_at',
      's.title',
      's.number',
      's.place',
      's.status',
      'o.name as offer_name',
    ])
    .where('e.family_id', '=', familyId)
    .where('e.status', 'in', ['enrolled', 'completed'])
    .execute();
}

export async function cohortFacts(tx: Tx, cohortId: string) {
  const cohort = await tx
    .selectFrom('cohort')
    .select(['id', 'org_id', 'facilitator_user_id', 'name'])
    .where('id', '=', cohortId)
    .executeTakeFirst();
  if (!cohort) return undefined;
  const held = await tx
    .selectFrom('course_session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cohort_id', '=', cohortId)
    .where('status', '=', 'held')
    .executeTakeFirstOrThrow();
  const parents = await tx
    .selectFrom('enrollment as e')
    .innerJoin('enrollment_participant as ep', 'ep.enrollment_id', 'e.id')
    .innerJoin('family_member as fm', (j) =>
      j.onRef('fm.family_id', '=', 'e.family_id').onRef('fm.person_id', '=', 'ep.person_id'),
    )
    .select((eb) => [
      'e.family_id',
      'fm.role',
      eb
        .selectFrom('attendance as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.person_id', '=', 'ep.person_id')
        .whereRef('a.enrollment_id', '=', 'e.id')
        .where('a.present', '=', true)
        .as('attended'),
    ])
    .where('e.cohort_id', '=', cohortId)
    .where('e.status', 'in', ['enrolled', 'completed', 'dropped_out'])
    .execute();
  return { cohort, held: Number(held.n), parents };
}
