import { sql } from 'kysely';
import type { VisitPlace } from '../../db/schema';
import type { Tx } from '../../db/scope';

/** What booking needs to know about a visit: its owner, state, window and current booking. */
export async function findVisitForBooking(tx: Tx, visitId: string) {
  return tx
    .selectFrom('child_visit')
    .select([
      'id',
      'org_id',
      'family_id',
      'child_person_id',
      'status',
      'window_start',
      'window_end',
      'booked_at',
      'booked_with',
    ])
    .where('id', '=', visitId)
    .executeTakeFirst();
}

/** An active health visitor of the organisation (the staff directory is readable by everyone). */
export async function findHealthVisitor(tx: Tx, orgId: string, userId: string) {
  return tx
    .selectFrom('staff_user as s')
    .select(['s.id', 's.name'])
    .where('s.id', '=', userId)
    .where('s.org_id', '=', orgId)
    .where('s.active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_user_role as r')
          .select('r.staff_user_id')
          .whereRef('r.staff_user_id', '=', 's.id')
          .where('r.role', '=', 'health_visitor'),
      ),
    )
    .executeTakeFirst();
}

/** False when the visit is no longer planned (recorded in the meantime). */
export async function setBooking(
  tx: Tx,
  visitId: string,
  b: { at: Date; place: VisitPlace; with: string; by: string; on: Date },
): Promise<boolean> {
  const r = await tx
    .updateTable('child_visit')
    .set({ booked_at: b.at, booked_place: b.place, booked_with: b.with, booked_by: b.by, booked_on: b.on })
    .where('id', '=', visitId)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function clearBooking(tx: Tx, visitId: string) {
  await tx
    .updateTable('child_visit')
    .set({ booked_at: null, booked_place: null, booked_with: null, booked_by: null, booked_on: null })
    .where('id', '=', visitId)
    .execute();
}

/** A planned visit of the family is booked with the user: she is the one who will go there. */
export async function hasBookedVisit(tx: Tx, userId: string, familyId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('child_visit')
    .select('id')
    .where('family_id', '=', familyId)
    .where('booked_with', '=', userId)
    .where('status', '=', 'planned')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

const calendarColumns = [
  'v.id',
  'v.org_id',
  'v.family_id',
  'v.child_person_id',
  'v.name',
  'v.kind',
  'v.window_start',
  'v.due',
  'v.window_end',
  'v.booked_at',
  'v.booked_place',
  'v.booked_with',
  'bw.name as booked_with_name',
  'c.given_name as child_given_name',
] as const;

/** The family as lists name it: the parents, mother first (as the worklist does). */
const parentNames = sql<string[] | null>`(
  SELECT array_agg(p.given_name || ' ' || p.family_name ORDER BY m.role = 'mother' DESC, p.given_name)
  FROM family_member m JOIN person p ON p.id = m.person_id
  WHERE m.family_id = v.family_id AND m.role <> 'child'
)`.as('parent_names');

/** The user's booked planned visits from `from` up to (not including) `to`: the partial index serves it. */
export async function bookedVisitsOf(tx: Tx, userId: string, from: Date, to: Date) {
  return tx
    .selectFrom('child_visit as v')
    .innerJoin('person as c', 'c.id', 'v.child_person_id')
    .leftJoin('staff_user as bw', 'bw.id', 'v.booked_with')
    .select([...calendarColumns, parentNames])
    .where('v.booked_with', '=', userId)
    .where('v.status', '=', 'planned')
    .where('v.booked_at', 'is not', null)
    .where('v.booked_at', '>=', from)
    .where('v.booked_at', '<', to)
    .orderBy('v.booked_at')
    .orderBy('v.id')
    .execute();
}

export type CalendarRow = Awaited<ReturnType<typeof bookedVisitsOf>>[number];

/**
 * Planned, unbooked visits whose window overlaps [monday, sunday], of the families the user
 * coordinates or whose district is one of her units.
 */
function toBookQuery(
  tx: Tx,
  q: { userId: string; unitIds: readonly string[]; monday: string; sunday: string },
) {
  return tx
    .selectFrom('child_visit as v')
    .innerJoin('family as f', 'f.id', 'v.family_id')
    .where('v.status', '=', 'planned')
    .where('v.booked_at', 'is', null)
    .where('v.window_start', '<=', q.sunday)
    .where('v.window_end', '>=', q.monday)
    .where((eb) =>
      eb.or([
        ...(q.unitIds.length > 0 ? [eb('f.district_unit_id', 'in', q.unitIds)] : []),
        eb.exists(
          eb
            .selectFrom('coordinator_assignment as ca')
            .select('ca.id')
            .whereRef('ca.family_id', '=', 'v.family_id')
            .where('ca.staff_user_id', '=', q.userId)
            .where('ca.ended_at', 'is', null),
        ),
      ]),
    );
}

export async function visitsToBook(
  tx: Tx,
  q: { userId: string; unitIds: readonly string[]; monday: string; sunday: string; limit: number },
): Promise<{ rows: CalendarRow[]; total: number }> {
  const rows = await toBookQuery(tx, q)
    .innerJoin('person as c', 'c.id', 'v.child_person_id')
    .leftJoin('staff_user as bw', 'bw.id', 'v.booked_with')
    .select([...calendarColumns, parentNames])
    .orderBy('v.window_end')
    .orderBy('v.window_start')
    .orderBy('v.id')
    .limit(q.limit)
    .execute();
  const total =
    rows.length < q.limit
      ? rows.length
      : Number(
          (
            await toBookQuery(tx, q)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
  return { rows, total };
}
