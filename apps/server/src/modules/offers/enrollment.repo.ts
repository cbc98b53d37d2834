import type { Insertable } from 'kysely';
import type { EnrollmentStatus, EnrollmentTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

export async function findOpenEnrollment(tx: Tx, offerId: string, familyId: string) {
  return tx
    .selectFrom('enrollment')
    .select(['id', 'status'])
    .where('offer_id', '=', offerId)
    .where('family_id', '=', familyId)
    .where('status', 'in', ['invited', 'waitlisted', 'enrolled'])
    .executeTakeFirst();
}

export async function insertEnrollment(tx: Tx, row: Insertable<EnrollmentTable>) {
  return tx.insertInto('enrollment').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertParticipants(
  tx: Tx,
  enrollmentId: string,
  orgId: string,
  personIds: readonly string[],
) {
  await tx
    .insertInto('enrollment_participant')
    .values(personIds.map((person_id) => ({ enrollment_id: enrollmentId, person_id, org_id: orgId })))
    .execute();
}

export async function insertEnrollmentEvent(
  tx: Tx,
  row: {
    enrollment_id: string;
    org_id: string;
    status: string;
    at: Date;
    by_kind: string;
    by_id: string | null;
    reason: string | null;
  },
) {
  await tx.insertInto('enrollment_event').values(row).execute();
}

export async function setEnrollmentStatus(
  tx: Tx,
  id: string,
  patch: {
    status: EnrollmentStatus;
    enrolled_at?: Date;
    ended_at?: Date;
    end_reason?: string | null;
    cohort_id?: string | null;
  },
) {
  await tx.updateTable('enrollment').set(patch).where('id', '=', id).execute();
}

export async function findEnrollment(tx: Tx, id: string) {
  return tx
    .selectFrom('enrollment as e')
    .innerJoin('offer as o', 'o.id', 'e.offer_id')
    .select([
      'e.id',
      'e.offer_id',
      'o.name as offer_name',
      'e.org_id',
      'e.family_id',
      'e.family_org_id',
      'e.status',
      'e.priority',
      'e.cohort_id',
      'e.signed_up_at',
      'e.enrolled_at',
      'e.ended_at',
      'e.end_reason',
      'e.due_date',
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export type EnrollmentRow = NonNullable<Awaited<ReturnType<typeof findEnrollment>>>;

export async function participantsOf(tx: Tx, enrollmentIds: readonly string[]) {
  if (enrollmentIds.length === 0) return [];
  return tx
    .selectFrom('enrollment_participant as ep')
    .innerJoin('person as p', 'p.id', 'ep.person_id')
    .select(['ep.enrollment_id', 'p.id as person_id', 'p.given_name', 'p.family_name'])
    .where('ep.enrollment_id', 'in', enrollmentIds)
    .execute();
}

/** Waitlist order: referred, then targeted families first; then by time of sign-up. */
export async function waitlist(tx: Tx, offerId: string) {
  return tx
    .selectFrom('enrollment')
    .select(['id', 'family_id', 'priority', 'signed_up_at'])
    .where('offer_id', '=', offerId)
    .where('status', '=', 'waitlisted')
    .orderBy((eb) =>
      eb
        .case()
        .when('priority', '=', 'referred')
        .then(0)
        .when('priority', '=', 'targeted')
        .then(1)
        .else(2)
        .end(),
    )
    .orderBy('signed_up_at')
    .orderBy('id')
    .execute();
}

export async function familyEnrollments(tx: Tx, familyId: string) {
  return tx
    .selectFrom('enrollment as e')
    .innerJoin('offer as o', 'o.id', 'e.offer_id')
    .select([
      'e.id',
      'e.offer_id',
      'o.name as offer_name',
      'e.status',
      'e.priority',
      'e.cohort_id',
      'e.org_id',
    ])
    .where('e.family_id', '=', familyId)
    .orderBy('e.signed_up_at', 'desc')
    .execute();
}

/** When the cohort's first session starts; null when it has none. */
export async function cohortStart(tx: Tx, cohortId: string): Promise<Date | null> {
  const r = await tx
    .selectFrom('course_session')
    .select((eb) => eb.fn.min('starts_at').as('first'))
    .where('cohort_id', '=', cohortId)
    .executeTakeFirst();
  return r?.first ? new Date(r.first as unknown as string) : null;
}
