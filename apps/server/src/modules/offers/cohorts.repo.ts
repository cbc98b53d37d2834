import { addDays, copenhagenLocalToInstant } from '@familiespor/domain';
import type { Insertable } from 'kysely';
import type { CourseSessionTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

/** Enrolled families not yet in a cohort, with a due date in the period: the planner's input. */
export async function plannableEnrollments(tx: Tx, offerId: string, dueFrom: string, dueTo: string) {
  return tx
    .selectFrom('enrollment as e')
    .innerJoin('family as f', 'f.id', 'e.family_id')
    .select((eb) => [
      'e.id',
      'e.family_id',
      'e.due_date',
      eb
        .selectFrom('family_member as fm')
        .innerJoin('person as p', 'p.id', 'fm.person_id')
        .select((x) => x.fn.agg<string>('string_agg', [x.ref('p.given_name'), x.val(' & ')]).as('n'))
        .whereRef('fm.family_id', '=', 'e.family_id')
        .where('fm.role', '<>', 'child')
        .as('names'),
      eb
        .selectFrom('family_member as fm')
        .innerJoin('person as p', 'p.id', 'fm.person_id')
        .select('p.preferred_language')
        .whereRef('fm.family_id', '=', 'e.family_id')
        .where('fm.role', '=', 'mother')
        .limit(1)
        .as('language'),
    ])
    .where('e.offer_id', '=', offerId)
    .where('e.status', '=', 'enrolled')
    .where('e.cohort_id', 'is', null)
    .where((eb) => eb.or([eb('e.due_date', 'is', null), eb.between('e.due_date', dueFrom, dueTo)]))
    .orderBy('e.due_date')
    .execute();
}

export async function findEnrollmentsForCohort(tx: Tx, offerId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('enrollment')
    .select(['id', 'family_id', 'due_date', 'status', 'cohort_id'])
    .where('offer_id', '=', offerId)
    .where('id', 'in', ids)
    .execute();
}

export async function insertCohort(
  tx: Tx,
  row: {
    offer_id: string;
    org_id: string;
    site_id: string;
    name: string;
    language: string;
    facilitator_user_id: string;
    due_from: string;
    due_to: string;
    created_at: Date;
  },
) {
  return tx.insertInto('cohort').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function assignCohort(tx: Tx, cohortId: string, enrollmentIds: readonly string[]) {
  await tx.updateTable('enrollment').set({ cohort_id: cohortId }).where('id', 'in', enrollmentIds).execute();
}

export async function insertSessions(tx: Tx, rows: Insertable<CourseSessionTable>[]) {
  if (rows.length > 0) await tx.insertInto('course_session').values(rows).execute();
}

export async function findFacilitator(tx: Tx, userId: string) {
  return tx
    .selectFrom('staff_user as u')
    .select((eb) => [
      'u.id',
      'u.org_id',
      'u.active',
      'u.name',
      eb
        .selectFrom('staff_user_role as r')
        .select((x) => x.fn.agg<string[]>('array_agg', [x.ref('r.role')]).as('roles'))
        .whereRef('r.staff_user_id', '=', 'u.id')
        .as('roles'),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

const sessionColumns = [
  's.id',
  's.offer_id',
  'o.name as offer_name',
  's.cohort_id',
  'c.name as cohort_name',
  's.number',
  's.title',
  's.theme',
  's.starts_at',
  's.ends_at',
  's.place',
  's.facilitator_user_id',
  'f.name as facilitator_name',
  's.guest_presenters',
  's.status',
  's.org_id',
] as const;

export async function listSessions(
  tx: Tx,
  filter: {
    cohortId?: string;
    facilitatorId?: string;
    orgId?: string;
    familyId?: string;
    from?: string;
    to?: string;
  },
) {
  let q = tx
    .selectFrom('course_session as s')
    .innerJoin('offer as o', 'o.id', 's.offer_id')
    .leftJoin('cohort as c', 'c.id', 's.cohort_id')
    .leftJoin('staff_user as f', 'f.id', 's.facilitator_user_id')
    .select(sessionColumns);
  if (filter.cohortId) q = q.where('s.cohort_id', '=', filter.cohortId);
  if (filter.facilitatorId) q = q.where('s.facilitator_user_id', '=', filter.facilitatorId);
  if (filter.orgId) q = q.where('s.org_id', '=', filter.orgId);
  if (filter.familyId) {
    const familyId = filter.familyId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('enrollment as e')
          .select('e.id')
          .whereRef('e.cohort_id', '=', 's.cohort_id')
          .where('e.family_id', '=', familyId)
          .where('e.status', 'in', ['enrolled', 'completed']),
      ),
    );
  }
  // Dates are Danish days: from local midnight to the next local midnight.
  if (filter.from) q = q.where('s.starts_at', '>=', copenhagenLocalToInstant(`${filter.from} 00:00`) as Date);
  if (filter.to)
    q = q.where('s.starts_at', '<', copenhagenLocalToInstant(`${addDays(filter.to, 1)} 00:00`) as Date);
  return q.orderBy('s.starts_at').limit(1000).execute();
}

export type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

export async function findSession(tx: Tx, id: string): Promise<SessionRow | undefined> {
  return tx
    .selectFrom('course_session as s')
    .innerJoin('offer as o', 'o.id', 's.offer_id')
    .leftJoin('cohort as c', 'c.id', 's.cohort_id')
    .leftJoin('staff_user as f', 'f.id', 's.facilitator_user_id')
    .select(sessionColumns)
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** Each parent taking part in a cohort, with the attendance at one session when given. */
export async function cohortParticipants(tx: Tx, cohortId: string, sessionId: string | null) {
  return tx
    .selectFrom('enrollment as e')
    .innerJoin('enrollment_participant as ep', 'ep.enrollment_id', 'e.id')
    .innerJoin('person as p', 'p.id', 'ep.person_id')
    .innerJoin('family_member as fm', (j) =>
      j.onRef('fm.family_id', '=', 'e.family_id').onRef('fm.person_id', '=', 'p.id'),
    )
    .leftJoin('attendance as a', (j) =>
      j.onRef('a.person_id', '=', 'p.id').on('a.session_id', '=', sessionId),
    )
    .select([
      'e.id as enrollment_id',
      'e.family_id',
      'p.id as person_id',
      'p.given_name',
      'p.family_name',
      'fm.role',
      'a.present',
    ])
    .where('e.cohort_id', '=', cohortId)
    .where('e.status', 'in', ['enrolled', 'completed'])
    .orderBy('p.family_name')
    .orderBy('fm.role')
    .execute();
}

/** Every attendance recorded for the cohort's sessions: the facilitator's register, filled in. */
export async function cohortAttendance(tx: Tx, cohortId: string) {
  return tx
    .selectFrom('attendance as a')
    .innerJoin('course_session as s', 's.id', 'a.session_id')
    .select(['a.session_id', 'a.person_id', 'a.present'])
    .where('s.cohort_id', '=', cohortId)
    .execute();
}

export async function upsertAttendance(
  tx: Tx,
  row: {
    session_id: string;
    person_id: string;
    enrollment_id: string;
    org_id: string;
    present: boolean;
    recorded_by: string;
    recorded_at: Date;
  },
) {
  await tx
    .insertInto('attendance')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'person_id'])
        .doUpdateSet({ present: row.present, recorded_by: row.recorded_by, recorded_at: row.recorded_at }),
    )
    .execute();
}

export async function markSessionHeld(tx: Tx, sessionId: string) {
  await tx
    .updateTable('course_session')
    .set({ status: 'held' })
    .where('id', '=', sessionId)
    .where('status', '=', 'planned')
    .execute();
}

/** For each enrollment in a cohort: whether anyone of the family came, session by held session. */
export async function heldAttendance(tx: Tx, cohortId: string) {
  return tx
    .selectFrom('course_session as s')
    .innerJoin('enrollment as e', 'e.cohort_id', 's.cohort_id')
    .select((eb) => [
      'e.id as enrollment_id',
      'e.family_id',
      's.id as session_id',
      's.starts_at',
      eb
        .exists(
          eb
            .selectFrom('attendance as a')
            .select('a.person_id')
            .whereRef('a.session_id', '=', 's.id')
            .whereRef('a.enrollment_id', '=', 'e.id')
            .where('a.present', '=', true),
        )
        .as('came'),
    ])
    .where('s.cohort_id', '=', cohortId)
    .where('s.status', '=', 'held')
    .where('e.status', '=', 'enrolled')
    .orderBy('s.starts_at')
    .execute();
}

export async function activeCoordinatorOf(tx: Tx, familyId: string) {
  return tx
    .selectFrom('coordinator_assignment')
    .select(['staff_user_id', 'coordinator_org_id'])
    .where('family_id', '=', familyId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

export async function familyDistrict(tx: Tx, familyId: string) {
  return tx
    .selectFrom('family')
    .select(['org_id', 'district_unit_id'])
    .where('id', '=', familyId)
    .executeTakeFirst();
}

export async function isFacilitatorOfFamily(tx: Tx, userId: string, familyId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('enrollment as e')
    .innerJoin('cohort as c', 'c.id', 'e.cohort_id')
    .select('e.id')
    .where('e.family_id', '=', familyId)
    .where('c.facilitator_user_id', '=', userId)
    .where('e.status', 'in', ['enrolled', 'completed'])
    .executeTakeFirst();
  return row !== undefined;
}
