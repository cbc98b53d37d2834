import type { Insertable } from 'kysely';
import type { ConsentTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

export async function insertConsent(tx: Tx, row: Insertable<ConsentTable>): Promise<string> {
  return (await tx.insertInto('consent').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Who a consent concerns, for the access decision before anything else is read. */
export async function findConsentOwner(tx: Tx, id: string) {
  return tx
    .selectFrom('consent')
    .select(['id', 'family_id', 'family_org_id', 'from_org_id', 'to_org_id', 'withdrawn_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Withdraws a consent once; 0 rows when someone withdrew it first. */
export async function withdrawConsent(
  tx: Tx,
  id: string,
  w: {
    at: Date;
    how: 'portal' | 'paper' | 'verbal';
    byPersonId: string | null;
    byStaffId: string | null;
  },
): Promise<number> {
  const r = await tx
    .updateTable('consent')
    .set({
      withdrawn_at: w.at,
      withdrawn_how: w.how,
      withdrawn_by_person_id: w.byPersonId,
      withdrawn_by_staff_id: w.byStaffId,
    })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

function consentRows(tx: Tx) {
  return tx
    .selectFrom('consent as c')
    .innerJoin('organisation as fo', 'fo.id', 'c.from_org_id')
    .innerJoin('organisation as tor', 'tor.id', 'c.to_org_id')
    .innerJoin('person as g', 'g.id', 'c.granted_by_person_id')
    .leftJoin('staff_user as cb', 'cb.id', 'c.captured_by')
    .leftJoin('person as wp', 'wp.id', 'c.withdrawn_by_person_id')
    .leftJoin('staff_user as ws', 'ws.id', 'c.withdrawn_by_staff_id')
    .select([
      'c.id',
      'c.family_id',
      'c.family_org_id',
      'c.categories',
      'c.from_org_id',
      'fo.name as from_name',
      'c.to_org_id',
      'tor.name as to_name',
      'c.purpose',
      'c.valid_from',
      'c.valid_to',
      'c.withdrawn_at',
      'c.withdrawn_how',
      'c.granted_by_person_id',
      'g.given_name as granted_given',
      'g.family_name as granted_family',
      'c.captured_how',
      'c.captured_at',
      'c.captured_by',
      'cb.name as captured_by_name',
      'wp.given_name as withdrawn_person_given',
      'wp.family_name as withdrawn_person_family',
      'ws.name as withdrawn_staff_name',
    ]);
}
export type ConsentRow = NonNullable<Awaited<ReturnType<typeof findConsent>>>;

export async function findConsent(tx: Tx, id: string) {
  return consentRows(tx).where('c.id', '=', id).executeTakeFirst();
}

export async function findFamilyConsents(tx: Tx, familyId: string) {
  return consentRows(tx)
    .where('c.family_id', '=', familyId)
    .orderBy('c.captured_at', 'desc')
    .orderBy('c.id')
    .execute();
}

/** Which of these organisations exist (a consent may only name real ones). */
export async function existingOrganisations(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.selectFrom('organisation').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The organisations a consent for this family can sensibly name: the family's own, every one
 * that has worked with it, the family organisation's partners, and those already in a consent.
 */
export async function consentOrganisations(tx: Tx, familyId: string, familyOrgId: string) {
  return tx
    .selectFrom('organisation as o')
    .select(['o.id', 'o.name', 'o.kind'])
    .where((eb) =>
      eb.or([
        eb('o.id', '=', familyOrgId),
        eb('o.id', 'in', eb.selectFrom('involvement').select('org_id').where('family_id', '=', familyId)),
        eb(
          'o.id',
          'in',
          eb
            .selectFrom('partnership')
            .select('partner_org_id')
            .where('municipality_org_id', '=', familyOrgId)
            .where('active', '=', true),
        ),
        eb('o.id', 'in', eb.selectFrom('consent').select('from_org_id').where('family_id', '=', familyId)),
        eb('o.id', 'in', eb.selectFrom('consent').select('to_org_id').where('family_id', '=', familyId)),
      ]),
    )
    .where('o.active', '=', true)
    .orderBy('o.name')
    .execute();
}

/** The family's grown-ups: who may give or withdraw a consent is whoever has custody. */
export async function familyParents(tx: Tx, familyId: string) {
  return tx
    .selectFrom('family_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'm.role', 'm.custody', 'p.given_name', 'p.family_name'])
    .where('m.family_id', '=', familyId)
    .where('m.role', '<>', 'child')
    .orderBy('m.role')
    .orderBy('p.given_name')
    .execute();
}

/** Consents for the family timeline, with the organisations' names. */
export async function timelineConsents(tx: Tx, familyId: string) {
  return tx
    .selectFrom('consent as c')
    .innerJoin('organisation as fo', 'fo.id', 'c.from_org_id')
    .innerJoin('organisation as tor', 'tor.id', 'c.to_org_id')
    .select([
      'c.id',
      'c.family_org_id',
      'c.categories',
      'fo.name as from_name',
      'tor.name as to_name',
      'c.valid_from',
      'c.valid_to',
      'c.captured_at',
      'c.withdrawn_at',
    ])
    .where('c.family_id', '=', familyId)
    .execute();
}
