import type { CounsellingOutcome } from '@familiespor/domain';
import { sql } from 'kysely';
import type { Tx } from '../../db/scope';

// ---- The family a case is opened for (read under asSystem: the policy has not decided yet)

/** Families where a parent with custody has this CPR number (digits only). */
export async function familiesOfParentCpr(tx: Tx, cprDigits: string) {
  return tx
    .selectFrom('person as p')
    .innerJoin('family_member as m', 'm.person_id', 'p.id')
    .innerJoin('family as f', 'f.id', 'm.family_id')
    .select(['f.id as family_id', 'f.org_id as family_org_id', 'p.id as person_id'])
    .where('p.cpr', '=', cprDigits)
    .where('m.role', '!=', 'child')
    .where('m.custody', '=', true)
    .execute();
}

/** The family's members as the case writes them down: parents first (mother first), then children. */
export async function familyMembers(tx: Tx, familyId: string) {
  return tx
    .selectFrom('family_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(['m.person_id', 'm.role', 'm.custody', 'p.given_name', 'p.family_name', 'p.birth_date'])
    .where('m.family_id', '=', familyId)
    .orderBy(sql`CASE m.role WHEN 'mother' THEN 1 WHEN 'father' THEN 2 WHEN 'co_parent' THEN 3 ELSE 4 END`)
    .orderBy('p.birth_date')
    .orderBy('p.given_name')
    .execute();
}

/** A unit with its organisation: the unit directory is readable by every organisation. */
export async function findUnitWithOrg(tx: Tx, unitId: string) {
  return tx
    .selectFrom('unit as u')
    .innerJoin('organisation as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.org_id',
      'u.name',
      'u.active',
      'u.phone',
      'u.email',
      'o.name as org_name',
      'o.active as org_active',
    ])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
}

/** The open case of a family in an organisation, if any. */
export async function openCaseOf(tx: Tx, familyId: string, orgId: string) {
  return tx
    .selectFrom('counselling_case')
    .select('id')
    .where('family_id', '=', familyId)
    .where('org_id', '=', orgId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function caseOfReferral(tx: Tx, referralId: string) {
  return tx
    .selectFrom('counselling_case')
    .select('id')
    .where('referral_id', '=', referralId)
    .executeTakeFirst();
}

// ---- What the access policy asks (relationship)

/**
 * The user counsels the family in a case of theirs (open or closed: a counsellor looks back at her
 * own cases), or one of the user's units holds an open case for it.
 */
export async function worksOnCase(
  tx: Tx,
  p: { userId: string; unitIds: readonly string[] },
  familyId: string,
): Promise<boolean> {
  const row = await tx
    .selectFrom('counselling_case')
    .select('id')
    .where('family_id', '=', familyId)
    .where((eb) =>
      eb.or([
        eb('counsellor_id', '=', p.userId),
        ...(p.unitIds.length > 0
          ? [eb.and([eb('unit_id', 'in', p.unitIds), eb('status', '=', 'open')])]
          : []),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

// ---- The yearly figures

/**
 * The organisation's cases open at some time between two days, with how many of each case's goals
 * were scored at least twice and how many of those rose from the first score to the latest.
 */
export async function casesBetween(tx: Tx, orgId: string, from: string, to: string) {
  const { rows } = await sql<{
    family_id: string;
    opened_on: string;
    closed_on: string | null;
    outcome: CounsellingOutcome | null;
    goals_scored_twice: number;
    goals_improved: number;
  }>`SELECT c.family_id, c.opened_on, c.closed_on, c.outcome,
      coalesce(gp.scored_twice, 0)::int AS goals_scored_twice,
      coalesce(gp.improved, 0)::int AS goals_improved
    FROM counselling_case c
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE g.n > 1) AS scored_twice,
             count(*) FILTER (WHERE g.n > 1 AND g.latest > g.first) AS improved
      FROM (SELECT (array_agg(s.score ORDER BY s.scored_on, s.scored_at))[1] AS first,
                   (array_agg(s.score ORDER BY s.scored_on DESC, s.scored_at DESC))[1] AS latest,
                   count(*) AS n
            FROM counselling_goal_score s WHERE s.case_id = c.id GROUP BY s.goal_id) g
    ) gp ON true
    WHERE c.org_id = ${orgId}::uuid AND c.opened_on <= ${to}::date
      AND (c.closed_on IS NULL OR c.closed_on >= ${from}::date)`.execute(tx);
  return rows;
}

/** The calendar years from the organisation's first case. */
export async function firstCaseYear(tx: Tx, orgId: string): Promise<number | null> {
  const row = await tx
    .selectFrom('counselling_case')
    .select(sql<number | null>`min(extract(year FROM opened_on))::int`.as('y'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return row?.y ?? null;
}

// ---- The family timeline and "Mellem to stole"

export async function timelineCases(tx: Tx, familyId: string) {
  return tx
    .selectFrom('counselling_case as c')
    .innerJoin('staff_user as s', 's.id', 'c.counsellor_id')
    .select([
      'c.id',
      'c.org_id',
      'c.opened_on',
      'c.closed_on',
      'c.opened_from',
      'c.outcome',
      's.name as counsellor_name',
    ])
    .where('c.family_id', '=', familyId)
    .execute();
}

export async function timelineContacts(tx: Tx, familyId: string) {
  return tx
    .selectFrom('counselling_contact as k')
    .innerJoin('counselling_case as c', 'c.id', 'k.case_id')
    .innerJoin('staff_user as s', 's.id', 'k.recorded_by')
    .select([
      'k.id',
      'k.case_id',
      'k.org_id',
      'k.contact_on',
      'k.form',
      'k.duration_minutes',
      's.name as counsellor_name',
    ])
    .where('c.family_id', '=', familyId)
    .execute();
}

/** The organisation's families with an open counselling case, anywhere (their open involvements). */
export function openCounsellingNeeds(tx: Tx, q: { orgId: string }) {
  return tx
    .selectFrom('involvement')
    .select(['family_id', sql<string>`(started_at AT TIME ZONE 'Europe/Copenhagen')::date`.as('since')])
    .where('family_org_id', '=', q.orgId)
    .where('kind', '=', 'counselling')
    .where('ended_at', 'is', null);
}
