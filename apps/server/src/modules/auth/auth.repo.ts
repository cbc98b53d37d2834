import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { Tx } from '../../db/scope';

/** The exact statement the request hook runs; bench/ runs it bare with pgbench. */
export const sessionLookupSql = 'SELECT * FROM auth_session_lookup($1)';

export type SessionRow = {
  principal_kind: 'staff' | 'parent';
  staff_user_id: string | null;
  person_id: string | null;
  org_id: string | null;
  auth_method: 'password' | 'oidc';
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  ended_at: Date | null;
  user_active: boolean;
  org_active: boolean;
  roles: string[];
  unit_ids: string[];
  family_ids: string[];
};

export async function lookupSession(db: Kysely<DB>, idHash: string): Promise<SessionRow | undefined> {
  const result = await sql<SessionRow>`SELECT * FROM auth_session_lookup(${idHash})`.execute(db);
  return result.rows[0];
}

export async function touchSession(db: Kysely<DB>, idHash: string, now: Date): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ last_seen_at: now })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .execute();
}

export async function insertSession(
  tx: Tx,
  row: {
    id_hash: string;
    principal_kind: 'staff' | 'parent';
    staff_user_id: string | null;
    person_id: string | null;
    org_id: string | null;
    auth_method: 'password' | 'oidc';
    csrf_token: string;
    created_at: Date;
    last_seen_at: Date;
  },
): Promise<void> {
  await tx.insertInto('auth_session').values(row).execute();
}

export async function endSession(tx: Tx, idHash: string, now: Date): Promise<boolean> {
  const r = await tx
    .updateTable('auth_session')
    .set({ ended_at: now })
    .where('id_hash', '=', idHash)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function endSessionsOfStaffUser(tx: Tx, staffUserId: string, now: Date): Promise<number> {
  const r = await tx
    .updateTable('auth_session')
    .set({ ended_at: now })
    .where('staff_user_id', '=', staffUserId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Runs in system scope: the login happens before there is an organisation to scope to. */
export async function findStaffLogin(tx: Tx, email: string) {
  return tx
    .selectFrom('staff_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.org_id')
    .leftJoin('staff_credential as c', 'c.staff_user_id', 'u.id')
    .select(['u.id', 'u.org_id', 'u.active', 'o.active as org_active', 'c.password_hash'])
    .where(sql<string>`lower(u.email)`, '=', email)
    .executeTakeFirst();
}

export async function findParentLogin(tx: Tx, email: string) {
  return tx
    .selectFrom('parent_account')
    .select(['person_id', 'password_hash'])
    .where(sql<string>`lower(email)`, '=', email)
    .executeTakeFirst();
}

export async function recordLoginFailure(tx: Tx, emailKey: string, at: Date): Promise<void> {
  await tx.insertInto('login_failure').values({ email_key: emailKey, failed_at: at }).execute();
}

export async function recentLoginFailures(tx: Tx, emailKey: string, since: Date): Promise<Date[]> {
  const rows = await tx
    .selectFrom('login_failure')
    .select('failed_at')
    .where('email_key', '=', emailKey)
    .where('failed_at', '>', since)
    .orderBy('failed_at')
    .execute();
  return rows.map((r) => r.failed_at);
}

export async function clearLoginFailures(tx: Tx, emailKey: string): Promise<void> {
  await tx.deleteFrom('login_failure').where('email_key', '=', emailKey).execute();
}

/**
 * The staff user's own profile in one statement. Staff, organisations and units are directory
 * data every organisation may read, so no transaction or scope is needed — /api/me is asked often.
 */
export async function findStaffMe(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('staff_user as u')
    .innerJoin('organisation as o', 'o.id', 'u.org_id')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'o.id as org_id',
      'o.name as org_name',
      'o.kind as org_kind',
      sql<{ id: string; name: string }[]>`(
        SELECT coalesce(json_agg(json_build_object('id', un.id, 'name', un.name) ORDER BY un.name), '[]'::json)
        FROM staff_user_unit su JOIN unit un ON un.id = su.unit_id WHERE su.staff_user_id = u.id)`.as(
        'units',
      ),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
}

export async function findParentMe(tx: Tx, personId: string) {
  const person = await tx
    .selectFrom('person')
    .select(['id', 'given_name', 'family_name'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const families = await tx
    .selectFrom('family_member as fm')
    .innerJoin('family as f', 'f.id', 'fm.family_id')
    .innerJoin('organisation as o', 'o.id', 'f.org_id')
    .select(['f.id', 'o.id as org_id', 'o.name as org_name', 'o.kind as org_kind'])
    .where('fm.person_id', '=', personId)
    .where('fm.role', '<>', 'child')
    .execute();
  return { person, families };
}

/** Removes what can no longer matter: old failures and login flows, and sessions long over. */
export async function deleteStaleAuthState(
  tx: Tx,
  limits: {
    failuresBefore: Date;
    flowsBefore: Date;
    sessionsEndedBefore: Date;
    sessionsIdleBefore: Date;
    sessionsCreatedBefore: Date;
  },
) {
  const failures = await tx
    .deleteFrom('login_failure')
    .where('failed_at', '<', limits.failuresBefore)
    .executeTakeFirst();
  const flows = await tx
    .deleteFrom('oidc_login_flow')
    .where('created_at', '<', limits.flowsBefore)
    .executeTakeFirst();
  const sessions = await tx
    .deleteFrom('auth_session')
    .where((eb) =>
      eb.or([
        eb('ended_at', '<', limits.sessionsEndedBefore),
        eb('last_seen_at', '<', limits.sessionsIdleBefore),
        eb('created_at', '<', limits.sessionsCreatedBefore),
      ]),
    )
    .executeTakeFirst();
  return {
    loginFailures: Number(failures.numDeletedRows),
    oidcFlows: Number(flows.numDeletedRows),
    sessions: Number(sessions.numDeletedRows),
  };
}
