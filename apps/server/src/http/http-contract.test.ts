import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildFamily, buildOrganisation, buildStaffUser, testPassword } from '../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../test/harness';
import { expectProblem, login, type Session } from '../../test/http';
import { inScope } from '../db/scope';

describeEachDatabase('HTTP contract: problem+json, bad input, OpenAPI', (kind) => {
  let env: TestEnv;
  let orgId: string;
  let admin: Session;

  beforeAll(async () => {
    env = await startTestApp(kind);
    orgId = (await buildOrganisation(env.database.db)).id;
    const a = await buildStaffUser(env.database.db, orgId, { roles: ['org_admin'] });
    admin = await login(env.app, a.email, a.password);
  });
  afterAll(() => env?.close());

  /** Rows that any of the bad requests below could have written. */
  const footprint = () =>
    inScope(env.database.db, { kind: 'system' }, async (tx) => {
      const count = async (table: 'staff_user' | 'staff_user_role' | 'unit') =>
        Number(
          (
            await tx
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        users: await count('staff_user'),
        roles: await count('staff_user_role'),
        units: await count('unit'),
      };
    });

  const createUser = (payload: string, contentType = 'application/json') =>
    env.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgId}/staff`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': contentType },
      payload,
    });

  const createUserFrom = (origin: string, payload: string) =>
    env.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgId}/staff`,
      headers: {
        cookie: admin.cookie,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'application/json',
        origin,
      },
      payload,
    });

  it('answers malformed JSON with 400 malformed_json and writes nothing', async () => {
    const before = await footprint();
    expectProblem(await createUser('{"name": "Ny", '), 400, 'malformed_json');
    expect(await footprint()).toEqual(before);
  });

  it('answers wrong types with 400 validation naming the fields', async () => {
    const before = await footprint();
    const res = await createUser(JSON.stringify({ name: 42, email: 'not-an-email', roles: 'midwife' }));
    const body = expectProblem(res, 400, 'validation');
    expect(body.errors.map((e) => e.path).sort()).toEqual(['email', 'name', 'roles']);
    expect(await footprint()).toEqual(before);
  });

  it('answers unknown fields with 400 and names the field', async () => {
    const before = await footprint();
    const res = await createUser(
      JSON.stringify({
        name: 'Ny Bruger',
        email: 'ny@test.familiespor.dk',
        roles: ['midwife'],
        isAdmin: true,
      }),
    );
    const body = expectProblem(res, 400, 'validation');
    expect(body.errors).toContainEqual(
      expect.objectContaining({ path: 'isAdmin', code: 'unrecognized_key' }),
    );
    expect(await footprint()).toEqual(before);
  });

  it('answers a body over 1 MB with 413', async () => {
    const before = await footprint();
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), email: 'a@b.dk', roles: ['midwife'] });
    expectProblem(await createUser(big), 413, 'payload_too_large');
    expect(await footprint()).toEqual(before);
  });

  it('answers a non-JSON body with 415', async () => {
    expectProblem(
      await createUser('name=x', 'application/x-www-form-urlencoded'),
      415,
      'unsupported_media_type',
    );
  });

  it('answers an invalid id in the path with 400, and an unknown route with 404', async () => {
    expectProblem(await admin.request('GET', '/api/staff/not-a-uuid'), 400, 'validation');
    expectProblem(await admin.request('GET', '/api/nothing-here'), 404, 'not_found');
  });

  it('answers without a session with 401 and writes nothing', async () => {
    const before = await footprint();
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgId}/staff`,
      payload: { name: 'Ny', email: 'ny2@test.familiespor.dk', roles: ['midwife'] },
    });
    expectProblem(res, 401, 'unauthenticated');
    expect(await footprint()).toEqual(before);
  });

  it('checks the session and the origin before it reads the body', async () => {
    const anonymous = await env.app.inject({
      method: 'POST',
      url: `/api/organisations/${orgId}/staff`,
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expectProblem(anonymous, 401, 'unauthenticated');
    const crossSite = await createUserFrom('https://evil.example', '{"name": 42}');
    expectProblem(crossSite, 403, 'csrf');
  });

  it('refuses a parent on a staff route and audits the attempt', async () => {
    const family = await buildFamily(env.database.db, orgId);
    const parent = family.parents[0] as { personId: string; email: string };
    const session = await login(env.app, parent.email, testPassword);
    expectProblem(await session.request('GET', '/api/organisations'), 403, 'forbidden');
    const denied = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .selectFrom('audit_event')
        .select(['actor_kind', 'entity_type', 'entity_id'])
        .where('actor_id', '=', parent.personId)
        .where('action', '=', 'denied')
        .execute(),
    );
    expect(denied).toContainEqual({
      actor_kind: 'parent',
      entity_type: 'route',
      entity_id: 'GET /api/organisations',
    });
  });

  it('never sends a stack trace', async () => {
    const res = await createUser('{"name": "Ny", ');
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(res.body).not.toContain('stack');
  });

  it('sets security headers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports its database in /healthz and checks it in /readyz', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
      database: kind,
    });
    expect((await env.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ready',
      database: kind,
    });
  });

  it('publishes OpenAPI 3 where every operation has a unique operationId', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, id: op.operationId })),
    );
    expect(ops.length).toBeGreaterThan(20);
    expect(ops.filter((o) => !o.id)).toEqual([]);
    const ids = ops.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['login', 'logout', 'getMe', 'getHealth', 'createStaffUser']));
  });

  it('serves the browsable reference at /api/docs without login', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});
