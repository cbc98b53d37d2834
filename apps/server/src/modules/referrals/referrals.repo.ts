import type { ReferralStatus } from '@familiespor/domain';
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { ReferralAttachmentTable, ReferralTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

// ---- The receiver: organisations, units and offers are directory data every organisation reads.

export async function findOrganisation(tx: Tx, id: string) {
  return tx
    .selectFrom('organisation')
    .select(['id', 'name', 'kind', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findUnit(tx: Tx, id: string) {
  return tx
    .selectFrom('unit')
    .select(['id', 'org_id', 'name', 'active', 'service'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findOffer(tx: Tx, id: string) {
  return tx
    .selectFrom('offer')
    .select(['id', 'org_id', 'name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The organisation's active units; one of them is the receiver when it has only one. */
export async function activeUnitsOf(tx: Tx, orgId: string) {
  return tx.selectFrom('unit').select('id').where('org_id', '=', orgId).where('active', '=', true).execute();
}

/** The partnership between two organisations, in either direction, while it is active. */
export async function findPartnershipDeadline(tx: Tx, a: string, b: string): Promise<number | null> {
  const row = await tx
    .selectFrom('partnership')
    .select('ack_deadline_working_days')
    .where('active', '=', true)
    .where((eb) =>
      eb.or([
        eb.and([eb('municipality_org_id', '=', a), eb('partner_org_id', '=', b)]),
        eb.and([eb('municipality_org_id', '=', b), eb('partner_org_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return row?.ack_deadline_working_days ?? null;
}

// ---- Writing

export async function insertReferral(tx: Tx, row: Insertable<ReferralTable>) {
  return tx.insertInto('referral').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertAttachments(tx: Tx, rows: Insertable<ReferralAttachmentTable>[]) {
  if (rows.length === 0) return;
  await tx.insertInto('referral_attachment').values(rows).execute();
}

export async function insertEvent(
  tx: Tx,
  r: { id: string; org_id: string; to_org_id: string },
  e: { status: ReferralStatus; at: Date; byUser: string; note: string | null },
) {
  await tx
    .insertInto('referral_event')
    .values({
      referral_id: r.id,
      org_id: r.org_id,
      to_org_id: r.to_org_id,
      status: e.status,
      at: e.at,
      by_user: e.byUser,
      note: e.note,
    })
    .execute();
}

/**
 * Moves the referral from one status to the next. The status condition makes a second,
 * concurrent step a no-op the caller sees (false), never two steps from the same status.
 */
export async function moveStatus(
  tx: Tx,
  id: string,
  from: ReferralStatus,
  set: Partial<{
    status: ReferralStatus;
    received_at: Date;
    received_by: string;
    decided_at: Date;
    decided_by: string;
    rejection_reason: string;
    completed_at: Date;
    completed_by: string;
    involvement_id: string;
    updated_at: Date;
  }>,
): Promise<boolean> {
  const row = await tx
    .updateTable('referral')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The receiver's involvement: an accepted referral is a reason to work with the family. */
export async function insertInvolvement(
  tx: Tx,
  row: { familyId: string; familyOrgId: string; orgId: string; unitId: string | null; at: Date },
) {
  return tx
    .insertInto('involvement')
    .values({
      family_id: row.familyId,
      family_org_id: row.familyOrgId,
      org_id: row.orgId,
      unit_id: row.unitId,
      kind: 'referral',
      reason: 'Henvisning modtaget og accepteret',
      started_at: row.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function endInvolvement(tx: Tx, id: string, at: Date) {
  await tx
    .updateTable('involvement')
    .set({ ended_at: at })
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .execute();
}

// ---- Reading

/** Who owns a referral and who receives it: read under asSystem before deciding. */
export async function findReferralOwner(tx: Tx, id: string) {
  return tx
    .selectFrom('referral')
    .select([
      'id',
      'org_id',
      'family_id',
      'family_org_id',
      'sender_user_id',
      'to_org_id',
      'to_unit_id',
      'status',
      'involvement_id',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

function summaryQuery(tx: Tx) {
  return tx
    .selectFrom('referral as r')
    .innerJoin('organisation as fo', 'fo.id', 'r.org_id')
    .innerJoin('staff_user as su', 'su.id', 'r.sender_user_id')
    .innerJoin('organisation as tor', 'tor.id', 'r.to_org_id')
    .leftJoin('unit as tu', 'tu.id', 'r.to_unit_id')
    .leftJoin('offer as tof', 'tof.id', 'r.to_offer_id')
    .select([
      'r.id',
      'r.org_id',
      'r.family_id',
      'r.family_org_id',
      'r.sender_user_id',
      'r.to_org_id',
      'r.to_unit_id',
      'r.to_offer_id',
      'r.reason',
      'r.urgency',
      'r.status',
      'r.ack_working_days',
      'r.ack_due_on',
      'r.rejection_reason',
      'r.created_at',
      'r.updated_at',
      'fo.name as org_name',
      'su.name as sender_name',
      'tor.name as to_org_name',
      'tu.name as to_unit_name',
      'tof.name as to_offer_name',
    ]);
}
export type ReferralRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

export async function findReferral(tx: Tx, id: string) {
  return summaryQuery(tx).where('r.id', '=', id).executeTakeFirst();
}

export async function attachmentsOf(tx: Tx, referralId: string) {
  return tx
    .selectFrom('referral_attachment')
    .select(['category', 'record_ids', 'basis', 'consent_id'])
    .where('referral_id', '=', referralId)
    .orderBy('category')
    .execute();
}

export async function eventsOf(tx: Tx, referralId: string) {
  return tx
    .selectFrom('referral_event as e')
    .innerJoin('staff_user as su', 'su.id', 'e.by_user')
    .select(['e.status', 'e.at', 'e.by_user', 'su.name as by_name', 'e.note'])
    .where('e.referral_id', '=', referralId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

const openStatuses = ['requested', 'received', 'accepted'] as const;

/** "Sendt": what the user sent, or (a programme lead) what the organisation sent; newest first. */
export async function listSent(
  tx: Tx,
  q: { orgId: string; userId: string | null; open: boolean; limit: number },
) {
  return summaryQuery(tx)
    .where('r.org_id', '=', q.orgId)
    .$if(q.userId !== null, (b) => b.where('r.sender_user_id', '=', q.userId as string))
    .$if(q.open, (b) => b.where('r.status', 'in', openStatuses))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(q.limit)
    .execute();
}

/**
 * "Modtaget": what was sent to the user's units, or to the organisation as a whole (no unit), or
 * (a programme lead) to any of its units. Overdue first, then open by deadline, then the rest.
 */
export async function listReceived(
  tx: Tx,
  q: { orgId: string; unitIds: readonly string[] | null; today: string; open: boolean; limit: number },
) {
  return summaryQuery(tx)
    .where('r.to_org_id', '=', q.orgId)
    .$if(q.unitIds !== null, (b) =>
      b.where((eb) =>
        eb.or([
          eb('r.to_unit_id', 'is', null),
          ...((q.unitIds as readonly string[]).length > 0
            ? [eb('r.to_unit_id', 'in', q.unitIds as readonly string[])]
            : []),
        ]),
      ),
    )
    .$if(q.open, (b) => b.where('r.status', 'in', openStatuses))
    .orderBy(sql`r.status = 'requested' AND r.ack_due_on < ${q.today}::date`, 'desc')
    .orderBy(sql`r.status IN ('requested', 'received', 'accepted')`, 'desc')
    .orderBy('r.ack_due_on')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(q.limit)
    .execute();
}

/** The parents' names of each family, mother first (read after identity was decided). */
export async function parentNames(tx: Tx, familyIds: readonly string[]) {
  if (familyIds.length === 0) return new Map<string, string[]>();
  const rows = await tx
    .selectFrom('family_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .where('m.family_id', 'in', familyIds)
    .where('m.role', '!=', 'child')
    .select([
      'm.family_id',
      sql<string[]>`array_agg(p.given_name || ' ' || p.family_name
        ORDER BY m.role = 'mother' DESC, p.given_name)`.as('names'),
    ])
    .groupBy('m.family_id')
    .execute();
  return new Map(rows.map((r) => [r.family_id, r.names]));
}

// ---- What the access policy asks (under asSystem)

/** A referral of this family from `fromOrgId` to `toOrgId` in one of the statuses. */
export async function referralBetween(
  tx: Tx,
  q: { familyId: string; fromOrgId: string | null; toOrgId: string; statuses: readonly ReferralStatus[] },
): Promise<boolean> {
  const row = await tx
    .selectFrom('referral')
    .select('id')
    .where('family_id', '=', q.familyId)
    .$if(q.fromOrgId !== null, (b) => b.where('org_id', '=', q.fromOrgId as string))
    .where('to_org_id', '=', q.toOrgId)
    .where('status', 'in', q.statuses)
    .executeTakeFirst();
  return row !== undefined;
}

/** The category is attached to a referral of this family from `fromOrgId` to `toOrgId`. */
export async function attachedBetween(
  tx: Tx,
  q: {
    familyId: string;
    fromOrgId: string;
    toOrgId: string;
    category: string;
    statuses: readonly ReferralStatus[];
  },
): Promise<boolean> {
  const row = await tx
    .selectFrom('referral_attachment as a')
    .innerJoin('referral as r', 'r.id', 'a.referral_id')
    .select('r.id')
    .where('r.family_id', '=', q.familyId)
    .where('r.org_id', '=', q.fromOrgId)
    .where('r.to_org_id', '=', q.toOrgId)
    .where('r.status', 'in', q.statuses)
    .where('a.category', '=', q.category)
    .executeTakeFirst();
  return row !== undefined;
}

/** A unit asked to take on the family, while the referral is open. */
export async function unitReceivesReferral(
  tx: Tx,
  unitIds: readonly string[],
  familyId: string,
): Promise<boolean> {
  if (unitIds.length === 0) return false;
  const row = await tx
    .selectFrom('referral')
    .select('id')
    .where('family_id', '=', familyId)
    .where('to_unit_id', 'in', unitIds)
    .where('status', 'in', openStatuses)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The family's referrals to offers, with the sender's organisation (whose record each is) and
 * the status: what an offer's eligibility counts as "referred" (read under asSystem; the caller
 * decides per sender organisation).
 */
export async function referralsToOffers(tx: Tx, familyId: string) {
  return tx
    .selectFrom('referral')
    .select(['id', 'org_id', 'to_offer_id', 'status'])
    .where('family_id', '=', familyId)
    .where('to_offer_id', 'is not', null)
    .orderBy('created_at')
    .execute();
}

/** The referrals of a family for its timeline, with the receiver's name. */
export async function timelineReferrals(tx: Tx, familyId: string) {
  return summaryQuery(tx).where('r.family_id', '=', familyId).orderBy('r.created_at').execute();
}

// ---- "Mellem to stole": open and overdue referrals of the municipality's families

const danishDate = (column: string) =>
  sql<string>`(${sql.ref(column)} AT TIME ZONE 'Europe/Copenhagen')::date`;

/** Referrals about the organisation's families that no receiver has decided on yet. */
export function openReferralNeeds(tx: Tx, q: { orgId: string }) {
  return tx
    .selectFrom('referral')
    .select(['family_id', danishDate('created_at').as('since')])
    .where('family_org_id', '=', q.orgId)
    .where('status', 'in', ['requested', 'received']);
}

/** Referrals about the organisation's families still unacknowledged after their deadline day. */
export function overdueReferralNeeds(tx: Tx, q: { orgId: string; today: string }) {
  return tx
    .selectFrom('referral')
    .select(['family_id', sql<string>`ack_due_on + 1`.as('since')])
    .where('family_org_id', '=', q.orgId)
    .where('status', '=', 'requested')
    .where('ack_due_on', '<', q.today);
}
