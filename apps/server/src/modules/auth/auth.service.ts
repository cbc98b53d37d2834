import type { LoginBody, Me } from '@familiespor/contracts';
import {
  lockedUntil,
  loginFailureWindowMs,
  normaliseEmail,
  type StaffRole,
  sessionState,
} from '@familiespor/domain';
import type { Principal, RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { inScope, type Tx } from '../../db/scope';
import { TooManyAttemptsError, UnauthenticatedError } from '../../errors';
import type { Deps } from '../../use-case';
import {
  clearLoginFailures,
  endSession,
  findParentLogin,
  findParentMe,
  findStaffLogin,
  findStaffMe,
  insertSession,
  lookupSession,
  recentLoginFailures,
  recordLoginFailure,
  touchSession,
} from './auth.repo';
import { burnPasswordCheck, verifyPassword } from './passwords';
import { hashSessionToken, newSessionToken, sessionExpiresAt, touchIntervalMs } from './sessions';

export type ActiveSession = {
  idHash: string;
  principal: Principal;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
};

export type SessionResolution =
  | { kind: 'active'; session: ActiveSession }
  | { kind: 'expired' }
  | { kind: 'unknown' };

/** Resolves the session cookie on each request: one statement, plus a write at most once a minute. */
export async function resolveSession(deps: Deps, token: string, now: Date): Promise<SessionResolution> {
  const idHash = hashSessionToken(token);
  const row = await lookupSession(deps.db, idHash);
  if (!row) return { kind: 'unknown' };
  const state = sessionState(
    { createdAt: row.created_at, lastSeenAt: row.last_seen_at, endedAt: row.ended_at },
    now,
  );
  if (state !== 'active' || !row.user_active || !row.org_active) return { kind: 'expired' };
  let lastSeenAt = row.last_seen_at;
  if (now.getTime() - lastSeenAt.getTime() >= touchIntervalMs) {
    await touchSession(deps.db, idHash, now);
    lastSeenAt = now;
  }
  const principal: Principal =
    row.principal_kind === 'staff'
      ? {
          kind: 'staff',
          userId: row.staff_user_id as string,
          orgId: row.org_id as string,
          roles: row.roles as StaffRole[],
          unitIds: row.unit_ids,
          sessionId: idHash,
        }
      : { kind: 'parent', personId: row.person_id as string, familyIds: row.family_ids, sessionId: idHash };
  return {
    kind: 'active',
    session: { idHash, principal, csrfToken: row.csrf_token, createdAt: row.created_at, lastSeenAt },
  };
}

type Account =
  | { kind: 'staff'; id: string; orgId: string; usable: boolean; passwordHash: string | null }
  | { kind: 'parent'; id: string; passwordHash: string | null };

async function findAccount(tx: Tx, email: string): Promise<Account | null> {
  const staff = await findStaffLogin(tx, email);
  if (staff) {
    return {
      kind: 'staff',
      id: staff.id,
      orgId: staff.org_id,
      usable: staff.active && staff.org_active,
      passwordHash: staff.password_hash,
    };
  }
  const parent = await findParentLogin(tx, email);
  return parent ? { kind: 'parent', id: parent.person_id, passwordHash: parent.password_hash } : null;
}

export type NewSession = { token: string; csrfToken: string };

/** Creates a session for an authenticated principal and records it; shared by password and OIDC login. */
export async function openSession(
  tx: Tx,
  ctx: RequestContext,
  who: { kind: 'staff'; userId: string; orgId: string } | { kind: 'parent'; personId: string },
  method: 'password' | 'oidc',
): Promise<NewSession> {
  const { token, idHash, csrfToken } = newSessionToken();
  await insertSession(tx, {
    id_hash: idHash,
    principal_kind: who.kind,
    staff_user_id: who.kind === 'staff' ? who.userId : null,
    person_id: who.kind === 'parent' ? who.personId : null,
    org_id: who.kind === 'staff' ? who.orgId : null,
    auth_method: method,
    csrf_token: csrfToken,
    created_at: ctx.now,
    last_seen_at: ctx.now,
  });
  const actorCtx: RequestContext = {
    ...ctx,
    principal:
      who.kind === 'staff'
        ? { kind: 'staff', userId: who.userId, orgId: who.orgId, roles: [], unitIds: [], sessionId: idHash }
        : { kind: 'parent', personId: who.personId, familyIds: [], sessionId: idHash },
  };
  await writeAudit(tx, actorCtx, {
    action: 'create',
    entityType: 'auth_session',
    entityId: idHash.slice(0, 16),
    personId: who.kind === 'parent' ? who.personId : null,
    detail: { method },
  });
  return { token, csrfToken };
}

/**
 * Password login. Unknown e-mail, wrong password and a deactivated account all answer the
 * same 401; failures are counted per e-mail whether or not it exists, so the lockout
 * reveals nothing either. The password is checked outside any transaction: argon2 takes
 * tens of milliseconds and must not hold a database connection.
 */
export async function login(deps: Deps, ctx: RequestContext, body: LoginBody): Promise<NewSession> {
  const emailKey = normaliseEmail(body.email);
  const before = await inScope(deps.db, { kind: 'system' }, async (tx) => {
    const failures = await recentLoginFailures(
      tx,
      emailKey,
      new Date(ctx.now.getTime() - 2 * loginFailureWindowMs),
    );
    return { locked: lockedUntil(failures, ctx.now), account: await findAccount(tx, emailKey) };
  });
  if (before.locked) {
    await inScope(deps.db, { kind: 'system' }, (tx) =>
      writeAudit(tx, ctx, {
        action: 'denied',
        entityType: 'auth_session',
        orgId: before.account?.kind === 'staff' ? before.account.orgId : null,
        outcome: 'failure',
        detail: { reason: 'locked', account: before.account?.id ?? null },
      }),
    );
    throw new TooManyAttemptsError(Math.ceil((before.locked.getTime() - ctx.now.getTime()) / 1000));
  }

  const account = before.account;
  let passwordOk = false;
  if (account?.passwordHash) passwordOk = await verifyPassword(account.passwordHash, body.password);
  else await burnPasswordCheck(body.password);
  const usable = account !== null && (account.kind === 'parent' || account.usable);

  if (!account || !passwordOk || !usable) {
    await inScope(deps.db, { kind: 'system' }, async (tx) => {
      await recordLoginFailure(tx, emailKey, ctx.now);
      await writeAudit(tx, ctx, {
        action: 'denied',
        entityType: 'auth_session',
        orgId: account?.kind === 'staff' ? account.orgId : null,
        outcome: 'failure',
        detail: {
          reason: account ? (passwordOk ? 'account_inactive' : 'wrong_password') : 'unknown_account',
          account: account?.id ?? null,
        },
      });
    });
    throw new UnauthenticatedError('invalid_credentials', 'E-mail or password is wrong');
  }

  return inScope(deps.db, { kind: 'system' }, async (tx) => {
    await clearLoginFailures(tx, emailKey);
    return openSession(
      tx,
      ctx,
      account.kind === 'staff'
        ? { kind: 'staff', userId: account.id, orgId: account.orgId }
        : { kind: 'parent', personId: account.id },
      'password',
    );
  });
}

export async function logout(deps: Deps, ctx: RequestContext, session: ActiveSession): Promise<void> {
  await inScope(deps.db, { kind: 'system' }, async (tx) => {
    if (await endSession(tx, session.idHash, ctx.now)) {
      await writeAudit(tx, ctx, {
        action: 'delete',
        entityType: 'auth_session',
        entityId: session.idHash.slice(0, 16),
      });
    }
  });
}

/** The signed-in user's own profile. Not audited: it is the user reading about themself. */
export async function getMe(deps: Deps, session: ActiveSession): Promise<Me> {
  const expiresAt = sessionExpiresAt(session.createdAt, session.lastSeenAt).toISOString();
  const p = session.principal;
  if (p.kind === 'staff') {
    const user = await findStaffMe(deps.db, p.userId);
    return {
      kind: 'staff',
      user: { id: user.id, name: user.name, email: user.email },
      organisation: { id: user.org_id, name: user.org_name, kind: user.org_kind },
      roles: p.roles,
      units: user.units,
      csrfToken: session.csrfToken,
      sessionExpiresAt: expiresAt,
    };
  }
  // A person is personal data behind row-level security: read in system scope, for themself only.
  return inScope(deps.db, { kind: 'system' }, async (tx) => {
    const { person, families } = await findParentMe(tx, p.personId);
    return {
      kind: 'parent',
      person: { id: person.id, name: `${person.given_name} ${person.family_name}` },
      families: families.map((f) => ({
        id: f.id,
        organisation: { id: f.org_id, name: f.org_name, kind: f.org_kind },
      })),
      csrfToken: session.csrfToken,
      sessionExpiresAt: expiresAt,
    };
  });
}
