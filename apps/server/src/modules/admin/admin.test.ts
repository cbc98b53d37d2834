import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFamily,
  buildOrganisation,
  buildStaffUser,
  buildUnit,
  testPassword,
  unique,
} from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, login, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

describeEachDatabase('administration of organisations, units, staff and partnerships', (kind) => {
  let env: TestEnv;
  let orgId: string;
  let admin: Session;
  let adminId: string;
  let operator: Session;

  beforeAll(async () => {
    env = await startTestApp(kind);
    orgId = (await buildOrganisation(env.database.db)).id;
    const a = await buildStaffUser(env.database.db, orgId, { roles: ['org_admin'] });
    adminId = a.id;
    admin = await login(env.app, a.email, a.password);
    const operatorOrg = await buildOrganisation(env.database.db);
    const op = await buildStaffUser(env.database.db, operatorOrg.id, { roles: ['platform_admin'] });
    operator = await login(env.app, op.email, op.password);
  });
  afterAll(() => env?.close());

  const auditOf = (entityId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('audit_event').selectAll().where('entity_id', '=', entityId).orderBy('id').execute(),
    );
  const deniedCount = (actorId: string) =>
    inScope(env.database.db, { kind: 'system' }, async (tx) =>
      Number(
        (
          await tx
            .selectFrom('audit_event')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('actor_id', '=', actorId)
            .where('action', '=', 'denied')
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );

  describe('staff users', () => {
    it('creates a user with roles and units, who can then log in; the change is audited', async () => {
      const unit = await buildUnit(env.database.db, orgId);
      const email = `${unique('ny').replace(' ', '-')}@test.familiespor.dk`.toLowerCase();
      const res = await admin.request('POST', `/api/organisations/${orgId}/staff`, {
        name: 'Nina Sundhedsplejerske',
        email,
        roles: ['health_visitor'],
        unitIds: [unit.id],
        password: 'en lang nok adgangskode',
      });
      expect(res.statusCode).toBe(201);
      const user = res.json();
      expect(user).toMatchObject({
        email,
        roles: ['health_visitor'],
        unitIds: [unit.id],
        active: true,
        hasPassword: true,
      });
      const events = await auditOf(user.id);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        action: 'create',
        entity_type: 'staff_user',
        actor_id: adminId,
        org_id: orgId,
      });
      expect(JSON.stringify(events[0]?.detail)).not.toContain(email);
      const session = await login(env.app, email, 'en lang nok adgangskode');
      expect(session.me).toMatchObject({ roles: ['health_visitor'] });
    });

    it('refuses a duplicate e-mail with 409 naming the field', async () => {
      const existing = await buildStaffUser(env.database.db, orgId);
      const res = await admin.request('POST', `/api/organisations/${orgId}/staff`, {
        name: 'Dublet',
        email: existing.email.toUpperCase(),
        roles: ['midwife'],
      });
      const body = expectProblem(res, 409, 'conflict');
      expect(body.errors[0]?.path).toBe('email');
    });

    it('refuses units of another organisation, and writes nothing', async () => {
      const other = await buildOrganisation(env.database.db);
      const foreignUnit = await buildUnit(env.database.db, other.id);
      const email = `${unique('x').replace(' ', '-')}@test.familiespor.dk`.toLowerCase();
      const res = await admin.request('POST', `/api/organisations/${orgId}/staff`, {
        name: 'Forkert enhed',
        email,
        roles: ['midwife'],
        unitIds: [foreignUnit.id],
      });
      const body = expectProblem(res, 400, 'validation');
      expect(body.errors[0]?.path).toBe('unitIds.0');
      const found = await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx.selectFrom('staff_user').select('id').where('email', '=', email).execute(),
      );
      expect(found).toEqual([]);
    });

    it('changes roles and audits from and to', async () => {
      const user = await buildStaffUser(env.database.db, orgId, { roles: ['midwife'] });
      const res = await admin.request('PUT', `/api/staff/${user.id}/roles`, {
        roles: ['health_visitor', 'programme_lead'],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().roles).toEqual(['health_visitor', 'programme_lead']);
      const events = await auditOf(user.id);
      expect(events.at(-1)?.detail).toMatchObject({
        change: 'roles',
        from: ['midwife'],
        to: ['health_visitor', 'programme_lead'],
      });
    });

    it('an org admin may not hand out the platform operator role', async () => {
      const user = await buildStaffUser(env.database.db, orgId, { roles: ['midwife'] });
      expectProblem(
        await admin.request('PUT', `/api/staff/${user.id}/roles`, { roles: ['platform_admin'] }),
        403,
        'forbidden',
      );
    });

    it('updates name and units', async () => {
      const user = await buildStaffUser(env.database.db, orgId);
      const unit = await buildUnit(env.database.db, orgId);
      const res = await admin.request('PATCH', `/api/staff/${user.id}`, {
        name: 'Nyt Navn',
        unitIds: [unit.id],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ name: 'Nyt Navn', unitIds: [unit.id] });
      expectProblem(await admin.request('PATCH', `/api/staff/${user.id}`, {}), 400, 'validation');
    });

    it('deactivation ends the user’s sessions at once and blocks new logins', async () => {
      const user = await buildStaffUser(env.database.db, orgId);
      const session = await login(env.app, user.email, user.password);
      expectProblem(await admin.request('POST', `/api/staff/${user.id}/deactivate`, {}), 400, 'validation');
      const res = await admin.request('POST', `/api/staff/${user.id}/deactivate`, { reason: 'Fratrådt' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ active: false });
      expectProblem(await session.request('GET', '/api/me'), 401, 'session_expired');
      const again = await env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: user.email, password: user.password },
      });
      expectProblem(again, 401, 'invalid_credentials');
      expect((await auditOf(user.id)).at(-1)?.detail).toMatchObject({
        change: 'deactivated',
        sessionsEnded: 1,
      });

      expect((await admin.request('POST', `/api/staff/${user.id}/reactivate`)).statusCode).toBe(200);
      expect((await login(env.app, user.email, user.password)).me).toMatchObject({ kind: 'staff' });
    });

    it('an admin cannot deactivate themself, and the last admin cannot lose the role', async () => {
      expectProblem(
        await admin.request('POST', `/api/staff/${adminId}/deactivate`, { reason: 'Test' }),
        409,
        'conflict',
      );
      expectProblem(
        await admin.request('PUT', `/api/staff/${adminId}/roles`, { roles: ['analyst'] }),
        409,
        'conflict',
      );
    });

    it('lists users with search, and the read is audited', async () => {
      const user = await buildStaffUser(env.database.db, orgId, { name: unique('Søgbar Person') });
      const res = await admin.request(
        'GET',
        `/api/organisations/${orgId}/staff?search=${encodeURIComponent('søgbar')}`,
      );
      expect(res.statusCode).toBe(200);
      expect(res.json().map((u: { id: string }) => u.id)).toContain(user.id);
      const reads = await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .selectFrom('audit_event')
          .select(['action', 'purpose'])
          .where('actor_id', '=', adminId)
          .where('action', '=', 'read')
          .where('entity_type', '=', 'staff_user')
          .execute(),
      );
      expect(reads.length).toBeGreaterThan(0);
      expect(reads[0]?.purpose).toBe('administration');
    });
  });

  describe('forbidden', () => {
    it('a health visitor may not administer users: 403, audited as denied, nothing written', async () => {
      const hv = await buildStaffUser(env.database.db, orgId, { roles: ['health_visitor'] });
      const session = await login(env.app, hv.email, hv.password);
      const before = await deniedCount(hv.id);
      const res = await session.request('POST', `/api/organisations/${orgId}/staff`, {
        name: 'Snigende',
        email: 'snig@test.familiespor.dk',
        roles: ['org_admin'],
      });
      expectProblem(res, 403, 'forbidden');
      expect(await deniedCount(hv.id)).toBe(before + 1);
      const found = await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx.selectFrom('staff_user').select('id').where('email', '=', 'snig@test.familiespor.dk').execute(),
      );
      expect(found).toEqual([]);
    });

    it('an org admin may not administer another organisation', async () => {
      const other = await buildOrganisation(env.database.db);
      const victim = await buildStaffUser(env.database.db, other.id);
      expectProblem(await admin.request('GET', `/api/organisations/${other.id}/staff`), 403, 'forbidden');
      expectProblem(
        await admin.request('POST', `/api/staff/${victim.id}/deactivate`, { reason: 'Fjendtlig' }),
        403,
      );
      expect(await deniedCount(adminId)).toBeGreaterThanOrEqual(2);
    });

    it('a parent may not call staff endpoints', async () => {
      const family = await buildFamily(env.database.db, orgId);
      const parent = await login(env.app, family.parents[0]?.email as string, testPassword);
      expectProblem(await parent.request('GET', '/api/organisations'), 403, 'forbidden');
      expectProblem(
        await env.app.inject({ method: 'GET', url: '/api/organisations' }),
        401,
        'unauthenticated',
      );
    });
  });

  describe('organisations and units', () => {
    it('the platform operator creates an organisation; an org admin may not', async () => {
      const name = unique('Ny NGO');
      expectProblem(
        await admin.request('POST', '/api/organisations', { kind: 'ngo', name }),
        403,
        'forbidden',
      );
      const res = await operator.request('POST', '/api/organisations', { kind: 'ngo', name });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ kind: 'ngo', name, active: true });
      expectProblem(
        await operator.request('POST', '/api/organisations', { kind: 'ngo', name }),
        409,
        'conflict',
      );
      expectProblem(
        await operator.request('POST', '/api/organisations', {
          kind: 'municipality',
          name: unique('Kommune'),
        }),
        400,
        'validation',
      );
    });

    it('an org admin renames their organisation but cannot switch it off', async () => {
      expect(
        (await admin.request('PATCH', `/api/organisations/${orgId}`, { name: unique('Omdøbt Kommune') }))
          .statusCode,
      ).toBe(200);
      expectProblem(
        await admin.request('PATCH', `/api/organisations/${orgId}`, { active: false }),
        403,
        'forbidden',
      );
    });

    it('creates, renames and nests units; names are unique per organisation', async () => {
      const parent = await admin.request('POST', `/api/organisations/${orgId}/units`, {
        kind: 'department',
        name: unique('Sundhedsplejen'),
      });
      expect(parent.statusCode).toBe(201);
      const child = await admin.request('POST', `/api/organisations/${orgId}/units`, {
        kind: 'district',
        name: unique('Distrikt Øst'),
        parentUnitId: parent.json().id,
      });
      expect(child.json()).toMatchObject({ parentUnitId: parent.json().id });
      expectProblem(
        await admin.request('POST', `/api/organisations/${orgId}/units`, {
          kind: 'team',
          name: parent.json().name,
        }),
        409,
      );
      expectProblem(
        await admin.request('PATCH', `/api/units/${child.json().id}`, { parentUnitId: child.json().id }),
        400,
      );
      const list = await admin.request('GET', `/api/organisations/${orgId}/units`);
      expect(list.json().map((u: { id: string }) => u.id)).toEqual(
        expect.arrayContaining([parent.json().id, child.json().id]),
      );
    });
  });

  describe('partnerships', () => {
    it('a municipality enters a partnership with an NGO; both sides see it', async () => {
      const ngo = await buildOrganisation(env.database.db, { kind: 'ngo', municipality_code: null });
      const res = await admin.request('POST', `/api/organisations/${orgId}/partnerships`, {
        partnerOrgId: ngo.id,
        description: 'Åben anonym rådgivning',
        recordCategories: ['referral'],
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ ackDeadlineWorkingDays: 5, recordCategories: ['referral'] });
      expectProblem(
        await admin.request('POST', `/api/organisations/${orgId}/partnerships`, {
          partnerOrgId: ngo.id,
          description: 'Igen',
        }),
        409,
      );
      const ngoAdmin = await buildStaffUser(env.database.db, ngo.id, { roles: ['org_admin'] });
      const ngoSession = await login(env.app, ngoAdmin.email, ngoAdmin.password);
      const seen = await ngoSession.request('GET', `/api/organisations/${ngo.id}/partnerships`);
      expect(seen.json().map((p: { id: string }) => p.id)).toContain(res.json().id);
      // Only the municipality's side changes it.
      expectProblem(
        await ngoSession.request('PATCH', `/api/partnerships/${res.json().id}`, { active: false }),
        403,
      );
      const changed = await admin.request('PATCH', `/api/partnerships/${res.json().id}`, {
        ackDeadlineWorkingDays: 3,
      });
      expect(changed.json().ackDeadlineWorkingDays).toBe(3);
    });

    it('refuses a partnership with an unknown organisation or with itself', async () => {
      expectProblem(
        await admin.request('POST', `/api/organisations/${orgId}/partnerships`, {
          partnerOrgId: orgId,
          description: 'Selv',
        }),
        400,
      );
    });
  });

  describe('the access matrix', () => {
    it('an org admin tightens a cell; widening is refused with the field named', async () => {
      const tighten = await admin.request('PUT', `/api/organisations/${orgId}/access-matrix`, {
        entries: [{ role: 'health_visitor', category: 'course', level: 'read' }],
      });
      expect(tighten.statusCode).toBe(200);
      expect(tighten.json().entries).toContainEqual({
        role: 'health_visitor',
        category: 'course',
        level: 'read',
        defaultLevel: 'full',
      });
      const widen = await admin.request('PUT', `/api/organisations/${orgId}/access-matrix`, {
        entries: [
          { role: 'health_visitor', category: 'course', level: 'full' },
          { role: 'midwife', category: 'health_visit', level: 'full' },
        ],
      });
      const body = expectProblem(widen, 400, 'validation');
      expect(body.errors.map((e) => e.path)).toEqual(['entries.1.level']);
    });
  });
});
