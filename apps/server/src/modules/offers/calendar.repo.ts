import type { Tx } from '../../db/scope';

export async function revokeFeeds(tx: Tx, personId: string, familyId: string, at: Date) {
  await tx
    .updateTable('calendar_feed')
    .set({ revoked_at: at })
    .where('person_id', '=', personId)
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function insertFeed(
  tx: Tx,
  row: { person_id: string; family_id: string; token_hash: string; created_at: Date },
) {
  await tx.insertInto('calendar_feed').values(row).execute();
}

export async function findFeed(tx: Tx, tokenHash: string) {
  return tx
    .selectFrom('calendar_feed as c')
    .innerJoin('family as f', 'f.id', 'c.family_id')
    .select(['c.id', 'c.person_id', 'c.family_id', 'f.org_id', 'c.revoked_at'])
    .where('c.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function cohortOfFamily(tx: Tx, cohortId: string, familyId: string) {
  return tx
    .selectFrom('enrollment as e')
    .innerJoin('cohort as c', 'c.id', 'e.cohort_id')
    .select(['c.id', 'c.org_id', 'c.status'])
    .select((eb) =>
      eb
        .selectFrom('course_session as s')
        .select((x) => x.fn.max('s.ends_at').as('m'))
        .whereRef('s.cohort_id', '=', 'c.id')
        .as('last_session'),
    )
    .where('e.cohort_id', '=', cohortId)
    .where('e.family_id', '=', familyId)
    .where('e.status', 'in', ['enrolled', 'completed'])
    .executeTakeFirst();
}

export async function upsertNetworkMember(
  tx: Tx,
  row: {
    cohort_id: string;
    person_id: string;
    org_id: string;
    share_name: boolean;
    share_contact: boolean;
    updated_at: Date;
  },
) {
  await tx
    .insertInto('network_member')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['cohort_id', 'person_id']).doUpdateSet({
        share_name: row.share_name,
        share_contact: row.share_contact,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function networkOf(tx: Tx, cohortId: string) {
  return tx
    .selectFrom('network_member as n')
    .innerJoin('person as p', 'p.id', 'n.person_id')
    .select([
      'n.person_id',
      'n.share_name',
      'n.share_contact',
      'p.given_name',
      'p.family_name',
      'p.phone',
      'p.email',
    ])
    .where('n.cohort_id', '=', cohortId)
    .orderBy('p.given_name')
    .execute();
}
