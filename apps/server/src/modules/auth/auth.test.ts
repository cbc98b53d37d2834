import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildFamily, buildOrganisation, buildStaffUser, buildUnit } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, login, sessionCookieOf } from '../../../test/http';
import { inScope } from '../../db/scope';

const minute = 60_000;

describeEachDatabase('login and sessions', (kind) => {
  let env: TestEnv;
  let orgId: string;

  beforeAll(async () => {
    env = await startTestApp(kind);
    orgId = (await buildOrganisation(env.database.db)).id;
  });
  afterAll(() => env?.close());

  const auditCount = (action: string, filter: { entityType: string; orgId?: string | null }) =>
    inScope(env.database.db, { kind: 'system' }, async (tx) => {
      let q = tx
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', action as 'denied')
        .where('entity_type', '=', filter.entityType);
      if (filter.orgId) q = q.where('org_id', '=', filter.orgId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    });

  it('logs a staff user in and /api/me gives the organisation, roles and units', async () => {
    const unit = await buildUnit(env.database.db, orgId);
    const user = await buildStaffUser(env.database.db, orgId, {
      roles: ['health_visitor'],
      unitIds: [unit.id],
    });
    const session = await login(env.app, user.email, user.password);
    const res = await session.request('GET', '/api/me');
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me).toMatchObject({
      kind: 'staff',
      user: { id: user.id, email: user.email },
      organisation: { id: orgId, kind: 'municipality' },
      roles: ['health_visitor'],
      units: [{ id: unit.id, name: unit.name }],
    });
    expect(me.csrfToken).toBe(session.csrfToken);
  });

  it('sets an httpOnly, SameSite=Lax session cookie that is not Secure outside production', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const cookie = res.cookies.find((c) => c.name === 'familiespor_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
  });

  it('logs a parent in and /api/me lists their family', async () => {
    const family = await buildFamily(env.database.db, orgId);
    const parent = family.parents[0] as { personId: string; email: string };
    const session = await login(env.app, parent.email, 'correct horse battery staple');
    expect(session.me).toMatchObject({
      kind: 'parent',
      person: { id: parent.personId },
      families: [{ id: family.id, organisation: { id: orgId } }],
    });
  });

  it('answers unknown e-mail and wrong password with the same 401', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const wrong = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'not the password' },
    });
    const unknown = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: `nobody-${user.email}`, password: 'not the password' },
    });
    const a = expectProblem(wrong, 401, 'invalid_credentials');
    const b = expectProblem(unknown, 401, 'invalid_credentials');
    const strip = ({ requestId: _r, ...rest }: Record<string, unknown>) => rest;
    expect(strip(a)).toEqual(strip(b));
    expect(wrong.cookies).toHaveLength(0);
  });

  it('locks an account for 15 minutes after 10 failures within 15 minutes, and audits it', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const attempt = (password: string) =>
      env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
    for (let i = 0; i < 10; i++) {
      expectProblem(await attempt('wrong password'), 401, 'invalid_credentials');
      env.clock.advance(30_000);
    }
    const locked = await attempt(user.password);
    expectProblem(locked, 429, 'too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await auditCount('denied', { entityType: 'auth_session', orgId })).toBeGreaterThanOrEqual(11);

    env.clock.advance(15 * minute);
    expect((await attempt(user.password)).statusCode).toBe(200);
  });

  it('does not lock after failures spread over more than 15 minutes', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    for (let i = 0; i < 10; i++) {
      await env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: 'nope' },
      });
      env.clock.advance(2 * minute);
    }
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(200);
  });

  it('locks an unknown e-mail the same way, so the lock reveals nothing', async () => {
    const email = `ghost-${Date.now()}@test.familiespor.dk`;
    for (let i = 0; i < 10; i++) {
      await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'nope' } });
    }
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'nope' },
    });
    expectProblem(res, 429, 'too_many_attempts');
  });

  it('logout ends the session on the server: the old cookie no longer works', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const session = await login(env.app, user.email, user.password);
    const out = await session.request('POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    const after = await session.request('GET', '/api/me');
    expectProblem(after, 401, 'session_expired');
  });

  it('expires a session after 30 idle minutes, but activity keeps it alive', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const session = await login(env.app, user.email, user.password);
    for (let i = 0; i < 3; i++) {
      env.clock.advance(20 * minute);
      expect((await session.request('GET', '/api/me')).statusCode).toBe(200);
    }
    env.clock.advance(30 * minute + 1000);
    const res = await session.request('GET', '/api/me');
    expectProblem(res, 401, 'session_expired');
    expect(res.cookies.find((c) => c.name === 'familiespor_session')?.value).toBe('');
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const session = await login(env.app, user.email, user.password);
    for (let i = 0; i < 24; i++) {
      env.clock.advance(29 * minute);
      expect((await session.request('GET', '/api/me')).statusCode).toBe(200);
    }
    env.clock.advance(29 * minute);
    expectProblem(await session.request('GET', '/api/me'), 401, 'session_expired');
  });

  it('requires the CSRF header on state-changing requests authenticated by the cookie', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const session = await login(env.app, user.email, user.password);
    const noHeader = await env.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: session.cookie },
    });
    expectProblem(noHeader, 403, 'csrf');
    const wrong = await session.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': 'forged' });
    expectProblem(wrong, 403, 'csrf');
    expect((await session.request('GET', '/api/me')).statusCode).toBe(200);
  });

  it('refuses a login posted from another site', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: user.email, password: user.password },
    });
    expectProblem(res, 403, 'csrf');
    expect(res.cookies).toHaveLength(0);
  });

  it('answers 401 problem+json without a session', async () => {
    expectProblem(await env.app.inject({ method: 'GET', url: '/api/me' }), 401, 'unauthenticated');
  });

  it('a deactivated organisation’s users are logged out at their next request', async () => {
    const org = await buildOrganisation(env.database.db);
    const user = await buildStaffUser(env.database.db, org.id);
    const session = await login(env.app, user.email, user.password);
    await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.updateTable('organisation').set({ active: false }).where('id', '=', org.id).execute(),
    );
    expectProblem(await session.request('GET', '/api/me'), 401, 'session_expired');
  });

  it('housekeeping deletes sessions a day after they ended and old failures, and nothing current', async () => {
    const { cleanUpAuthState } = await import('./housekeeping');
    const user = await buildStaffUser(env.database.db, orgId);
    const ended = await login(env.app, user.email, user.password);
    await ended.request('POST', '/api/auth/logout');
    env.clock.advance(25 * 60 * 60 * 1000);
    const current = await login(env.app, user.email, user.password);
    await cleanUpAuthState({ db: env.database.db, clock: env.clock });
    const left = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('auth_session').select('ended_at').where('staff_user_id', '=', user.id).execute(),
    );
    expect(left).toEqual([{ ended_at: null }]);
    expect((await current.request('GET', '/api/me')).statusCode).toBe(200);
  });

  it('stores only a hash of the session token', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const token = sessionCookieOf(res).split('=')[1] as string;
    const stored = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('auth_session').select('id_hash').where('staff_user_id', '=', user.id).execute(),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id_hash).not.toContain(token);
    expect(stored[0]?.id_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
