import type { AccessLogPage } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditOfRequest, deniedEventsOf } from '../../../test/care-setting';
import {
  buildConsentSetting,
  type ConsentSetting,
  consentFamily,
  grantInPortal,
} from '../../../test/consent';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem } from '../../../test/http';
import type { RequestContext } from '../../access/request-context';
import { type AuditInput, writeAudit } from '../../audit/write-audit';
import { inScope } from '../../db/scope';

describeEachDatabase('getMyAccessLog: "Hvem har set mine data"', (kind) => {
  let env: TestEnv;
  let s: ConsentSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildConsentSetting(env);
  });
  afterAll(() => env?.close());

  /** The name the log shows for a staff user (the factories make one up). */
  const nameOf = (userId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('staff_user').select('name').where('id', '=', userId).executeTakeFirstOrThrow(),
    ).then((r) => r.name);

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
      purposes: ['care'],
      categories: ['identity'],
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

  it('groups repeated reads into one row with how many times and from when to when; changes and emergency access stand alone', async () => {
    const f = await consentFamily(env, s);
    const staff = (user: { id: string }, orgId: string, role: 'health_visitor') => (at: string) =>
      ({
        requestId: `log-${crypto.randomUUID()}`,
        ip: null,
        now: new Date(at),
        principal: { kind: 'staff', userId: user.id, orgId, roles: [role], unitIds: [], sessionId: 'x' },
      }) satisfies RequestContext;
    const hv = staff(s.users.healthVisitor, s.municipality.id, 'health_visitor');
    const glass = staff(s.users.otherHealthVisitor, s.municipality.id, 'health_visitor');
    const read = (detail: Record<string, unknown> = {}, more: Partial<AuditInput> = {}): AuditInput => ({
      action: 'read',
      entityType: 'family',
      familyId: f.familyId,
      dataOrgId: s.municipality.id,
      basis: 'own_org',
      purpose: 'care',
      detail,
      ...more,
    });
    // 20 November 2026, Copenhagen is UTC+1: 10.02 local is 09:02Z. In event order.
    const events: [RequestContext, AuditInput][] = [
      [hv('2026-11-20T09:02:00Z'), read({ category: 'identity' })],
      [hv('2026-11-20T09:03:00Z'), read({ category: 'pregnancy' })],
      // Another organisation's data, on another basis: its own row, in between.
      [
        hv('2026-11-20T09:04:00Z'),
        read({ category: 'pregnancy' }, { dataOrgId: s.region.id, basis: 'legal_basis' }),
      ],
      [hv('2026-11-20T09:05:00Z'), read({ category: 'identity' }, { purpose: 'eligibility' })],
      [hv('2026-11-20T09:09:00Z'), read({ category: 'identity' })],
      // A change is a row of its own, even in the middle of reads.
      [hv('2026-11-20T09:10:00Z'), read({}, { action: 'update', entityType: 'family' })],
      [hv('2026-11-20T09:12:00Z'), read({}, { entityType: 'family_timeline' })],
      // More than 30 minutes after the last read of the family: a new row, which then runs on
      // for as long as each read follows the one before within 30 minutes.
      [hv('2026-11-20T09:50:00Z'), read({ category: 'identity' })],
      [hv('2026-11-20T10:15:00Z'), read({ category: 'identity' })],
      // 23.50 and 00.10 in Copenhagen: two days, two rows.
      [hv('2026-11-20T22:50:00Z'), read({ category: 'identity' })],
      [hv('2026-11-20T23:10:00Z'), read({ category: 'identity' })],
      // Emergency access: every read shows, one by one, a minute apart.
      [glass('2026-11-20T11:00:00Z'), read({ category: 'identity' }, { basis: 'break_the_glass' })],
      [glass('2026-11-20T11:01:00Z'), read({ category: 'identity' }, { basis: 'break_the_glass' })],
    ];
    await inScope(env.database.db, { kind: 'system' }, async (tx) => {
      for (const [ctx, input] of events) await writeAudit(tx, ctx, input);
    });

    const res = await f.mother.request('GET', '/api/portal/access-log?limit=100');
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json() as AccessLogPage;
    const [hvName, glassName] = [
      await nameOf(s.users.healthVisitor.id),
      await nameOf(s.users.otherHealthVisitor.id),
    ];
    const rows = (userName: string) =>
      log.entries
        .filter((e) => e.actor.name === userName && e.occurredAt.startsWith('2026-11-2'))
        .map((e) => ({
          action: e.action,
          entityType: e.entityType,
          basis: e.basis,
          data: e.dataOrganisation?.id,
          count: e.count,
          from: e.firstOccurredAt,
          to: e.occurredAt,
        }));
    const family = { action: 'read', entityType: 'family', basis: 'own_org', data: s.municipality.id };
    expect(rows(hvName)).toEqual([
      { ...family, count: 1, from: '2026-11-20T23:10:00.000Z', to: '2026-11-20T23:10:00.000Z' },
      { ...family, count: 1, from: '2026-11-20T22:50:00.000Z', to: '2026-11-20T22:50:00.000Z' },
      { ...family, count: 2, from: '2026-11-20T09:50:00.000Z', to: '2026-11-20T10:15:00.000Z' },
      {
        ...family,
        entityType: 'family_timeline',
        count: 1,
        from: '2026-11-20T09:12:00.000Z',
        to: '2026-11-20T09:12:00.000Z',
      },
      {
        ...family,
        action: 'update',
        count: 1,
        from: '2026-11-20T09:10:00.000Z',
        to: '2026-11-20T09:10:00.000Z',
      },
      { ...family, count: 4, from: '2026-11-20T09:02:00.000Z', to: '2026-11-20T09:09:00.000Z' },
      {
        ...family,
        basis: 'legal_basis',
        data: s.region.id,
        count: 1,
        from: '2026-11-20T09:04:00.000Z',
        to: '2026-11-20T09:04:00.000Z',
      },
    ]);
    // The row of four says which kinds of records and purposes its reads were about.
    const four = log.entries.find((e) => e.count === 4 && e.actor.name === hvName);
    expect(four?.categories).toEqual(['identity', 'pregnancy']);
    expect(four?.purposes).toEqual(['care', 'eligibility']);
    expect(rows(glassName)).toEqual([
      {
        ...family,
        basis: 'break_the_glass',
        count: 1,
        from: '2026-11-20T11:01:00.000Z',
        to: '2026-11-20T11:01:00.000Z',
      },
      {
        ...family,
        basis: 'break_the_glass',
        count: 1,
        from: '2026-11-20T11:00:00.000Z',
        to: '2026-11-20T11:00:00.000Z',
      },
    ]);
  });

  it('opening the family three times in a few minutes is one row per organisation whose records she saw', async () => {
    const f = await consentFamily(env, s);
    const first = env.clock.now().toISOString();
    for (let i = 0; i < 3; i++) {
      if (i > 0) env.clock.advance(2 * 60_000);
      expect((await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}`)).statusCode).toBe(
        200,
      );
    }
    const log = (await f.mother.request('GET', '/api/portal/access-log')).json() as AccessLogPage;
    const hvName = await nameOf(s.users.healthVisitor.id);
    const reads = log.entries.filter(
      (e) => e.actor.name === hvName && e.entityType === 'family' && e.action === 'read',
    );
    // The municipality's own records, and the pregnancy the region shares on the mother's consent.
    expect(reads.map((e) => [e.dataOrganisation?.id, e.basis, e.count])).toEqual([
      [s.region.id, 'consent', 3],
      [s.municipality.id, 'own_org', 3],
    ]);
    for (const e of reads) {
      expect(e.firstOccurredAt).toBe(first);
      expect(e.occurredAt).toBe(env.clock.now().toISOString());
      expect(e.purposes).toEqual(['care']);
    }
  });

  it('pages through rows, not events, newest first, with a cursor', async () => {
    const f = await consentFamily(env, s);
    for (let i = 0; i < 3; i++) {
      env.clock.advance(60_000);
      expect((await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}`)).statusCode).toBe(
        200,
      );
      expect(
        (await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}/timeline`)).statusCode,
      ).toBe(200);
    }
    const all = (await f.mother.request('GET', '/api/portal/access-log?limit=100')).json() as AccessLogPage;
    expect(all.nextCursor).toBeNull();
    expect(all.entries.length).toBeGreaterThanOrEqual(3);
    const ids = all.entries.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const paged: AccessLogPage['entries'] = [];
    let cursor: string | null = null;
    do {
      const res = await f.mother.request(
        'GET',
        `/api/portal/access-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as AccessLogPage;
      expect(page.entries.length).toBeLessThanOrEqual(2);
      if (page.nextCursor) expect(page.entries).toHaveLength(2);
      paged.push(...page.entries);
      cursor = page.nextCursor;
    } while (cursor);
    // The same rows, whole, in the same order: a row never splits across two pages.
    expect(paged).toEqual(all.entries);
  });

  it('is for the parents of the family only (403, audited as denied); bad paging is 400 and records no read', async () => {
    const f = await consentFamily(env, s);
    const other = await consentFamily(env, s);
    expectProblem(await s.sessions.healthVisitor.request('GET', '/api/portal/access-log'), 403, 'forbidden');
    expect(await deniedEventsOf(env.database.db, s.users.healthVisitor.id)).toContainEqual(
      expect.objectContaining({ actor_kind: 'staff', action: 'denied', outcome: 'failure' }),
    );
    const refused = await f.mother.request('GET', `/api/portal/access-log?familyId=${other.familyId}`);
    expectProblem(refused, 403, 'forbidden');
    expect(await auditOfRequest(env.database.db, refused)).toEqual([
      expect.objectContaining({
        action: 'denied',
        entity_type: 'access_log',
        actor_id: f.motherId,
        family_id: other.familyId,
      }),
    ]);
    for (const q of [
      'limit=0',
      'limit=101',
      'cursor=abc',
      'cursor=9999999999999999999',
      'familyId=x',
      'extra=1',
    ]) {
      const res = await f.mother.request('GET', `/api/portal/access-log?${q}`);
      expectProblem(res, 400, 'validation');
      expect(await auditOfRequest(env.database.db, res)).toEqual([]);
    }
  });
});
