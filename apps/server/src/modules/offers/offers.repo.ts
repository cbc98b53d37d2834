import type { Insertable, Updateable } from 'kysely';
import type { OfferSiteTable, OfferTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

const offerColumns = [
  'o.id',
  'o.org_id',
  'org.name as org_name',
  'o.name',
  'o.description',
  'o.kind',
  'o.level',
  'o.municipality_ids',
  'o.eligibility',
  'o.capacity',
  'o.languages',
  'o.legal_basis',
  'o.referral_only',
  'o.fiv',
  'o.schedule',
  'o.active',
] as const;

/** Offers with their counts of enrolled and waitlisted families. */
export async function listOffers(
  tx: Tx,
  filter: { forMunicipality?: string; orgId?: string; includeInactive: boolean },
) {
  let q = tx
    .selectFrom('offer as o')
    .innerJoin('organisation as org', 'org.id', 'o.org_id')
    .select(offerColumns)
    .select((eb) => [
      eb
        .selectFrom('enrollment as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.offer_id', '=', 'o.id')
        .where('e.status', '=', 'enrolled')
        .as('enrolled'),
      eb
        .selectFrom('enrollment as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.offer_id', '=', 'o.id')
        .where('e.status', '=', 'waitlisted')
        .as('waitlisted'),
    ]);
  if (!filter.includeInactive) q = q.where('o.active', '=', true);
  if (filter.forMunicipality) {
    const m = filter.forMunicipality;
    q = q.where((eb) => eb.or([eb(eb.val(m), '=', eb.fn.any('o.municipality_ids')), eb('o.org_id', '=', m)]));
  }
  if (filter.orgId) q = q.where('o.org_id', '=', filter.orgId);
  return q.orderBy('o.name').execute();
}

export type OfferRow = Awaited<ReturnType<typeof listOffers>>[number];

export async function findOffer(tx: Tx, id: string): Promise<OfferRow | undefined> {
  return (
    await tx
      .selectFrom('offer as o')
      .innerJoin('organisation as org', 'org.id', 'o.org_id')
      .select(offerColumns)
      .select((eb) => [
        eb
          .selectFrom('enrollment as e')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('e.offer_id', '=', 'o.id')
          .where('e.status', '=', 'enrolled')
          .as('enrolled'),
        eb
          .selectFrom('enrollment as e')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('e.offer_id', '=', 'o.id')
          .where('e.status', '=', 'waitlisted')
          .as('waitlisted'),
      ])
      .where('o.id', '=', id)
      .execute()
  )[0];
}

/** Locks the offer row: sign-ups for the same offer queue here, so the last seat goes to one family. */
export async function lockOffer(tx: Tx, id: string) {
  return tx
    .selectFrom('offer')
    .select(['id', 'capacity'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertOffer(tx: Tx, row: Insertable<OfferTable>) {
  return tx.insertInto('offer').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateOffer(tx: Tx, id: string, patch: Updateable<OfferTable>) {
  await tx.updateTable('offer').set(patch).where('id', '=', id).execute();
}

export async function listSites(tx: Tx, offerIds: readonly string[]) {
  if (offerIds.length === 0) return [];
  return tx.selectFrom('offer_site').selectAll().where('offer_id', 'in', offerIds).orderBy('name').execute();
}

export async function insertSites(tx: Tx, rows: Insertable<OfferSiteTable>[]) {
  if (rows.length > 0) await tx.insertInto('offer_site').values(rows).execute();
}

export async function findTemplate(tx: Tx, offerId: string) {
  return tx
    .selectFrom('course_template')
    .select(['sessions'])
    .where('offer_id', '=', offerId)
    .executeTakeFirst();
}

export async function listTemplates(tx: Tx, offerIds: readonly string[]) {
  if (offerIds.length === 0) return [];
  return tx
    .selectFrom('course_template')
    .select(['offer_id', 'sessions'])
    .where('offer_id', 'in', offerIds)
    .execute();
}

export async function upsertTemplate(tx: Tx, offerId: string, orgId: string, sessions: unknown[], at: Date) {
  const json = JSON.stringify(sessions);
  await tx
    .insertInto('course_template')
    .values({ offer_id: offerId, org_id: orgId, sessions: json, updated_at: at })
    .onConflict((oc) => oc.column('offer_id').doUpdateSet({ sessions: json, updated_at: at }))
    .execute();
}

/** Counts families enrolled now: capacity may not drop below it. */
export async function countEnrolled(tx: Tx, offerId: string): Promise<number> {
  const r = await tx
    .selectFrom('enrollment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('offer_id', '=', offerId)
    .where('status', '=', 'enrolled')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function organisationKinds(tx: Tx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx.selectFrom('organisation').select(['id', 'kind']).where('id', 'in', ids).execute();
}

/** The facts eligibility needs about a family, read after access has been decided. */
export async function familyFactsForEligibility(tx: Tx, familyId: string) {
  const family = await tx
    .selectFrom('family')
    .select(['id', 'org_id'])
    .where('id', '=', familyId)
    .executeTakeFirst();
  if (!family) return undefined;
  const members = await tx
    .selectFrom('family_member as fm')
    .innerJoin('person as p', 'p.id', 'fm.person_id')
    .select([
      'p.id',
      'fm.role',
      'fm.first_time_parent',
      'p.birth_date',
      'p.preferred_language',
      'p.interpreter_needed',
      'p.given_name',
      'p.family_name',
    ])
    .where('fm.family_id', '=', familyId)
    .execute();
  return { family, members };
}

export async function activeDueDate(tx: Tx, familyId: string, orgIds: readonly string[]) {
  if (orgIds.length === 0) return null;
  const r = await tx
    .selectFrom('pregnancy')
    .select('due_date')
    .where('family_id', '=', familyId)
    .where('status', '=', 'active')
    .where('org_id', 'in', orgIds)
    .executeTakeFirst();
  return r?.due_date ?? null;
}

export async function pregnancyOrgs(tx: Tx, familyId: string) {
  return (
    await tx.selectFrom('pregnancy').select('org_id').distinct().where('family_id', '=', familyId).execute()
  ).map((r) => r.org_id);
}
