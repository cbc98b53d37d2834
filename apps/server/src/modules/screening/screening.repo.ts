import type { Insertable } from 'kysely';
import type { InstrumentCode, ScreeningTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

export async function findInstrument(tx: Tx, code: InstrumentCode) {
  return tx.selectFrom('instrument').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findMember(tx: Tx, familyId: string, personId: string) {
  return tx
    .selectFrom('family_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.role', 'p.birth_date'])
    .where('m.family_id', '=', familyId)
    .where('m.person_id', '=', personId)
    .executeTakeFirst();
}

export async function findActivePregnancy(tx: Tx, familyId: string) {
  return tx
    .selectFrom('pregnancy')
    .select(['id', 'due_date'])
    .where('family_id', '=', familyId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function findVisitOfFamily(tx: Tx, familyId: string, visitId: string) {
  return tx
    .selectFrom('child_visit')
    .select('id')
    .where('id', '=', visitId)
    .where('family_id', '=', familyId)
    .executeTakeFirst();
}

export async function hasTraining(tx: Tx, staffUserId: string, instrument: InstrumentCode, today: string) {
  const row = await tx
    .selectFrom('staff_training')
    .select('since')
    .where('staff_user_id', '=', staffUserId)
    .where('instrument', '=', instrument)
    .where('since', '<=', today)
    .executeTakeFirst();
  return row !== undefined;
}

/** The respondent's latest EPDS from `from` up to and including `to` (the new one is not saved yet). */
export async function findPreviousEpds(tx: Tx, respondentId: string, from: string, to: string) {
  return tx
    .selectFrom('screening')
    .select(['id', 'band', 'observed_on'])
    .where('respondent_person_id', '=', respondentId)
    .where('instrument', '=', 'epds')
    .where('observed_on', '>=', from)
    .where('observed_on', '<=', to)
    .orderBy('observed_on', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function insertScreening(tx: Tx, row: Insertable<ScreeningTable>) {
  return tx.insertInto('screening').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Earlier screenings of the same person with the same instrument: their repeats are now done. */
export async function earlierScreeningIds(
  tx: Tx,
  q: { instrument: InstrumentCode; respondentId: string | null; childId: string | null; except: string },
) {
  let query = tx
    .selectFrom('screening')
    .select('id')
    .where('instrument', '=', q.instrument)
    .where('id', '!=', q.except);
  query =
    q.instrument === 'epds'
      ? query.where('respondent_person_id', '=', q.respondentId)
      : query.where('child_person_id', '=', q.childId);
  return (await query.execute()).map((r) => r.id);
}

export async function findScreeningOwner(tx: Tx, screeningId: string) {
  return tx
    .selectFrom('screening')
    .select(['id', 'org_id', 'family_id', 'in_pregnancy'])
    .where('id', '=', screeningId)
    .executeTakeFirst();
}

export async function findScreening(tx: Tx, screeningId: string) {
  return tx
    .selectFrom('screening as s')
    .innerJoin('instrument as i', 'i.code', 's.instrument')
    .selectAll('s')
    .select('i.credit')
    .where('s.id', '=', screeningId)
    .executeTakeFirst();
}

export async function timelineScreenings(tx: Tx, familyId: string) {
  return tx
    .selectFrom('screening as s')
    .leftJoin('person as p', 'p.id', 's.respondent_person_id')
    .select([
      's.id',
      's.org_id',
      's.instrument',
      's.respondent_role',
      's.observed_on',
      's.total',
      's.band',
      's.flags',
      's.in_pregnancy',
      'p.given_name',
    ])
    .where('s.family_id', '=', familyId)
    .execute();
}

export async function openTasksOfKind(tx: Tx, familyId: string, kind: string) {
  return tx
    .selectFrom('task')
    .select(['id', 'org_id', 'key'])
    .where('family_id', '=', familyId)
    .where('kind', '=', kind)
    .where('state', '=', 'ready')
    .execute();
}

/** Completes a task with a note in its history: the state history is the task's record. */
export async function completeTask(
  tx: Tx,
  task: { id: string; org_id: string },
  at: Date,
  byUser: string | null,
  note: string,
) {
  await tx
    .updateTable('task')
    .set({ state: 'completed', updated_at: at })
    .where('id', '=', task.id)
    .execute();
  await tx
    .insertInto('task_event')
    .values({ task_id: task.id, org_id: task.org_id, state: 'completed', at, by_user: byUser, note })
    .execute();
}

export async function screeningOwnersOfFamily(tx: Tx, familyId: string) {
  return tx
    .selectFrom('screening')
    .select(['id', 'org_id', 'in_pregnancy'])
    .where('family_id', '=', familyId)
    .execute();
}

/** Screenings decided beforehand, newest first; the caller's scope was widened where allowed. */
export async function findScreenings(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('screening as s')
    .innerJoin('instrument as i', 'i.code', 's.instrument')
    .selectAll('s')
    .select('i.credit')
    .where('s.id', 'in', ids)
    .orderBy('s.observed_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
}
