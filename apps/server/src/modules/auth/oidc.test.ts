import { randomInt, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFamily, buildOrganisation, buildStaffUser } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, sessionCookieOf } from '../../../test/http';
import { startTestIdp, type TestIdp } from '../../../test/oidc-provider';
import { type App, buildApp } from '../../app';
import type { Config } from '../../config';
import { inScope } from '../../db/scope';
import { parseCprClaim } from './oidc.service';

describe('parseCprClaim', () => {
  it('accepts DDMMYYSSSS and DDMMYY-SSSS and nothing else', () => {
    expect(parseCprClaim('0101901234')).toBe('0101901234');
    expect(parseCprClaim('010190-1234')).toBe('0101901234');
    expect(parseCprClaim(' 010190-1234 ')).toBe('0101901234');
    for (const bad of [
      '01019012345',
      '010190_1234',
      '0101-901234',
      'abcdefghij',
      '',
      101901234,
      null,
      undefined,
    ]) {
      expect(parseCprClaim(bad)).toBeNull();
    }
  });
});

const staffRedirectUri = 'http://localhost:3000/api/auth/oidc/staff/callback';
const citizenRedirectUri = 'http://localhost:3000/api/auth/oidc/citizen/callback';

/** A CPR number unlikely to exist already in the shared PostgreSQL test database. */
const newCpr = () =>
  [randomInt(1, 29), randomInt(1, 13), randomInt(0, 100), randomInt(0, 10_000)]
    .map((n, i) => String(n).padStart(i === 3 ? 4 : 2, '0'))
    .join('');

