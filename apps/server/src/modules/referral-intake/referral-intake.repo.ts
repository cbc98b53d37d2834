import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { ReferralIntakeStatus, ReferralIntakeTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

// ---- Directory data every organisation reads (offers, postcodes).

/** The municipality whose district serves the postcode, when one has registered it. */
export async function municipalityOfPostcode(tx: Tx, postcode: string) {
  return tx
    .selectFrom('district_postcode as d')
    .innerJoin('organisation as o', 'o.id', 'd.org_id')
    .select(['o.id', 'o.name'])
    .where('d.postcode', '=', postcode)
    .where('o.active', '=', true)
    .orderBy('o.name')
    .executeTakeFirst();
}

export async function activeUnitsOf(tx: Tx, orgId: string) {
  return tx.selectFrom('unit').select('id').where('org_id', '=', orgId).where('active', '=', true).execute();
}

// ---- Writing

export async function insertIntake(tx: Tx, row: Insertable<ReferralIntakeTable>) {
  return tx.insertInto('referral_intake').values(row).returning('id').executeTakeFirstOrThrow();
}

/**
 * Moves the intake on from one status. The status condition makes a second, concurrent step a
 * no-op the caller sees (false).
 */
export async function moveIntake(
  tx: Tx,
  id: string,
  from: ReferralIntakeStatus,
  set: Partial<{
    status: ReferralIntakeStatus;
    received_at: Date;
    received_by: string;
    decided_at: Date;
    decided_by: string;
    rejection_reason: string;
    referral_id: string;
    updated_at: Date;
  }>,
): Promise<boolean> {
  const row = await tx
    .updateTable('referral_intake')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

// ---- Reading

function intakeQuery(tx: Tx) {
  return tx
    .selectFrom('referral_intake as i')
    .innerJoin('organisation as fo', 'fo.id', 'i.org_id')
    .innerJoin('staff_user as su', 'su.id', 'i.sender_user_id')
    .innerJoin('organisation as tor', 'tor.id', 'i.to_org_id')
    .leftJoin('unit as tu', 'tu.id', 'i.to_unit_id')
    .innerJoin('offer as tof', 'tof.id', 'i.to_offer_id')
    .leftJoin('organisation as ho', 'ho.id', 'i.home_org_id')
    .selectAll('i')
    .select([
      'fo.name as org_name',
      'su.name as sender_name',
      'tor.name as to_org_name',
      'tu.name as to_unit_name',
      'tof.name as to_offer_name',
      'ho.name as home_org_name',
    ]);
}
export type IntakeRow = Awaited<ReturnType<ReturnType<typeof intakeQuery>['executeTakeFirstOrThrow']>>;

export async function findIntake(tx: Tx, id: string) {
  return intakeQuery(tx).where('i.id', '=', id).executeTakeFirst();
}

const listLimit = 200;

/** "Sendt": what the user sent, or (a programme lead) what the organisation sent; newest first. */
export async function listSentIntakes(tx: Tx, q: { orgId: string; userId: string | null }) {
  return intakeQuery(tx)
    .where('i.org_id', '=', q.orgId)
    .$if(q.userId !== null, (b) => b.where('i.sender_user_id', '=', q.userId as string))
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .limit(listLimit)
    .execute();
}

/**
 * "Modtaget": what was sent to the user's units or to the organisation as a whole (a programme
 * lead: to any of its units). Overdue first, then open by deadline, then the rest.
 */
export async function listReceivedIntakes(
  tx: Tx,
  q: { orgId: string; unitIds: readonly string[] | null; today: string },
) {
  return intakeQuery(tx)
    .where('i.to_org_id', '=', q.orgId)
    .$if(q.unitIds !== null, (b) =>
      b.where((eb) =>
        eb.or([
          eb('i.to_unit_id', 'is', null),
          ...((q.unitIds as readonly string[]).length > 0
            ? [eb('i.to_unit_id', 'in', q.unitIds as readonly string[])]
            : []),
        ]),
      ),
    )
    .orderBy(sql`i.status = 'requested' AND i.ack_due_on < ${q.today}::date`, 'desc')
    .orderBy(sql`i.status IN ('requested', 'received')`, 'desc')
    .orderBy('i.ack_due_on')
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id')
    .limit(listLimit)
    .execute();
}

/** A person already registered with this CPR (read under asSystem: registering must not duplicate her). */
export async function personWithCpr(tx: Tx, cpr: string) {
  return tx.selectFrom('person').select('id').where('cpr', '=', cpr).executeTakeFirst();
}
