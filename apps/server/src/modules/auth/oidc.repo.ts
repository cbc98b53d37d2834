import { type Selectable, sql } from 'kysely';
import type { OidcLoginFlowTable } from '../../db/schema';
import type { Tx } from '../../db/scope';

export type OidcLoginFlow = Selectable<OidcLoginFlowTable>;

export async function insertLoginFlow(tx: Tx, flow: OidcLoginFlow): Promise<void> {
  await tx.insertInto('oidc_login_flow').values(flow).execute();
}

/**
 * Removes a handful of abandoned flows. SKIP LOCKED: concurrent logins clean different rows
 * instead of queueing behind each other, so the table stays small without a job.
 */
export async function deleteAbandonedLoginFlows(tx: Tx, before: Date): Promise<void> {
  await sql`DELETE FROM oidc_login_flow WHERE state IN (
    SELECT state FROM oidc_login_flow WHERE created_at < ${before} LIMIT 100 FOR UPDATE SKIP LOCKED)`.execute(
    tx,
  );
}

/** Deleting is the read: a state can be redeemed once, even by two racing callbacks. */
export async function takeLoginFlow(tx: Tx, state: string): Promise<OidcLoginFlow | undefined> {
  return tx.deleteFrom('oidc_login_flow').where('state', '=', state).returningAll().executeTakeFirst();
}

export type OidcStaffCandidate = {
  id: string;
  org_id: string;
  oidc_subject: string | null;
  active: boolean;
  org_active: boolean;
};

const staffCandidate = (tx: Tx) =>
  tx
    .selectFrom('staff_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.org_id')
    .select(['u.id', 'u.org_id', 'u.oidc_subject', 'u.active', 'o.active as org_active']);

export async function findStaffBySubject(tx: Tx, subject: string): Promise<OidcStaffCandidate | undefined> {
  return staffCandidate(tx).where('u.oidc_subject', '=', subject).executeTakeFirst();
}

export async function findStaffByEmail(tx: Tx, emailKey: string): Promise<OidcStaffCandidate | undefined> {
  return staffCandidate(tx).where(sql<string>`lower(u.email)`, '=', emailKey).executeTakeFirst();
}

/** Links only an unlinked account, so a second identity can never take over a linked one. */
export async function linkStaffSubject(tx: Tx, userId: string, subject: string, now: Date): Promise<boolean> {
  const r = await tx
    .updateTable('staff_user')
    .set({ oidc_subject: subject, updated_at: now })
    .where('id', '=', userId)
    .where('oidc_subject', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The person with this CPR, when they are a parent (not only a child) in some family. */
export async function findParentByCpr(tx: Tx, cpr: string): Promise<{ id: string } | undefined> {
  return tx
    .selectFrom('person as p')
    .select('p.id')
    .where('p.cpr', '=', cpr)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('family_member as fm')
          .select(sql`1`.as('one'))
          .whereRef('fm.person_id', '=', 'p.id')
          .where('fm.role', '<>', 'child'),
      ),
    )
    .executeTakeFirst();
}
