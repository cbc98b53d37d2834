import { type ExpressionBuilder, type Insertable, sql } from 'kysely';
import type { DB, HandoverTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

/** A receiving unit with its organisation; the unit directory is readable by every organisation. */
export async function findReceivingUnit(tx: Tx, unitId: string) {
  return tx
    .selectFrom('unit as u')
    .innerJoin('organisation as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.org_id',
      'u.name',
      'u.service',
      'u.active',
      'o.name as org_name',
      'o.active as org_active',
    ])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
}

/** Active units of the given services in these organisations, for the form's choice of receiver. */
export async function receivingUnits(tx: Tx, services: readonly string[], orgIds: readonly string[]) {
  if (orgIds.length === 0 || services.length === 0) return [];
  return tx
    .selectFrom('unit as u')
    .innerJoin('organisation as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.name', 'u.org_id', 'o.name as org_name'])
    .where('u.org_id', 'in', orgIds)
    .where(sql<boolean>`u.service = ANY (${sql.val([...services])}::text[])`)
    .where('u.active', '=', true)
    .where('o.active', '=', true)
    .orderBy('o.name')
    .orderBy('u.name')
    .execute();
}

function handoverConsents(tx: Tx, familyId: string, fromOrgId: string, now: Date) {
  return tx
    .selectFrom('consent')
    .where('family_id', '=', familyId)
    .where('from_org_id', '=', fromOrgId)
    .where(sql<boolean>`'handover' = ANY (categories)`)
    .where('withdrawn_at', 'is', null)
    .where('valid_from', '<=', now)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', now)]));
}

/** Organisations the family's consent in force lets handovers go to from `fromOrgId`. */
export async function consentedReceiverOrgs(tx: Tx, familyId: string, fromOrgId: string, now: Date) {
  const rows = await handoverConsents(tx, familyId, fromOrgId, now).select('to_org_id').distinct().execute();
  return rows.map((r) => r.to_org_id);
}

/** The latest consent in force for handovers from one organisation to another. */
export async function findHandoverConsent(
  tx: Tx,
  q: { familyId: string; fromOrgId: string; toOrgId: string; now: Date },
) {
  return handoverConsents(tx, q.familyId, q.fromOrgId, q.now)
    .where('to_org_id', '=', q.toOrgId)
    .select('id')
    .orderBy('captured_at', 'desc')
    .executeTakeFirst();
}

export async function findChild(tx: Tx, familyId: string, personId: string) {
  return tx
    .selectFrom('family_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.birth_date'])
    .where('m.family_id', '=', familyId)
    .where('m.person_id', '=', personId)
    .where('m.role', '=', 'child')
    .executeTakeFirst();
}

