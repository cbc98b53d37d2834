import type { Enrollment, Offer, offerForFamily, Referral } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  auditOfRequest,
  countOfferRows,
  createTestOffer,
  deniedEventsOf,
  parentIdsOf,
} from '../../../test/care-setting';
import {
  buildConsentSetting,
  type ConsentSetting,
  consentFamily,
  grantInPortal,
} from '../../../test/consent';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, type Session } from '../../../test/http';

type OfferForFamily = z.infer<typeof offerForFamily>;

/**
 * A referral to an offer, accepted by the provider, opens the offer to the family: a
 * referral-only offer such as Klar til baby says "Henvist" and "Kan være med nu" to staff and
 * parents, and the family can be signed up (first on the waitlist), by a professional without a
 * new reason, or by the parents in the portal. Accepting does not sign the family up.
 */
describeEachDatabase('an accepted referral to an offer opens it to the family', (kind) => {
  let env: TestEnv;
  let s: ConsentSetting;
  let klar: Offer;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildConsentSetting(env);
    klar = await createTestOffer(s, {
      name: 'Klar til baby',
      kind: 'group',
      level: 'targeted',
      fiv: false,
      referralOnly: true,
      eligibility: { pregnancyWeeks: { from: 16, to: 34 } },
      capacity: 12,
    });
  });
  afterAll(() => env?.close());

  const forFamily = async (session: Session, familyId: string, offerId = klar.id) => {
    const res = await session.request('GET', `/api/offers?familyId=${familyId}`);
    expect(res.statusCode, res.body).toBe(200);
    const offer = (res.json() as OfferForFamily[]).find((o) => o.id === offerId);
    if (!offer?.forFamily) throw new Error('the offer is not in the family’s catalogue');
    return offer.forFamily;
  };
  const referralRule = (e: OfferForFamily['forFamily']) => e?.rules.find((r) => r.rule === 'referral');
  const refer = async (familyId: string, to: Record<string, string> = { offerId: klar.id }) => {
    const res = await s.sessions.midwife.request('POST', '/api/referrals', {
      familyId,
      to,
      reason: 'Førstegangsgravid med lille netværk; ønsker ekstra støtte før fødslen',
      urgency: 'normal',
      attachments: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Referral;
  };
  const step = async (referralId: string, path: string, body: Record<string, unknown> = {}) => {
    const res = await s.sessions.healthVisitor.request('POST', `/api/referrals/${referralId}/${path}`, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Referral;
  };
  const accept = async (referralId: string) => {
    await step(referralId, 'acknowledge');
    return step(referralId, 'decision', { decision: 'accept' });
  };

  it('is closed until the referral is accepted; then the health visitor signs the family up without a new reason, as referred', async () => {
    const f = await consentFamily(env, s);
    expect(await forFamily(s.sessions.healthVisitor, f.familyId)).toMatchObject({ now: false });
    const r = await refer(f.familyId);
    // Sent and acknowledged is not yet the provider's yes.
    expect(referralRule(await forFamily(s.sessions.healthVisitor, f.familyId))).toEqual({
      rule: 'referral',
      ok: false,
    });
    await step(r.id, 'acknowledge');
    const early = await s.sessions.healthVisitor.request('POST', `/api/offers/${klar.id}/enrollments`, {
      familyId: f.familyId,
      participantIds: parentIdsOf(f.family),
    });
    expectProblem(early, 400, 'validation');
    expect(early.json().errors).toContainEqual(expect.objectContaining({ code: 'not_eligible_referral' }));
    expect((await countOfferRows(env.database.db, klar.id)).enrollments).toBe(0);

    await step(r.id, 'decision', { decision: 'accept' });
    const open = await forFamily(s.sessions.healthVisitor, f.familyId);
    expect(open).toMatchObject({ now: true, enrollment: null });
    expect(referralRule(open)).toEqual({ rule: 'referral', ok: true });
    // The midwife who referred sees the same; accepting signed nobody up.
    expect(await forFamily(s.sessions.midwife, f.familyId)).toMatchObject({ now: true, enrollment: null });

    const res = await s.sessions.healthVisitor.request('POST', `/api/offers/${klar.id}/enrollments`, {
      familyId: f.familyId,
      participantIds: parentIdsOf(f.family),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json() as Enrollment).toMatchObject({ status: 'enrolled', priority: 'referred' });
    expect(
      (await auditOfRequest(env.database.db, res)).find((e) => e.entity_type === 'enrollment'),
    ).toMatchObject({
      action: 'create',
      family_id: f.familyId,
      detail: expect.objectContaining({ referred: true, referralIds: [r.id] }),
    });
    // Signed up: the offer stays "referred" for the family, and it is not signed up twice.
    const after = await forFamily(s.sessions.healthVisitor, f.familyId);
    expect(referralRule(after)).toEqual({ rule: 'referral', ok: true });
    expect(after.enrollment).toMatchObject({ status: 'enrolled' });
  });

  it('the parents see it in the portal and can sign up themselves', async () => {
    const f = await consentFamily(env, s);
    const r = await refer(f.familyId);
    expect(referralRule(await forFamily(f.mother, f.familyId))).toEqual({ rule: 'referral', ok: false });
    const refused = await f.mother.request('POST', `/api/offers/${klar.id}/enrollments`, {
      participantIds: [f.motherId],
    });
    expectProblem(refused, 400, 'validation');
    await accept(r.id);
    expect(await forFamily(f.mother, f.familyId)).toMatchObject({ now: true });
    const res = await f.mother.request('POST', `/api/offers/${klar.id}/enrollments`, {
      participantIds: [f.motherId, f.partnerId],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json() as Enrollment).toMatchObject({ priority: 'referred', participants: expect.any(Array) });
  });

  it('a rejected or completed referral, or one to the organisation rather than the offer, does not open it', async () => {
    const rejected = await consentFamily(env, s);
    const r1 = await refer(rejected.familyId);
    await step(r1.id, 'acknowledge');
    await step(r1.id, 'decision', { decision: 'reject', reason: 'Holdet passer ikke til familien nu' });
    expect(referralRule(await forFamily(s.sessions.healthVisitor, rejected.familyId))?.ok).toBe(false);

    const completed = await consentFamily(env, s);
    const r2 = await refer(completed.familyId);
    await accept(r2.id);
    expect(referralRule(await forFamily(s.sessions.healthVisitor, completed.familyId))?.ok).toBe(true);
    await step(r2.id, 'complete', {});
    expect(referralRule(await forFamily(s.sessions.healthVisitor, completed.familyId))?.ok).toBe(false);

    const toOrganisation = await consentFamily(env, s);
    const r3 = await refer(toOrganisation.familyId, { organisationId: s.municipality.id });
    await accept(r3.id);
    expect(referralRule(await forFamily(s.sessions.healthVisitor, toOrganisation.familyId))?.ok).toBe(false);
  });

  it('counts only for readers who may see the referral; others cannot sign the family up (403, audited)', async () => {
    const f = await consentFamily(env, s);
    const r = await refer(f.familyId);
    await accept(r.id);
    // The housing secretariat's counsellor may see who the family is (the mother's consent), not
    // the region's referral: to him the offer still needs one.
    await grantInPortal(env, f.mother, {
      familyId: f.familyId,
      categories: ['identity'],
      fromOrgId: s.municipality.id,
      toOrgId: s.housing.id,
    });
    expect(referralRule(await forFamily(s.sessions2.familyCounsellor, f.familyId))?.ok).toBe(false);
    // The daycare educator of the municipality has no say in sign-ups.
    const before = (await countOfferRows(env.database.db, klar.id)).enrollments;
    const refused = await s.sessions.daycare.request('POST', `/api/offers/${klar.id}/enrollments`, {
      familyId: f.familyId,
      participantIds: parentIdsOf(f.family),
    });
    expectProblem(refused, 403, 'forbidden');
    expect((await deniedEventsOf(env.database.db, s.users.daycare.id)).at(-1)).toMatchObject({
      entity_type: 'enrollment',
      family_id: f.familyId,
    });
    expect((await countOfferRows(env.database.db, klar.id)).enrollments).toBe(before);
  });
});
