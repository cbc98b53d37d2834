import { type Insertable, sql } from 'kysely';
import type { AnonymousContactTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

export async function insertContact(tx: Tx, row: Insertable<AnonymousContactTable>) {
  return tx.insertInto('anonymous_contact').values(row).returning('id').executeTakeFirstOrThrow();
}

function contactQuery(tx: Tx) {
  return tx
    .selectFrom('anonymous_contact as c')
    .leftJoin('offer as f', 'f.id', 'c.offer_id')
    .select([
      'c.id',
      'c.contact_date',
      'c.slot_id',
      'c.channel',
      'c.who',
      'c.child_age_band',
      'c.topics',
      'c.duration_minutes',
      'c.outcomes',
      'c.offer_id',
      'f.name as offer_name',
      'c.note',
    ]);
}
export type ContactRow = Awaited<ReturnType<ReturnType<typeof contactQuery>['execute']>>[number];

export async function findContact(tx: Tx, id: string) {
  return contactQuery(tx).where('c.id', '=', id).executeTakeFirstOrThrow();
}

/**
 * The organisation's contacts, newest day first. Within a day the order is the random id's: the
 * log keeps no time, so the list must not hint at one.
 */
export async function listContacts(tx: Tx, orgId: string, page: { limit: number; offset: number }) {
  const total = await tx
    .selectFrom('anonymous_contact')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  const rows = await contactQuery(tx)
    .where('c.org_id', '=', orgId)
    .orderBy('c.contact_date', 'desc')
    .orderBy('c.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total.n), rows };
}

/** Whether the slot is the organisation's own. */
export async function slotOfOrganisation(tx: Tx, slotId: string, orgId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('open_counselling_slot')
    .select('id')
    .where('id', '=', slotId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findOffer(tx: Tx, offerId: string) {
  return tx
    .selectFrom('offer')
    .select(['id', 'name', 'active', 'org_id'])
    .where('id', '=', offerId)
    .executeTakeFirst();
}

/**
 * Offers a counsellor can point a parent to: the active offers of the organisation itself and
 * those open to the residents of the municipalities it is in partnership with.
 */
export async function bridgeOffers(tx: Tx, orgId: string, municipalityIds: readonly string[]) {
  return tx
    .selectFrom('offer as f')
    .innerJoin('organisation as o', 'o.id', 'f.org_id')
    .select(['f.id', 'f.name', 'f.kind', 'f.referral_only', 'o.id as org_id', 'o.name as org_name'])
    .where('f.active', '=', true)
    .where('o.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('f.org_id', '=', orgId),
        ...(municipalityIds.length > 0
          ? [
              eb('f.org_id', 'in', municipalityIds),
              sql<boolean>`f.municipality_ids && ${sql.val([...municipalityIds])}::uuid[]`,
            ]
          : []),
      ]),
    )
    .orderBy('o.name')
    .orderBy('f.name')
    .execute();
}

// ---- Statistics: counts only, never rows.

/** Contacts per month in the range (first day of the first month to the last day of the last). */
export async function countByMonth(tx: Tx, orgId: string, from: string, to: string) {
  return tx
    .selectFrom('anonymous_contact')
    .select([
      sql<string>`to_char(contact_date, 'YYYY-MM')`.as('month'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('org_id', '=', orgId)
    .where('contact_date', '>=', from)
    .where('contact_date', '<=', to)
    .groupBy(sql`to_char(contact_date, 'YYYY-MM')`)
    .execute();
}

/** Mentions of each topic per month: a contact counts once under each of its topics. */
export async function countTopicsByMonth(tx: Tx, orgId: string, from: string, to: string) {
  return tx
    .selectFrom(
      sql<{ month: string; topic: string }>`(
      SELECT to_char(c.contact_date, 'YYYY-MM') AS month, t.topic
      FROM anonymous_contact c CROSS JOIN LATERAL unnest(c.topics) AS t (topic)
      WHERE c.org_id = ${orgId} AND c.contact_date >= ${from} AND c.contact_date <= ${to}
    )`.as('x'),
    )
    .select(['x.month', 'x.topic', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['x.month', 'x.topic'])
    .execute();
}

/** Contacts by one single-valued column over the range. */
export async function countBy(
  tx: Tx,
  orgId: string,
  from: string,
  to: string,
  column: 'channel' | 'who' | 'child_age_band',
) {
  return tx
    .selectFrom('anonymous_contact')
    .select([sql<string>`${sql.ref(column)}`.as('key'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where('contact_date', '>=', from)
    .where('contact_date', '<=', to)
    .groupBy(sql.ref(column))
    .execute();
}

/** Contacts with each outcome over the range (a contact can have several). */
export async function countOutcomes(tx: Tx, orgId: string, from: string, to: string) {
  return tx
    .selectFrom(
      sql<{ outcome: string }>`(
      SELECT o.outcome
      FROM anonymous_contact c CROSS JOIN LATERAL unnest(c.outcomes) AS o (outcome)
      WHERE c.org_id = ${orgId} AND c.contact_date >= ${from} AND c.contact_date <= ${to}
    )`.as('x'),
    )
    .select(['x.outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('x.outcome')
    .execute();
}

// ---- Whose statistics a user may read.

/** Whether the municipality has an active partnership with the organisation. */
export async function inPartnership(tx: Tx, municipalityOrgId: string, partnerOrgId: string) {
  const row = await tx
    .selectFrom('partnership')
    .select('id')
    .where('municipality_org_id', '=', municipalityOrgId)
    .where('partner_org_id', '=', partnerOrgId)
    .where('active', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

/** The municipality's active partners that run open counselling (have a slot or a contact). */
export async function partnersWithOpenCounselling(tx: Tx, municipalityOrgId: string) {
  return tx
    .selectFrom('partnership as p')
    .innerJoin('organisation as o', 'o.id', 'p.partner_org_id')
    .select(['o.id', 'o.name'])
    .where('p.municipality_org_id', '=', municipalityOrgId)
    .where('p.active', '=', true)
    .where('o.active', '=', true)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb.selectFrom('open_counselling_slot as s').select('s.id').whereRef('s.org_id', '=', 'o.id'),
        ),
        eb.exists(eb.selectFrom('anonymous_contact as c').select('c.id').whereRef('c.org_id', '=', 'o.id')),
      ]),
    )
    .orderBy('o.name')
    .execute();
}

/** Whether the organisation runs open counselling: it has a slot, or has logged a conversation. */
export async function runsOpenCounselling(tx: Tx, orgId: string): Promise<boolean> {
  const row = await tx
    .selectNoFrom((eb) => [
      eb
        .or([
          eb.exists(eb.selectFrom('open_counselling_slot').select('id').where('org_id', '=', orgId)),
          eb.exists(eb.selectFrom('anonymous_contact').select('id').where('org_id', '=', orgId)),
        ])
        .as('runs'),
    ])
    .executeTakeFirstOrThrow();
  return Boolean(row.runs);
}

export async function findOrganisation(tx: Tx, id: string) {
  return tx.selectFrom('organisation').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
}
