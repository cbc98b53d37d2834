import type { StaffRole } from '@familiespor/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltFamily,
  buildFamily,
  buildOrganisation,
  buildStaffUser,
  buildUnit,
} from '../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../test/harness';
import { expectProblem, login } from '../../test/http';
import { inScope } from '../db/scope';
import { type AccessTarget, decide } from './policy';
import type { RequestContext } from './request-context';

describeEachDatabase('access policy: decide()', (kind) => {
  let env: TestEnv;
  let orgA: string;
  let orgB: string;
  let districtNord: string;
  let districtSyd: string;
  let family: BuiltFamily;

  beforeAll(async () => {
    env = await startTestApp(kind);
    orgA = (await buildOrganisation(env.database.db)).id;
    orgB = (await buildOrganisation(env.database.db)).id;
    districtNord = (await buildUnit(env.database.db, orgA)).id;
    districtSyd = (await buildUnit(env.database.db, orgA)).id;
    family = await buildFamily(env.database.db, orgA, { districtUnitId: districtNord });
  });
  afterAll(() => env?.close());

  const staffCtx = (
    orgId: string,
    roles: StaffRole[],
    unitIds: string[] = [],
    userId?: string,
  ): RequestContext => ({
    requestId: 'test',
    ip: null,
    now: env.clock.now(),
    principal: {
      kind: 'staff',
      userId: userId ?? crypto.randomUUID(),
      orgId,
      roles,
      unitIds,
      sessionId: 'x',
    },
  });

  /** Decides, and reports whether the family's row became readable in the same transaction. */
  const ask = (ctx: RequestContext, action: 'read' | 'write', target: Partial<AccessTarget> = {}) => {
    const scope = ctx.principal?.kind === 'staff' ? [ctx.principal.orgId] : [];
    return inScope(env.database.db, { kind: 'orgs', orgIds: scope }, async (tx) => {
      const decision = await decide(tx, ctx, action, {
        orgId: orgA,
        category: 'identity',
        familyId: family.id,
        ...target,
      });
      const row = await tx.selectFrom('family').select('id').where('id', '=', family.id).executeTakeFirst();
      return { decision, rowVisible: row !== undefined };
    });
  };

  describe('inside the organisation', () => {
    it('allows a health visitor whose district serves the family', async () => {
      const r = await ask(staffCtx(orgA, ['health_visitor'], [districtNord]), 'read', {
        category: 'health_visit',
      });
      expect(r.decision).toEqual({ allowed: true, basis: 'own_org' });
    });

    it('refuses a health visitor of another district: no relationship', async () => {
      const r = await ask(staffCtx(orgA, ['health_visitor'], [districtSyd]), 'read');
      expect(r.decision).toEqual({ allowed: false, reason: 'no relationship to the family' });
    });

    it('lets the programme lead oversee every family of the organisation', async () => {
      expect(
        (await ask(staffCtx(orgA, ['programme_lead']), 'read', { category: 'screening' })).decision.allowed,
      ).toBe(true);
    });

    it('refuses a category the role may not see, whatever the relationship', async () => {
      const r = await ask(staffCtx(orgA, ['midwife'], [districtNord]), 'read', { category: 'health_visit' });
      expect(r.decision).toEqual({ allowed: false, reason: 'no role may read health_visit' });
    });

    it('lets a midwife see pregnancy screenings only', async () => {
      const ctx = staffCtx(orgA, ['midwife'], [districtNord]);
      expect(
        (await ask(ctx, 'read', { category: 'screening', qualifiers: ['pregnancy'] })).decision.allowed,
      ).toBe(true);
      expect((await ask(ctx, 'read', { category: 'screening' })).decision.allowed).toBe(false);
    });

    it('lets "send" roles write a concern report but not read one', async () => {
      const ctx = staffCtx(orgA, ['health_visitor'], [districtNord]);
      expect((await ask(ctx, 'write', { category: 'concern' })).decision.allowed).toBe(true);
      expect((await ask(ctx, 'read', { category: 'concern' })).decision.allowed).toBe(false);
    });

    it('gives analysts and administrators no personal records', async () => {
      for (const role of ['analyst', 'org_admin'] as const) {
        expect((await ask(staffCtx(orgA, [role], [districtNord]), 'read')).decision.allowed).toBe(false);
      }
    });

    it('follows the organisation’s own tightening of the matrix', async () => {
      const org = await buildOrganisation(env.database.db);
      const unit = await buildUnit(env.database.db, org.id);
      const fam = await buildFamily(env.database.db, org.id, { districtUnitId: unit.id });
      await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .insertInto('access_rule')
          .values({ org_id: org.id, role: 'health_visitor', category: 'course', level: 'read' })
          .execute(),
      );
      const ctx = staffCtx(org.id, ['health_visitor'], [unit.id]);
      const target = { orgId: org.id, familyId: fam.id, category: 'course' as const };
      expect((await ask(ctx, 'read', target)).decision.allowed).toBe(true);
      expect((await ask(ctx, 'write', target)).decision.allowed).toBe(false);
    });
  });

  describe('across organisations', () => {
    it('refuses another organisation’s record without consent or legal basis, and keeps its rows hidden', async () => {
      const r = await ask(staffCtx(orgB, ['health_visitor'], []), 'read');
      expect(r.decision).toEqual({ allowed: false, reason: 'no consent or legal basis' });
      expect(r.rowVisible).toBe(false);
    });

    it('break-the-glass allows it for four hours, with its own basis, and widens the scope', async () => {
      const user = await buildStaffUser(env.database.db, orgB, { roles: ['health_visitor'] });
      await inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .insertInto('break_glass_grant')
          .values({
            org_id: orgB,
            staff_user_id: user.id,
            family_id: family.id,
            reason: 'Akut: familien er flyttet og mor har ringet i krise',
            granted_at: env.clock.now(),
            expires_at: new Date(env.clock.now().getTime() + 4 * 3600_000),
          })
          .execute(),
      );
      const ctx = staffCtx(orgB, ['health_visitor'], [], user.id);
      const r = await ask(ctx, 'read');
      expect(r.decision).toEqual({ allowed: true, basis: 'break_the_glass' });
      expect(r.rowVisible).toBe(true);
      // It does not open categories the role may never see, nor those the law keeps behind consent.
      expect((await ask(ctx, 'read', { category: 'concern' })).decision.allowed).toBe(false);
      expect((await ask(ctx, 'read', { category: 'counselling' })).decision.allowed).toBe(false);
      env.clock.advance(4 * 3600_000 + 1);
      expect((await ask({ ...ctx, now: env.clock.now() }, 'read')).decision.allowed).toBe(false);
    });
  });

  describe('parents', () => {
    const parentCtx = (familyIds: string[]): RequestContext => ({
      requestId: 'test',
      ip: null,
      now: env.clock.now(),
      principal: {
        kind: 'parent',
        personId: family.parents[0]?.personId as string,
        familyIds,
        sessionId: 'x',
      },
    });

    it('see their own family’s records', async () => {
      const r = await ask(parentCtx([family.id]), 'read', { category: 'health_visit' });
      expect(r.decision).toEqual({ allowed: true, basis: 'self' });
      expect(r.rowVisible).toBe(true);
    });

    it('write only what parents write themselves (sign-ups, questionnaires)', async () => {
      expect((await ask(parentCtx([family.id]), 'write', { category: 'course' })).decision.allowed).toBe(
        true,
      );
      expect((await ask(parentCtx([family.id]), 'write', { category: 'screening' })).decision.allowed).toBe(
        true,
      );
      expect(
        (await ask(parentCtx([family.id]), 'write', { category: 'health_visit' })).decision.allowed,
      ).toBe(false);
      expect((await ask(parentCtx([family.id]), 'write', { category: 'identity' })).decision.allowed).toBe(
        false,
      );
    });

    it('never see concern reports, nor another family', async () => {
      expect((await ask(parentCtx([family.id]), 'read', { category: 'concern' })).decision.allowed).toBe(
        false,
      );
      const r = await ask(parentCtx([crypto.randomUUID()]), 'read');
      expect(r.decision.allowed).toBe(false);
      expect(r.rowVisible).toBe(false);
    });
  });
});

