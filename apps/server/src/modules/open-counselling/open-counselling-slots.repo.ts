import { type Insertable, sql } from 'kysely';
import type { OpenCounsellingSlotTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

function slotQuery(tx: Tx) {
  return tx
    .selectFrom('open_counselling_slot as s')
    .innerJoin('organisation as o', 'o.id', 's.org_id')
    .leftJoin('offer as f', 'f.id', 's.offer_id')
    .select([
      's.id',
      's.org_id',
      'o.name as org_name',
      's.offer_id',
      'f.name as offer_name',
      's.weekday',
      's.start_time',
      's.end_time',
      's.walk_in',
      's.place_name',
      's.street',
      's.postcode',
      's.city',
      's.phone',
      's.chat_url',
      's.languages',
      's.municipality_ids',
      's.public_note',
      's.valid_from',
      's.valid_to',
      's.ended_at',
    ]);
}
export type SlotRow = Awaited<ReturnType<ReturnType<typeof slotQuery>['execute']>>[number];

/**
 * The slots still held (today or later), of active organisations: for everyone, no login. With a
 * municipality, those serving its residents; with a postcode, those at it or serving the
 * municipality it belongs to.
 */
export async function listCurrentSlots(
  tx: Tx,
  filter: { today: string; municipalityIds?: readonly string[]; postcode?: string },
) {
  let q = slotQuery(tx)
    .where('o.active', '=', true)
    .where((eb) => eb.or([eb('s.valid_to', 'is', null), eb('s.valid_to', '>=', filter.today)]));
  const municipalities = filter.municipalityIds ?? [];
  if (filter.postcode !== undefined || filter.municipalityIds !== undefined) {
    const postcode = filter.postcode;
    q = q.where((eb) =>
      eb.or([
        ...(postcode ? [eb('s.postcode', '=', postcode)] : []),
        ...(municipalities.length > 0
          ? [sql<boolean>`s.municipality_ids && ${sql.val([...municipalities])}::uuid[]`]
          : []),
        sql<boolean>`false`,
      ]),
    );
  }
  return q.orderBy('s.weekday').orderBy('s.start_time').orderBy('o.name').execute();
}

/** Every slot of one organisation, ended ones too, newest first within a weekday. */
export async function listOrganisationSlots(tx: Tx, orgId: string) {
  return slotQuery(tx)
    .where('s.org_id', '=', orgId)
    .orderBy('s.weekday')
    .orderBy('s.start_time')
    .orderBy('s.valid_from', 'desc')
    .execute();
}

export async function findSlot(tx: Tx, slotId: string) {
  return slotQuery(tx).where('s.id', '=', slotId).executeTakeFirst();
}

/** The counsellors on duty at the slots, with their names. */
export async function counsellorsOf(tx: Tx, slotIds: readonly string[]) {
  if (slotIds.length === 0) return [];
  return tx
    .selectFrom('open_counselling_slot_counsellor as c')
    .innerJoin('staff_user as u', 'u.id', 'c.staff_user_id')
    .select(['c.slot_id', 'u.id', 'u.name', 'u.active'])
    .where('c.slot_id', 'in', slotIds)
    .orderBy('u.name')
    .execute();
}

/** The municipalities the slots serve, by name. */
export async function organisationNames(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

/** The municipality a postcode belongs to (its health visiting district's organisation). */
export async function municipalityOfPostcode(tx: Tx, postcode: string) {
  const rows = await tx
    .selectFrom('district_postcode')
    .select('org_id')
    .where('postcode', '=', postcode)
    .distinct()
    .execute();
  return rows.map((r) => r.org_id);
}

/** Active staff of the organisation, for the choice of counsellors on duty. */
export async function activeStaffOf(tx: Tx, orgId: string) {
  return tx
    .selectFrom('staff_user as u')
    .select(['u.id', 'u.name'])
    .where('u.org_id', '=', orgId)
    .where('u.active', '=', true)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('staff_user_role as r')
          .select('r.role')
          .whereRef('r.staff_user_id', '=', 'u.id')
          .where('r.role', 'in', ['ngo_counsellor', 'family_counsellor', 'programme_lead']),
      ),
    )
    .orderBy('u.name')
    .execute();
}

/** The organisation's open_counselling offers (active), a slot can belong to. */
export async function openCounsellingOffersOf(tx: Tx, orgId: string) {
  return tx
    .selectFrom('offer')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'open_counselling')
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

/** The municipalities an organisation serves: itself if it is one, and its active partners. */
export async function servedMunicipalities(tx: Tx, orgId: string) {
  const rows = await tx
    .selectFrom('organisation as o')
    .select('o.id')
    .where('o.kind', '=', 'municipality')
    .where('o.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('o.id', '=', orgId),
        eb.exists(
          eb
            .selectFrom('partnership as p')
            .select('p.id')
            .whereRef('p.municipality_org_id', '=', 'o.id')
            .where('p.partner_org_id', '=', orgId)
            .where('p.active', '=', true),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

export async function findMunicipalities(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('organisation')
    .select('id')
    .where('id', 'in', ids)
    .where('kind', '=', 'municipality')
    .execute();
}

export async function insertSlot(tx: Tx, row: Insertable<OpenCounsellingSlotTable>) {
  return tx.insertInto('open_counselling_slot').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertCounsellors(tx: Tx, orgId: string, slotId: string, staffIds: readonly string[]) {
  if (staffIds.length === 0) return;
  await tx
    .insertInto('open_counselling_slot_counsellor')
    .values(staffIds.map((staff_user_id) => ({ slot_id: slotId, staff_user_id, org_id: orgId })))
    .execute();
}

/** Sets the slot's last day; only a slot not ended already. */
export async function endSlot(tx: Tx, slotId: string, lastDay: string, by: string, at: Date) {
  return tx
    .updateTable('open_counselling_slot')
    .set({ valid_to: lastDay, ended_by: by, ended_at: at })
    .where('id', '=', slotId)
    .where('ended_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}
