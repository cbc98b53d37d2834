import type { AccessLogPage } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditOfRequest } from '../../../test/care-setting';
import {
  buildConsentSetting,
  type ConsentSetting,
  consentFamily,
  grantInPortal,
} from '../../../test/consent';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem } from '../../../test/http';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { inScope } from '../../db/scope';

describeEachDatabase('getMyAccessLog: "Hvem har set mine data"', (kind) => {
  let env: TestEnv;
  let s: ConsentSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildConsentSetting(env);
  });
  afterAll(() => env?.close());

  it('lists who read the family’s data, from which organisation and why — newest first, without the parents’ own actions', async () => {
    const f = await consentFamily(env, s);
    const c = await grantInPortal(env, f.mother, {
      familyId: f.familyId,
      categories: ['identity'],
      fromOrgId: s.municipality.id,
      toOrgId: s.housing.id,
    });
    expect((await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}`)).statusCode).toBe(
      200,
    );
    expect(
      (await s.sessions2.familyCounsellor.request('GET', `/api/families/${f.familyId}`)).statusCode,
    ).toBe(200);
    // Break-the-glass: the other district's health visitor, with a reason the parents see.
    const reason = 'Familien er flyttet til vores distrikt og har brug for besøg i dag';
    const glass = await s.sessions.otherHealthVisitor.request('POST', '/api/break-glass', {
      familyId: f.familyId,
      reason,
    });
    expect(glass.statusCode, glass.body).toBe(201);
    expect(
      (await s.sessions.otherHealthVisitor.request('GET', `/api/families/${f.familyId}`)).statusCode,
    ).toBe(200);

    const res = await f.mother.request('GET', '/api/portal/access-log');
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json() as AccessLogPage;
    expect(log.familyId).toBe(f.familyId);
    const ids = log.entries.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(log.entries.every((e) => e.actor.roles.length > 0)).toBe(true);
    // The parent's own consent and reads are hers, not "who has seen".
    expect(log.entries.some((e) => e.entityType === 'consent' && e.consentId === c.id)).toBe(false);

    // getFamily writes one event per organisation and category it relied on.
    const glassRead = log.entries.find((e) => e.entityType === 'family' && e.basis === 'break_the_glass');
    const counsellorRead = log.entries.find(
      (e) => e.entityType === 'family' && e.actor.roles.includes('family_counsellor'),
    );
    expect(log.entries.indexOf(glassRead as never)).toBeLessThan(
      log.entries.indexOf(counsellorRead as never),
    );
    expect(glassRead).toMatchObject({
      action: 'read',
      basis: 'break_the_glass',
      breakGlassReason: reason,
      actor: {
        roles: ['health_visitor'],
        organisation: { id: s.municipality.id, name: s.municipality.name },
      },
    });
    expect(counsellorRead).toMatchObject({
      basis: 'consent',
      consentId: c.id,
      purpose: 'care',
      category: 'identity',
      actor: { roles: ['family_counsellor'], organisation: { id: s.housing.id, name: s.housing.name } },
      dataOrganisation: { id: s.municipality.id },
    });
    expect(log.entries.some((e) => e.basis === 'own_org' && e.actor.roles.includes('health_visitor'))).toBe(
      true,
    );
    // The midwife's registration (the region's own records) is there too.
    expect(log.entries.some((e) => e.actor.organisation?.id === s.region.id && e.action === 'create')).toBe(
      true,
    );

    // Reading the log is itself recorded, as the parent's own.
    expect(await auditOfRequest(env.database.db, res)).toEqual([
      expect.objectContaining({
        action: 'read',
        entity_type: 'access_log',
        actor_kind: 'parent',
        actor_id: f.motherId,
        basis: 'self',
        family_id: f.familyId,
      }),
    ]);
  });

  it('never shows anything about a concern report, not even that one exists', async () => {
    const f = await consentFamily(env, s);
    const caseworker: RequestContext = {
      requestId: `concern-${crypto.randomUUID()}`,
      ip: null,
      now: env.clock.now(),
      principal: {
        kind: 'staff',
        userId: s.users2.caseworker.id,
        orgId: s.municipality.id,
        roles: ['caseworker'],
        unitIds: [],
        sessionId: 'x',
      },
    };
    await inScope(env.database.db, { kind: 'system' }, async (tx) => {
      await writeAudit(tx, caseworker, {
        action: 'create',
        entityType: 'concern_report',
        familyId: f.familyId,
      });
      // The family read that came with the report in the same request would give it away.
      await writeAudit(tx, caseworker, { action: 'read', entityType: 'family', familyId: f.familyId });
      const other = { ...caseworker, requestId: `other-${crypto.randomUUID()}` };
      await writeAudit(tx, other, {
        action: 'read',
        entityType: 'family',
        familyId: f.familyId,
        purpose: 'concern_assessment',
      });
      await writeAudit(tx, other, {
        action: 'read',
        entityType: 'family_timeline',
        familyId: f.familyId,
        detail: { category: 'concern' },
      });
    });
    const log = (await f.mother.request('GET', '/api/portal/access-log?limit=100')).json() as AccessLogPage;
    expect(log.entries.filter((e) => e.actor.roles.includes('caseworker'))).toEqual([]);
  });

  it('pages newest first with a cursor', async () => {
    const f = await consentFamily(env, s);
    for (let i = 0; i < 3; i++)
      expect((await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}`)).statusCode).toBe(
        200,
      );
    const all = (await f.mother.request('GET', '/api/portal/access-log?limit=100')).json() as AccessLogPage;
    expect(all.nextCursor).toBeNull();
    const first = (await f.mother.request('GET', '/api/portal/access-log?limit=2')).json() as AccessLogPage;
    expect(first.entries.map((e) => e.id)).toEqual(all.entries.slice(0, 2).map((e) => e.id));
    const second = (
      await f.mother.request('GET', `/api/portal/access-log?limit=2&cursor=${first.nextCursor}`)
    ).json() as AccessLogPage;
    expect(second.entries.map((e) => e.id)).toEqual(all.entries.slice(2, 4).map((e) => e.id));
  });

  it('is for the parents of the family only; bad paging is 400', async () => {
    const f = await consentFamily(env, s);
    const other = await consentFamily(env, s);
    expectProblem(await s.sessions.healthVisitor.request('GET', '/api/portal/access-log'), 403, 'forbidden');
    expectProblem(
      await f.mother.request('GET', `/api/portal/access-log?familyId=${other.familyId}`),
      403,
      'forbidden',
    );
    for (const q of ['limit=0', 'limit=101', 'cursor=abc', 'familyId=x', 'extra=1'])
      expectProblem(await f.mother.request('GET', `/api/portal/access-log?${q}`), 400, 'validation');
  });
});