describeEachDatabase('break-the-glass through the API', (kind) => {
  let env: TestEnv;
  let orgId: string;
  let familyId: string;

  beforeAll(async () => {
    env = await startTestApp(kind);
    orgId = (await buildOrganisation(env.database.db)).id;
    familyId = (await buildFamily(env.database.db, orgId)).id;
  });
  afterAll(() => env?.close());

  const reason = 'Vagtlæge beder om oplysninger om spædbarnets fødsel i weekenden';

  it('grants four hours with a reason, flags it, and the programme lead reviews it', async () => {
    const hv = await buildStaffUser(env.database.db, orgId, { roles: ['health_visitor'] });
    const hvSession = await login(env.app, hv.email, hv.password);
    expectProblem(
      await hvSession.request('POST', '/api/break-glass', { familyId, reason: 'for kort' }),
      400,
      'validation',
    );
    expectProblem(
      await hvSession.request('POST', '/api/break-glass', { familyId: crypto.randomUUID(), reason }),
      404,
      'not_found',
    );
    const res = await hvSession.request('POST', '/api/break-glass', { familyId, reason });
    expect(res.statusCode).toBe(201);
    const grant = res.json();
    expect(new Date(grant.expiresAt).getTime() - new Date(grant.grantedAt).getTime()).toBe(4 * 3600_000);
    expectProblem(await hvSession.request('POST', '/api/break-glass', { familyId, reason }), 409, 'conflict');

    const flagged = await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('audit_event').selectAll().where('entity_id', '=', grant.id).executeTakeFirstOrThrow(),
    );
    expect(flagged).toMatchObject({
      action: 'execute',
      basis: 'break_the_glass',
      family_id: familyId,
      detail: { flagged: true },
    });

    expectProblem(await hvSession.request('GET', '/api/break-glass'), 403, 'forbidden');
    const lead = await buildStaffUser(env.database.db, orgId, { roles: ['programme_lead'] });
    const leadSession = await login(env.app, lead.email, lead.password);
    const list = await leadSession.request('GET', '/api/break-glass');
    expect(list.json().map((g: { id: string }) => g.id)).toContain(grant.id);
    const reviewed = await leadSession.request('POST', `/api/break-glass/${grant.id}/review`, {
      note: 'Begrundet: akut henvendelse fra vagtlæge',
      justified: true,
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().reviewedByName).not.toBeNull();
    const unreviewed = await leadSession.request('GET', '/api/break-glass?status=unreviewed');
    expect(unreviewed.json().map((g: { id: string }) => g.id)).not.toContain(grant.id);
    expectProblem(
      await leadSession.request('POST', `/api/break-glass/${grant.id}/review`, {
        note: 'Igen',
        justified: true,
      }),
      409,
    );
  });

  it('ends early when its holder revokes it; a colleague may not', async () => {
    const hv = await buildStaffUser(env.database.db, orgId, { roles: ['health_visitor'] });
    const colleague = await buildStaffUser(env.database.db, orgId, { roles: ['health_visitor'] });
    const session = await login(env.app, hv.email, hv.password);
    const other = await login(env.app, colleague.email, colleague.password);
    const grant = (await session.request('POST', '/api/break-glass', { familyId, reason })).json();
    expectProblem(await other.request('POST', `/api/break-glass/${grant.id}/revoke`), 403, 'forbidden');
    const revoked = await session.request('POST', `/api/break-glass/${grant.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    expectProblem(await session.request('POST', `/api/break-glass/${grant.id}/revoke`), 409, 'conflict');
    // Revoked means a new grant can be asked for at once.
    expect((await session.request('POST', '/api/break-glass', { familyId, reason })).statusCode).toBe(201);
  });

  it('is refused for roles that never see personal records', async () => {
    const analyst = await buildStaffUser(env.database.db, orgId, { roles: ['analyst'] });
    const session = await login(env.app, analyst.email, analyst.password);
    expectProblem(await session.request('POST', '/api/break-glass', { familyId, reason }), 403, 'forbidden');
  });
});