describeEachDatabase('OpenID Connect login', (kind) => {
  let idp: TestIdp;
  let env: TestEnv;
  let orgId: string;

  beforeAll(async () => {
    idp = await startTestIdp({ redirectUris: [staffRedirectUri, citizenRedirectUri] });
    const client = { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret };
    env = await startTestApp(kind, {
      config: {
        oidc: {
          staff: { ...client, redirectUri: staffRedirectUri },
          citizen: { ...client, redirectUri: citizenRedirectUri },
          citizenCprClaim: 'dk.cpr',
          allowHttp: true,
        },
      },
    });
    orgId = (await buildOrganisation(env.database.db)).id;
  });
  afterAll(async () => {
    await env?.close();
    await idp?.close();
  });

  const start = (audience: 'staff' | 'citizen', returnTo?: string) =>
    env.app.inject({
      method: 'GET',
      url: `/api/auth/oidc/${audience}/start`,
      ...(returnTo ? { query: { returnTo } } : {}),
    });

  /** The whole round trip: the app's start, the provider's login page, the app's callback. */
  async function oidcLogin(
    audience: 'staff' | 'citizen',
    as: { login: string } | { cancel: true },
    options: { returnTo?: string; beforeCallback?: () => void } = {},
  ) {
    const started = await start(audience, options.returnTo);
    expect(started.statusCode).toBe(302);
    const redirectUri = await idp.authorize(started.headers.location as string, as);
    options.beforeCallback?.();
    const callbackUrl = `${redirectUri.pathname}${redirectUri.search}`;
    const callback = await env.app.inject({ method: 'GET', url: callbackUrl });
    return { callback, callbackUrl };
  }

  const me = (res: LightMyRequestResponse) =>
    env.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: sessionCookieOf(res) } });

  const expectRefused = (res: LightMyRequestResponse, location: string) => {
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(location);
    expect(res.cookies.find((c) => c.name === 'familiespor_session')).toBeUndefined();
  };

  const auditOf = (res: LightMyRequestResponse) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['action', 'entity_type', 'entity_id', 'actor_kind', 'org_id', 'outcome', 'detail'])
        .where('request_id', '=', res.headers['x-request-id'] as string)
        .orderBy('occurred_at')
        .execute(),
    );

  const subjectOf = (userId: string) =>
    inScope(env.database.db, { kind: 'system' }, async (tx) => {
      const row = await tx
        .selectFrom('staff_user')
        .select('oidc_subject')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      return row.oidc_subject;
    });

  it('start sends the browser to the provider with PKCE (S256), state and nonce, and stores the flow', async () => {
    const res = await start('staff');
    expect(res.statusCode).toBe(302);
    const url = new URL(res.headers.location as string);
    expect(url.origin).toBe(idp.issuer);
    const p = url.searchParams;
    expect(p.get('client_id')).toBe(idp.clientId);
    expect(p.get('redirect_uri')).toBe(staffRedirectUri);
    expect(p.get('response_type')).toBe('code');
    expect(p.get('scope')).toBe('openid email profile');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('nonce')).toBeTruthy();
    const flow = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .selectFrom('oidc_login_flow')
        .selectAll()
        .where('state', '=', p.get('state') as string)
        .executeTakeFirst(),
    );
    expect(flow).toMatchObject({ audience: 'staff', nonce: p.get('nonce'), return_to: '/' });
    expect(flow?.code_verifier).not.toBe(p.get('code_challenge'));
  });

  it('asks for the CPR claim (scope ssn, and by name) when a citizen starts', async () => {
    const url = new URL((await start('citizen')).headers.location as string);
    expect(url.searchParams.get('scope')).toBe('openid ssn');
    const wanted = { 'dk.cpr': { essential: true } };
    expect(JSON.parse(url.searchParams.get('claims') as string)).toEqual({
      id_token: wanted,
      userinfo: wanted,
    });
  });

  it('clears abandoned flows as new logins start', async () => {
    const stale = () =>
      inScope(env.database.db, { kind: 'system' }, async (tx) =>
        Number(
          (
            await tx
              .selectFrom('oidc_login_flow')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('created_at', '<', new Date(env.clock.now().getTime() - 10 * 60_000))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    await start('staff');
    env.clock.advance(10 * 60_000 + 1000);
    const before = await stale();
    expect(before).toBeGreaterThanOrEqual(1);
    await start('staff');
    // At most 100 per start, so a burst of abandoned logins is cleared over the next few.
    expect(await stale()).toBe(Math.max(0, before - 100));
  });

  it('links a staff user by verified e-mail on the first login, then finds them by subject', async () => {
    const user = await buildStaffUser(env.database.db, orgId, { roles: ['health_visitor'], password: false });
    const sub = `staff-${randomUUID()}`;
    idp.setAccount(sub, { email: user.email.toUpperCase(), email_verified: true, name: 'Sundhedsplejerske' });

    const first = await oidcLogin('staff', { login: sub });
    expect(first.callback.statusCode).toBe(302);
    expect(first.callback.headers.location).toBe('/');
    expect((await me(first.callback)).json()).toMatchObject({
      kind: 'staff',
      user: { id: user.id, email: user.email },
      organisation: { id: orgId },
      roles: ['health_visitor'],
    });
    expect(await subjectOf(user.id)).toBe(sub);
    const events = await auditOf(first.callback);
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'update',
        entity_type: 'staff_user',
        entity_id: user.id,
        actor_kind: 'staff',
      }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ action: 'create', entity_type: 'auth_session', detail: { method: 'oidc' } }),
    );

    // The provider now says nothing useful about the e-mail: the subject alone finds the account.
    idp.setAccount(sub, { email: 'someone.else@test.familiespor.dk', email_verified: false });
    const second = await oidcLogin('staff', { login: sub });
    expect(second.callback.headers.location).toBe('/');
    expect((await me(second.callback)).json()).toMatchObject({ kind: 'staff', user: { id: user.id } });
    expect(await auditOf(second.callback)).not.toContainEqual(expect.objectContaining({ action: 'update' }));
  });

  it('does not link by an e-mail the provider has not verified', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const sub = `staff-${randomUUID()}`;
    idp.setAccount(sub, { email: user.email, email_verified: false });
    const { callback } = await oidcLogin('staff', { login: sub });
    expectRefused(callback, '/login?error=oidc_unknown_user');
    expect(await subjectOf(user.id)).toBeNull();
  });

  it('does not let a second identity take over an account already linked to another subject', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const owner = `staff-${randomUUID()}`;
    idp.setAccount(owner, { email: user.email, email_verified: true });
    expect((await oidcLogin('staff', { login: owner })).callback.headers.location).toBe('/');

    const intruder = `staff-${randomUUID()}`;
    idp.setAccount(intruder, { email: user.email, email_verified: true });
    const { callback } = await oidcLogin('staff', { login: intruder });
    expectRefused(callback, '/login?error=oidc_unknown_user');
    expect(await subjectOf(user.id)).toBe(owner);
  });

  it('refuses an unknown user with error=oidc_unknown_user, no cookie, and a denied audit event without personal data', async () => {
    const sub = `nobody-${randomUUID()}`;
    const email = `nobody-${randomUUID()}@test.familiespor.dk`;
    idp.setAccount(sub, { email, email_verified: true });
    const { callback } = await oidcLogin('staff', { login: sub });
    expectRefused(callback, '/login?error=oidc_unknown_user');
    const events = await auditOf(callback);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'denied',
        entity_type: 'auth_session',
        actor_kind: 'anonymous',
        outcome: 'failure',
        detail: { method: 'oidc', audience: 'staff', reason: 'unknown_account' },
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain(email);
    expect(JSON.stringify(events)).not.toContain(sub);
  });

  it('refuses a deactivated user and a user of a deactivated organisation', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const sub = `staff-${randomUUID()}`;
    idp.setAccount(sub, { email: user.email, email_verified: true });
    expect((await oidcLogin('staff', { login: sub })).callback.headers.location).toBe('/');
    await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.updateTable('staff_user').set({ active: false }).where('id', '=', user.id).execute(),
    );
    const inactive = (await oidcLogin('staff', { login: sub })).callback;
    expectRefused(inactive, '/login?error=oidc_unknown_user');
    expect(await auditOf(inactive)).toEqual([
      expect.objectContaining({
        action: 'denied',
        org_id: orgId,
        detail: { method: 'oidc', audience: 'staff', reason: 'account_inactive', account: user.id },
      }),
    ]);

    const org = await buildOrganisation(env.database.db, { active: false });
    const other = await buildStaffUser(env.database.db, org.id);
    const otherSub = `staff-${randomUUID()}`;
    idp.setAccount(otherSub, { email: other.email, email_verified: true });
    expectRefused((await oidcLogin('staff', { login: otherSub })).callback, '/login?error=oidc_unknown_user');
    expect(await subjectOf(other.id)).toBeNull();
  });

  it('logs a parent in by the CPR claim and /api/me lists their family', async () => {
    const cpr = newCpr();
    const family = await buildFamily(env.database.db, orgId, { parentCprs: [cpr] });
    const mother = family.parents[0] as { personId: string };
    const sub = `citizen-${randomUUID()}`;
    idp.setAccount(sub, { 'dk.cpr': `${cpr.slice(0, 6)}-${cpr.slice(6)}` });

    const { callback } = await oidcLogin('citizen', { login: sub });
    expect(callback.headers.location).toBe('/portal');
    expect((await me(callback)).json()).toMatchObject({
      kind: 'parent',
      person: { id: mother.personId },
      families: [{ id: family.id, organisation: { id: orgId } }],
    });
    const events = await auditOf(callback);
    expect(events).toEqual([
      expect.objectContaining({ action: 'create', entity_type: 'auth_session', actor_kind: 'parent' }),
    ]);
    expect(JSON.stringify(events)).not.toContain(cpr.slice(6));
  });

  it('refuses a CPR that belongs to no parent (here: a child) and creates no family', async () => {
    const family = await buildFamily(env.database.db, orgId, { parentRoles: ['mother'] });
    const childCpr = newCpr();
    await inScope(env.database.db, { kind: 'system' }, async (tx) => {
      const child = await tx
        .insertInto('person')
        .values({ given_name: 'Test Barn', family_name: 'Familie', cpr: childCpr })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('family_member')
        .values({ family_id: family.id, person_id: child.id, org_id: orgId, role: 'child' })
        .execute();
    });
    const counts = () =>
      inScope(env.database.db, { kind: 'system' }, async (tx) => ({
        families: Number(
          (
            await tx
              .selectFrom('family')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
        people: Number(
          (
            await tx
              .selectFrom('person')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      }));
    const before = await counts();

    for (const cpr of [childCpr, newCpr()]) {
      const sub = `citizen-${randomUUID()}`;
      idp.setAccount(sub, { 'dk.cpr': cpr });
      const { callback } = await oidcLogin('citizen', { login: sub });
      expectRefused(callback, '/portal/login?error=oidc_unknown_user');
      const events = await auditOf(callback);
      expect(events).toEqual([
        expect.objectContaining({
          action: 'denied',
          detail: { method: 'oidc', audience: 'citizen', reason: 'unknown_person' },
        }),
      ]);
      expect(JSON.stringify(events)).not.toContain(cpr);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a citizen whose provider releases no CPR claim', async () => {
    const sub = `citizen-${randomUUID()}`;
    idp.setAccount(sub, {});
    const { callback } = await oidcLogin('citizen', { login: sub });
    expectRefused(callback, '/portal/login?error=oidc_failed');
  });

  it('refuses a replayed state: the callback works once', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const sub = `staff-${randomUUID()}`;
    idp.setAccount(sub, { email: user.email, email_verified: true });
    const { callback, callbackUrl } = await oidcLogin('staff', { login: sub });
    expect(callback.headers.location).toBe('/');
    sessionCookieOf(callback);

    const replay = await env.app.inject({ method: 'GET', url: callbackUrl });
    expectRefused(replay, '/login?error=oidc_expired');
    expect(await auditOf(replay)).toEqual([
      expect.objectContaining({
        action: 'denied',
        detail: { method: 'oidc', audience: 'staff', reason: 'unknown_state' },
      }),
    ]);
  });

  it('brings the user back to returnTo, query string included', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const sub = `staff-${randomUUID()}`;
    idp.setAccount(sub, { email: user.email, email_verified: true });
    const returnTo = '/families/123?tab=visits';
    const { callback } = await oidcLogin('staff', { login: sub }, { returnTo });
    expect(callback.headers.location).toBe(returnTo);
    sessionCookieOf(callback);
  });

  it('refuses a login that took more than 10 minutes', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const sub = `staff-${randomUUID()}`;
    idp.setAccount(sub, { email: user.email, email_verified: true });
    const { callback } = await oidcLogin(
      'staff',
      { login: sub },
      { beforeCallback: () => env.clock.advance(10 * 60_000 + 1000) },
    );
    expectRefused(callback, '/login?error=oidc_expired');
    expect(await subjectOf(user.id)).toBeNull();
  });

  it('sends the user back with oidc_failed when they cancel at the provider', async () => {
    const { callback } = await oidcLogin('citizen', { cancel: true });
    expectRefused(callback, '/portal/login?error=oidc_failed');
    expect(await auditOf(callback)).toEqual([
      expect.objectContaining({
        action: 'denied',
        detail: { method: 'oidc', audience: 'citizen', reason: 'provider_error', idpError: 'access_denied' },
      }),
    ]);
  });

  it('refuses a forged code and a state used at the other audience’s callback', async () => {
    const user = await buildStaffUser(env.database.db, orgId);
    const sub = `staff-${randomUUID()}`;
    idp.setAccount(sub, { email: user.email, email_verified: true });

    const started = await start('staff');
    const redirectUri = await idp.authorize(started.headers.location as string, { login: sub });
    redirectUri.searchParams.set('code', 'forged');
    const forged = await env.app.inject({
      method: 'GET',
      url: `${redirectUri.pathname}${redirectUri.search}`,
    });
    expectRefused(forged, '/login?error=oidc_failed');
    expect(await auditOf(forged)).toEqual([
      expect.objectContaining({ detail: { method: 'oidc', audience: 'staff', reason: 'token_error' } }),
    ]);

    const again = await start('staff');
    const real = await idp.authorize(again.headers.location as string, { login: sub });
    const crossed = await env.app.inject({
      method: 'GET',
      url: `/api/auth/oidc/citizen/callback${real.search}`,
    });
    expectRefused(crossed, '/portal/login?error=oidc_failed');
    expect(await subjectOf(user.id)).toBeNull();
  });

  it('refuses a returnTo that leaves the site, and stores nothing', async () => {
    const flows = () =>
      inScope(env.database.db, { kind: 'system' }, async (tx) =>
        Number(
          (
            await tx
              .selectFrom('oidc_login_flow')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      );
    const before = await flows();
    for (const returnTo of [
      '//evil.example/',
      '/\\evil.example',
      'https://evil.example/',
      '/ok\nSet-Cookie: x=1',
    ]) {
      expectProblem(await start('staff', returnTo), 400, 'validation');
    }
    expectProblem(
      await env.app.inject({ method: 'GET', url: '/api/auth/oidc/martian/start' }),
      400,
      'validation',
    );
    expect(await flows()).toBe(before);
  });

  describe('with other configurations on the same database', () => {
    const withConfig = async (oidc: Partial<Config['oidc']>, fn: (app: App) => Promise<void>) => {
      const app = await buildApp({
        config: { ...env.config, oidc: { ...env.config.oidc, ...oidc } },
        database: env.database,
        clock: env.clock,
        logger: false,
      });
      try {
        await fn(app);
      } finally {
        await app.close();
      }
    };

    it('answers 404 not_configured when the audience has no provider', async () => {
      await withConfig({ staff: null, citizen: null }, async (app) => {
        for (const audience of ['staff', 'citizen']) {
          const res = await app.inject({ method: 'GET', url: `/api/auth/oidc/${audience}/start` });
          expectProblem(res, 404, 'not_configured');
          const cb = await app.inject({
            method: 'GET',
            url: `/api/auth/oidc/${audience}/callback?state=x&code=y`,
          });
          expectProblem(cb, 404, 'not_configured');
        }
        const providers = await app.inject({ method: 'GET', url: '/api/auth/providers' });
        expect(providers.json()).toMatchObject({ oidc: { staff: false, citizen: false } });
      });
    });

    it('sends the user back with oidc_failed when the provider cannot be reached', async () => {
      const unreachable = {
        issuer: 'http://127.0.0.1:9/',
        clientId: 'x',
        clientSecret: 'y',
        redirectUri: staffRedirectUri,
      };
      await withConfig({ staff: unreachable }, async (app) => {
        const res = await app.inject({ method: 'GET', url: '/api/auth/oidc/staff/start' });
        expectRefused(res, '/login?error=oidc_failed');
      });
    });
  });
});
