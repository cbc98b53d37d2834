import type { FamilyDetail, familyTimeline, Referral, ReferralList } from '@familiespor/contracts';
import { addWorkingDays } from '@familiespor/domain/working-days';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  createTestOffer,
  dayOnClock,
  deniedEventsOf,
  registerFamily,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem } from '../../../test/http';
import { inScope } from '../../db/scope';

describeEachDatabase('referrals: create, acknowledge, decide, complete', (kind) => {
  let env: TestEnv;
  let s: CareSetting;
  let klarTilBaby: { id: string };

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
    klarTilBaby = await createTestOffer(s, {
      name: 'Klar til baby',
      kind: 'group',
      level: 'targeted',
      fiv: false,
      eligibility: {},
    });
  });
  afterAll(() => env?.close());

  const db = () => env.database.db;
  const referralRows = (familyId: string) =>
    inScope(db(), { kind: 'system' }, async (tx) => ({
      referrals: await tx.selectFrom('referral').selectAll().where('family_id', '=', familyId).execute(),
      events: await tx
        .selectFrom('referral_event')
        .innerJoin('referral', 'referral.id', 'referral_event.referral_id')
        .select(['referral_event.status'])
        .where('referral.family_id', '=', familyId)
        .orderBy('referral_event.id')
        .execute(),
      attachments: await tx
        .selectFrom('referral_attachment')
        .innerJoin('referral', 'referral.id', 'referral_attachment.referral_id')
        .select(['referral_attachment.category', 'referral_attachment.basis'])
        .where('referral.family_id', '=', familyId)
        .execute(),
      involvements: await tx
        .selectFrom('involvement')
        .select(['org_id', 'unit_id', 'ended_at'])
        .where('family_id', '=', familyId)
        .where('kind', '=', 'referral')
        .execute(),
    }));

  const refer = (familyId: string, over: Record<string, unknown> = {}) =>
    s.sessions.midwife.request('POST', '/api/referrals', {
      familyId,
      to: { offerId: klarTilBaby.id },
      reason: 'Sårbar gravid: førstegangsfødende uden netværk, ønsker støtte før fødslen',
      urgency: 'urgent',
      attachments: [{ category: 'pregnancy' }],
      ...over,
    });

  it('the midwife refers to Klar til baby; the district acknowledges, accepts and completes; the sender follows it', async () => {
    const f = await registerFamily(env, s);
    const created = await refer(f.familyId);
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json() as Referral;
    expect(r).toMatchObject({
      status: 'requested',
      urgency: 'urgent',
      from: { organisation: { id: s.region.id }, sentBy: { id: s.users.midwife.id } },
      to: {
        organisation: { id: s.municipality.id },
        unit: { id: s.units.district.id },
        offer: { id: klarTilBaby.id, name: 'Klar til baby' },
      },
      ackDeadline: { workingDays: 5, dueOn: addWorkingDays(dayOnClock(env), 5) },
      overdue: false,
      actions: [],
    });
    expect(r.family.names).toContain('Amira');
    // The parents one by one, mother first, for the reader's language to join.
    expect(r.family.parents).toEqual(
      f.family.members
        .filter((m) => m.role !== 'child')
        .sort((a, b) => Number(b.role === 'mother') - Number(a.role === 'mother'))
        .map((m) => `${m.givenName} ${m.familyName}`),
    );
    expect(r.attachments.map((a) => [a.category, a.basis])).toEqual([
      ['pregnancy', 'consent'],
      ['referral', 'referral_content'],
    ]);
    const audit = await auditOfRequest(db(), created);
    expect(audit.find((e) => e.action === 'create')).toMatchObject({
      entity_type: 'referral',
      entity_id: r.id,
      family_id: f.familyId,
      basis: 'own_org',
    });

    const inbox = await s.sessions.healthVisitor.request('GET', '/api/referrals?box=received');
    expect(inbox.statusCode, inbox.body).toBe(200);
    const item = (inbox.json() as ReferralList).items.find((i) => i.id === r.id);
    expect(item).toMatchObject({ status: 'requested', overdue: false });
    expect(item?.family.names).toContain('Amira');
    expect(item?.family.parents).toEqual(r.family.parents);
    const sent = (await s.sessions.midwife.request('GET', '/api/referrals?box=sent')).json() as ReferralList;
    expect(sent.items.map((i) => i.id)).toContain(r.id);

    const hvView = (
      await s.sessions.healthVisitor.request('GET', `/api/referrals/${r.id}`)
    ).json() as Referral;
    expect(hvView.actions).toEqual(['acknowledge']);
    expect(hvView.reason).toContain('Sårbar gravid');

    const ack = await s.sessions.healthVisitor.request('POST', `/api/referrals/${r.id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect((ack.json() as Referral).status).toBe('received');
    expect((await auditOfRequest(db(), ack)).find((e) => e.action === 'update')).toMatchObject({
      basis: 'legal_basis',
      data_org_id: s.region.id,
    });

    const accept = await s.sessions.healthVisitor.request('POST', `/api/referrals/${r.id}/decision`, {
      decision: 'accept',
    });
    expect(accept.statusCode, accept.body).toBe(200);
    let rows = await referralRows(f.familyId);
    expect(rows.involvements).toEqual([
      { org_id: s.municipality.id, unit_id: s.units.district.id, ended_at: null },
    ]);

    const seen = (await s.sessions.midwife.request('GET', `/api/referrals/${r.id}`)).json() as Referral;
    expect(seen.status).toBe('accepted');
    expect(seen.actions).toEqual([]);
    expect(seen.events.map((e) => [e.status, e.by.id])).toEqual([
      ['requested', s.users.midwife.id],
      ['received', s.users.healthVisitor.id],
      ['accepted', s.users.healthVisitor.id],
    ]);

    const timeline = await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}/timeline`);
    const entry = (timeline.json() as z.infer<typeof familyTimeline>).entries.find(
      (e) => e.id === `referral:${r.id}`,
    );
    // Accepted is being worked on, not finished: still open on the timeline.
    expect(entry).toMatchObject({
      kind: 'referral',
      category: 'referral',
      status: 'due',
      params: { referralStatus: 'accepted' },
    });

    const done = await s.sessions.healthVisitor.request('POST', `/api/referrals/${r.id}/complete`, {
      note: 'Forløbet i Klar til baby er gennemført',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect((done.json() as Referral).status).toBe('completed');
    rows = await referralRows(f.familyId);
    expect(rows.events.map((e) => e.status)).toEqual(['requested', 'received', 'accepted', 'completed']);
    expect(rows.involvements[0]?.ended_at).not.toBeNull();
    const finished = (
      (
        await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}/timeline`)
      ).json() as z.infer<typeof familyTimeline>
    ).entries.find((e) => e.id === `referral:${r.id}`);
    expect(finished).toMatchObject({ status: 'done', params: { referralStatus: 'completed' } });
  });

  it('from receipt on, the attached records are the receiver’s to read on the referral’s legal basis', async () => {
    const f = await registerFamily(env, s);
    const r = (await refer(f.familyId)).json() as Referral;
    // The consent that let the pregnancy travel is withdrawn: only the referral can open it now.
    await inScope(db(), { kind: 'system' }, (tx) =>
      tx
        .updateTable('consent')
        .set({ withdrawn_at: env.clock.now(), withdrawn_how: 'paper' })
        .where('family_id', '=', f.familyId)
        .execute(),
    );
    const before = (
      await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}`)
    ).json() as FamilyDetail;
    expect(before.hidden).toContain('pregnancy');
    await s.sessions.healthVisitor.request('POST', `/api/referrals/${r.id}/acknowledge`);
    const res = await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}`);
    const after = res.json() as FamilyDetail;
    expect(after.hidden).not.toContain('pregnancy');
    expect(after.pregnancies).toHaveLength(1);
    const reads = await auditOfRequest(db(), res);
    expect(reads.some((e) => e.data_org_id === s.region.id && e.basis === 'legal_basis')).toBe(true);
  });

  describe('forbidden → 403, audited, nothing written', () => {
    it('a health visitor of another district (no relationship) cannot refer the family', async () => {
      const f = await registerFamily(env, s);
      const res = await s.sessions.otherHealthVisitor.request('POST', '/api/referrals', {
        familyId: f.familyId,
        to: { organisationId: s.ngo.id },
        reason: 'Forsøg uden relation',
      });
      expectProblem(res, 403, 'forbidden');
      expect((await referralRows(f.familyId)).referrals).toHaveLength(0);
      const denied = await deniedEventsOf(db(), s.users.otherHealthVisitor.id);
      expect(denied.at(-1)).toMatchObject({ entity_type: 'referral', family_id: f.familyId });
    });

    it('a user of a third organisation cannot acknowledge, decide or read it; nor can the sender acknowledge', async () => {
      const f = await registerFamily(env, s);
      const r = (await refer(f.familyId)).json() as Referral;
      for (const [session, user] of [
        [s.sessions.ngo, s.users.ngo],
        [s.sessions.midwife, s.users.midwife],
      ] as const) {
        const res = await session.request('POST', `/api/referrals/${r.id}/acknowledge`);
        expectProblem(res, 403, 'forbidden');
        expect((await deniedEventsOf(db(), user.id)).at(-1)).toMatchObject({
          entity_type: 'referral',
          entity_id: r.id,
        });
      }
      expectProblem(
        await s.sessions.ngo.request('POST', `/api/referrals/${r.id}/decision`, { decision: 'accept' }),
        403,
        'forbidden',
      );
      expectProblem(await s.sessions.ngo.request('GET', `/api/referrals/${r.id}`), 403, 'forbidden');
      const rows = await referralRows(f.familyId);
      expect(rows.referrals[0]?.status).toBe('requested');
      expect(rows.events).toHaveLength(1);
      const inbox = (
        await s.sessions.ngo.request('GET', '/api/referrals?box=received')
      ).json() as ReferralList;
      expect(inbox.items.map((i) => i.id)).not.toContain(r.id);
    });
  });

  describe('bad input → 4xx, nothing written', () => {
    it('an unknown unit, organisation or offer is a 400 with the field', async () => {
      const f = await registerFamily(env, s);
      const unknown = '00000000-0000-4000-8000-000000000000';
      for (const [to, path] of [
        [{ unitId: unknown }, 'to.unitId'],
        [{ organisationId: unknown }, 'to.organisationId'],
        [{ offerId: unknown }, 'to.offerId'],
        [{ organisationId: s.ngo.id, unitId: s.units.district.id }, 'to.unitId'],
      ] as const) {
        const p = expectProblem(await refer(f.familyId, { to }), 400, 'validation');
        expect(p.errors.map((e) => e.path)).toContain(path);
      }
      expectProblem(await refer(f.familyId, { to: {} }), 400, 'validation');
      expectProblem(await refer(f.familyId, { reason: '   ' }), 400, 'validation');
      expect((await referralRows(f.familyId)).referrals).toHaveLength(0);
    });

    it('records no consent covers, or that the sender may not read, cannot be attached', async () => {
      const f = await registerFamily(env, s);
      const toNgo = expectProblem(await refer(f.familyId, { to: { organisationId: s.ngo.id } }), 400);
      expect(toNgo.errors).toEqual([
        expect.objectContaining({ path: 'attachments.0.category', code: 'not_covered' }),
      ]);
      const notHers = expectProblem(
        await refer(f.familyId, { attachments: [{ category: 'health_visit' }] }),
        400,
      );
      expect(notHers.errors[0]).toMatchObject({ path: 'attachments.0.category', code: 'not_readable' });
      expect((await referralRows(f.familyId)).referrals).toHaveLength(0);
    });

    it('rejecting without a reason is a 400, acknowledging twice a 409; a rejection keeps its reason', async () => {
      const f = await registerFamily(env, s);
      const r = (await refer(f.familyId)).json() as Referral;
      const hv = s.sessions.healthVisitor;
      expectProblem(
        await hv.request('POST', `/api/referrals/${r.id}/decision`, { decision: 'accept' }),
        409,
        'conflict',
      );
      expect((await hv.request('POST', `/api/referrals/${r.id}/acknowledge`)).statusCode).toBe(200);
      expectProblem(await hv.request('POST', `/api/referrals/${r.id}/acknowledge`), 409, 'conflict');
      const noReason = expectProblem(
        await hv.request('POST', `/api/referrals/${r.id}/decision`, { decision: 'reject' }),
        400,
        'validation',
      );
      expect(noReason.errors.map((e) => e.path)).toContain('reason');
      let rows = await referralRows(f.familyId);
      expect(rows.referrals[0]?.status).toBe('received');
      expect(rows.events).toHaveLength(2);

      const rejected = await hv.request('POST', `/api/referrals/${r.id}/decision`, {
        decision: 'reject',
        reason: 'Familien bor uden for Klar til babys område; henvist til Mødrehjælpen',
      });
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect(rejected.json()).toMatchObject({
        status: 'rejected',
        rejectionReason: expect.stringContaining('Mødrehjælpen'),
      });
      rows = await referralRows(f.familyId);
      expect(rows.involvements).toHaveLength(0);
      expectProblem(await hv.request('POST', `/api/referrals/${r.id}/complete`, {}), 409, 'conflict');
      expectProblem(
        await hv.request('GET', '/api/referrals/00000000-0000-4000-8000-000000000000'),
        404,
        'not_found',
      );
    });
  });
});
