import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type {
  CounsellingCaseTable,
  CounsellingContactTable,
  CounsellingGoalScoreTable,
  CounsellingGoalTable,
  CounsellingPartyTable,
} from '../../db/schema';
import type { Tx } from '../../db/scope';

// ---- Writing

export async function insertCase(tx: Tx, row: Insertable<CounsellingCaseTable>) {
  return tx.insertInto('counselling_case').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertGoals(tx: Tx, rows: Insertable<CounsellingGoalTable>[]) {
  if (rows.length === 0) return [];
  return tx.insertInto('counselling_goal').values(rows).returning('id').execute();
}

/** The position the case's next goal takes. */
export async function nextGoalPosition(tx: Tx, caseId: string): Promise<number> {
  const row = await tx
    .selectFrom('counselling_goal')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertScores(tx: Tx, rows: Insertable<CounsellingGoalScoreTable>[]) {
  return tx.insertInto('counselling_goal_score').values(rows).returning('id').execute();
}

export async function insertContact(tx: Tx, row: Insertable<CounsellingContactTable>) {
  return tx.insertInto('counselling_contact').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertParty(tx: Tx, row: Insertable<CounsellingPartyTable>) {
  return tx.insertInto('counselling_party').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The counsellor's organisation's involvement with the family while the case is open. */
export async function insertInvolvement(
  tx: Tx,
  row: { familyId: string; familyOrgId: string; orgId: string; unitId: string; userId: string; at: Date },
) {
  return tx
    .insertInto('involvement')
    .values({
      family_id: row.familyId,
      family_org_id: row.familyOrgId,
      org_id: row.orgId,
      unit_id: row.unitId,
      staff_user_id: row.userId,
      kind: 'counselling',
      reason: 'Familierådgivning: et rådgivningsforløb er åbnet',
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

/** Closes an open case; false when someone closed it at the same moment. */
export async function closeCase(
  tx: Tx,
  id: string,
  set: {
    closed_on: string;
    closed_at: Date;
    closed_by: string;
    outcome: NonNullable<CounsellingCaseTable['outcome']>;
    closing_note: string | null;
  },
): Promise<boolean> {
  const row = await tx
    .updateTable('counselling_case')
    .set({ ...set, status: 'closed' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

// ---- Reading one case

/** Who owns a case and whose family it is: what the policy needs before anything else is read. */
export async function findCaseOwner(tx: Tx, id: string) {
  return tx
    .selectFrom('counselling_case')
    .select([
      'id',
      'org_id',
      'unit_id',
      'family_id',
      'family_org_id',
      'counsellor_id',
      'status',
      'opened_on',
      'referral_id',
      'involvement_id',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}
export type CaseOwner = NonNullable<Awaited<ReturnType<typeof findCaseOwner>>>;

function summaryQuery(tx: Tx) {
  return tx
    .selectFrom('counselling_case as c')
    .innerJoin('organisation as o', 'o.id', 'c.org_id')
    .innerJoin('unit as u', 'u.id', 'c.unit_id')
    .innerJoin('staff_user as s', 's.id', 'c.counsellor_id')
    .select((eb) => [
      'c.id',
      'c.org_id',
      'c.unit_id',
      'c.family_id',
      'c.family_copy',
      'c.counsellor_id',
      'c.status',
      'c.opened_from',
      'c.referral_id',
      'c.opened_on',
      'c.closed_on',
      'c.outcome',
      'o.name as org_name',
      'u.name as unit_name',
      's.name as counsellor_name',
      eb
        .selectFrom('counselling_contact as k')
        .select((k) => k.fn.max('k.contact_on').as('d'))
        .whereRef('k.case_id', '=', 'c.id')
        .as('last_contact_on'),
      eb
        .selectFrom('counselling_goal as g')
        .select((g) => g.fn.countAll<number>().as('n'))
        .whereRef('g.case_id', '=', 'c.id')
        .as('goal_count'),
    ]);
}
export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

export async function findCase(tx: Tx, id: string) {
  return summaryQuery(tx)
    .leftJoin('staff_user as cb', 'cb.id', 'c.closed_by')
    .select([
      'c.reason',
      'c.requested_by_person_id',
      'c.request_how',
      'c.consent_id',
      'c.closing_note',
      'c.closed_by',
      'cb.name as closed_by_name',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export async function goalsOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('counselling_goal')
    .select(['id', 'title', 'created_on'])
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
}

export async function scoresOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('counselling_goal_score as sc')
    .innerJoin('staff_user as s', 's.id', 'sc.scored_by')
    .select([
      'sc.id',
      'sc.goal_id',
      'sc.score',
      'sc.scored_on',
      'sc.scored_at',
      'sc.note',
      'sc.scored_by',
      's.name',
    ])
    .where('sc.case_id', '=', caseId)
    .orderBy('sc.scored_on')
    .orderBy('sc.scored_at')
    .execute();
}

export async function contactsOf(tx: Tx, caseId: string) {
  return tx
    .selectFrom('counselling_contact as k')
    .innerJoin('staff_user as s', 's.id', 'k.recorded_by')
    .select([
      'k.id',
      'k.contact_on',
      'k.form',
      'k.duration_minutes',
      'k.participants',
      'k.note',
      'k.recorded_by',
      's.name',
    ])
    .where('k.case_id', '=', caseId)
    .orderBy('k.contact_on', 'desc')
    .orderBy('k.recorded_at', 'desc')
    .execute();
}

/** The parties, with whether a register consent they went on is still in force at `now`. */
export async function partiesOf(tx: Tx, caseId: string, now: Date) {
  return tx
    .selectFrom('counselling_party as p')
    .leftJoin('unit as u', 'u.id', 'p.party_unit_id')
    .leftJoin('organisation as o', 'o.id', 'p.party_org_id')
    .leftJoin('consent as k', 'k.id', 'p.consent_id')
    .select([
      'p.id',
      'p.kind',
      'p.name',
      'p.contact',
      'p.party_unit_id',
      'u.name as unit_name',
      'p.party_org_id',
      'o.name as org_name',
      'p.consent_id',
      'p.consent_person_id',
      'p.consent_how',
      'p.consent_on',
      'p.added_at',
      sql<boolean>`k.id IS NOT NULL AND k.withdrawn_at IS NULL AND k.valid_from <= ${now}
        AND (k.valid_to IS NULL OR k.valid_to > ${now})`.as('consent_in_force'),
    ])
    .where('p.case_id', '=', caseId)
    .orderBy('p.added_at')
    .orderBy('p.id')
    .execute();
}

// ---- Lists

/** A page of cases, newest opened first: the counsellor's own, or the organisation's. */
export async function listCases(
  tx: Tx,
  q: {
    orgId: string;
    counsellorId: string | null;
    status: 'open' | 'closed' | 'all';
    limit: number;
    offset: number;
  },
) {
  const total = await tx
    .selectFrom('counselling_case as c')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.org_id', '=', q.orgId)
    .$if(q.counsellorId !== null, (b) => b.where('c.counsellor_id', '=', q.counsellorId as string))
    .$if(q.status !== 'all', (b) => b.where('c.status', '=', q.status as 'open' | 'closed'))
    .executeTakeFirstOrThrow();
  const rows = await summaryQuery(tx)
    .where('c.org_id', '=', q.orgId)
    .$if(q.counsellorId !== null, (b) => b.where('c.counsellor_id', '=', q.counsellorId as string))
    .$if(q.status !== 'all', (b) => b.where('c.status', '=', q.status as 'open' | 'closed'))
    .orderBy('c.opened_on', 'desc')
    .orderBy('c.id')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(total.n), rows };
}

/** Every case of a family, in whichever organisation (read under asSystem, then decided one by one). */
export async function familyCases(tx: Tx, familyId: string) {
  return summaryQuery(tx).where('c.family_id', '=', familyId).orderBy('c.opened_on', 'desc').execute();
}