/** The parents with custody, mother first: whom the receiver will be talking to. */
export async function findCustodians(tx: Tx, familyId: string) {
  return tx
    .selectFrom('family_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'm.role', 'p.given_name', 'p.family_name', 'p.phone', 'p.email'])
    .where('m.family_id', '=', familyId)
    .where('m.role', '!=', 'child')
    .where('m.custody', '=', true)
    .orderBy(sql`m.role = 'mother'`, 'desc')
    .orderBy('p.given_name')
    .execute();
}

export async function insertHandover(tx: Tx, row: Insertable<HandoverTable>) {
  return tx.insertInto('handover').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Who owns a handover and who receives it: what the policy needs before anything else is read. */
export async function findHandoverOwner(tx: Tx, handoverId: string) {
  return tx
    .selectFrom('handover')
    .select([
      'id',
      'org_id',
      'family_id',
      'child_person_id',
      'to_org_id',
      'to_unit_id',
      'status',
      'consent_id',
      'consent_person_id',
    ])
    .where('id', '=', handoverId)
    .executeTakeFirst();
}

function handoverColumns() {
  return [
    'h.id',
    'h.org_id',
    'h.family_id',
    'h.child_person_id',
    'h.transition',
    'h.status',
    'h.start_date',
    'h.identity',
    'h.sent_at',
    'h.acknowledged_at',
    'h.to_org_id',
    'h.to_unit_id',
    'h.sent_by',
    'so.name as org_name',
    'ro.name as to_org_name',
    'ru.name as to_unit_name',
    's.name as sent_by_name',
  ] as const;
}

function summaryQuery(tx: Tx) {
  return tx
    .selectFrom('handover as h')
    .innerJoin('organisation as so', 'so.id', 'h.org_id')
    .innerJoin('organisation as ro', 'ro.id', 'h.to_org_id')
    .innerJoin('unit as ru', 'ru.id', 'h.to_unit_id')
    .innerJoin('staff_user as s', 's.id', 'h.sent_by');
}

export async function findHandover(tx: Tx, handoverId: string) {
  return summaryQuery(tx)
    .leftJoin('staff_user as a', 'a.id', 'h.acknowledged_by')
    .select([
      ...handoverColumns(),
      'h.content',
      'h.acknowledged_by',
      'a.name as acknowledged_by_name',
      's.title as sent_by_title',
      's.phone as sent_by_phone',
      's.email as sent_by_email',
    ])
    .where('h.id', '=', handoverId)
    .executeTakeFirst();
}
export type HandoverRow = NonNullable<Awaited<ReturnType<typeof findHandover>>>;

/**
 * The consent a handover went on is still in force (not withdrawn, not expired). A handover
 * inside one municipality carries its consent itself (consent_person_id) and has no row to check.
 */
function consentInForce(eb: ExpressionBuilder<DB, 'handover'>, now: Date) {
  return eb.or([
    eb('handover.consent_id', 'is', null),
    eb.exists(
      eb
        .selectFrom('consent as k')
        .select('k.id')
        .whereRef('k.id', '=', 'handover.consent_id')
        .where('k.withdrawn_at', 'is', null)
        .where('k.valid_from', '<=', now)
        .where((w) => w.or([w('k.valid_to', 'is', null), w('k.valid_to', '>', now)])),
    ),
  ]);
}

/**
 * A page of handovers, newest first: received by one of the units (only while the consent they
 * went on is in force), or sent by the user.
 */
export async function listHandovers(
  tx: Tx,
  box: { received: readonly string[] } | { sentBy: string },
  now: Date,
  page: { limit: number; offset: number },
) {
  if ('received' in box && box.received.length === 0) return { total: 0, rows: [] };
  const ids = tx
    .selectFrom('handover')
    .select('handover.id')
    .$if('received' in box, (qb) =>
      qb
        .where('handover.to_unit_id', 'in', 'received' in box ? box.received : [])
        .where((eb) => consentInForce(eb, now)),
    )
    .$if('sentBy' in box, (qb) => qb.where('handover.sent_by', '=', 'sentBy' in box ? box.sentBy : ''));
  const total = await tx
    .selectFrom(ids.as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await summaryQuery(tx)
    .select(handoverColumns())
    .where('h.id', 'in', ids)
    .orderBy('h.sent_at', 'desc')
    .orderBy('h.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: Number(total.n), rows };
}

export async function acknowledgeHandover(tx: Tx, handoverId: string, userId: string, at: Date) {
  return tx
    .updateTable('handover')
    .set({ status: 'acknowledged', acknowledged_by: userId, acknowledged_at: at })
    .where('id', '=', handoverId)
    .where('status', '=', 'sent')
    .returning('id')
    .executeTakeFirst();
}

/**
 * Whether one of the units received a handover for the family whose consent has not been
 * withdrawn. The relationship it gives has no clock; the handover's own reads check the consent's
 * validity against the request's time.
 */
export async function unitsReceivedHandover(
  tx: Tx,
  unitIds: readonly string[],
  familyId: string,
): Promise<boolean> {
  if (unitIds.length === 0) return false;
  const row = await tx
    .selectFrom('handover as h')
    .leftJoin('consent as k', 'k.id', 'h.consent_id')
    .select('h.id')
    .where('h.family_id', '=', familyId)
    .where('h.to_unit_id', 'in', unitIds)
    .where((eb) => eb.or([eb('h.consent_id', 'is', null), eb('k.withdrawn_at', 'is', null)]))
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the consent a handover went on is in force at `now`. */
export async function handoverConsentInForce(tx: Tx, handoverId: string, now: Date): Promise<boolean> {
  const row = await tx
    .selectFrom('handover')
    .select('handover.id')
    .where('handover.id', '=', handoverId)
    .where((eb) => consentInForce(eb, now))
    .executeTakeFirst();
  return row !== undefined;
}

export async function timelineHandovers(tx: Tx, familyId: string) {
  return tx
    .selectFrom('handover as h')
    .innerJoin('unit as ru', 'ru.id', 'h.to_unit_id')
    .select([
      'h.id',
      'h.org_id',
      'h.transition',
      'h.status',
      'h.start_date',
      'h.sent_at',
      'h.identity',
      'ru.name as to_unit_name',
    ])
    .where('h.family_id', '=', familyId)
    .execute();
}
