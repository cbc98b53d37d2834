import type { Offer, offerForFamily } from '@familiespor/contracts';
import { fivTemplate } from '@familiespor/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  createTestOffer,
  deniedEventsOf,
  enrollAsStaff,
  fivOfferBody,
  loginAsParent,
  registerCouple,
  registerFamily,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

type OfferForFamily = z.infer<typeof offerForFamily>;
type Couple = Awaited<ReturnType<typeof registerFamily>>;

describeEachDatabase('offers: createOffer, updateOffer, getOffer, listOffers, checkEligibility', (kind) => {
  let env: TestEnv;
  let s: CareSetting;
  /** First-time parents in pregnancy week 24, the mother logged in; and second-time parents. */
  let first: Couple;
  let firstParent: Session;
  let second: Couple;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
    first = await registerFamily(env, s);
    firstParent = await loginAsParent(env.app, env.database.db, first.motherId);
    second = await registerCouple(env, s, { mother: { firstTimeParent: false } });
  });
  afterAll(() => env?.close());

  const offersOfMunicipality = () =>
    inScope(env.database.db, { kind: 'system' }, async (tx) => {
      const rows = await tx
        .selectFrom('offer')
        .select('id')
        .where('org_id', '=', s.municipality.id)
        .execute();
      const ids = rows.map((r) => r.id);
      const templates =
        ids.length === 0
          ? []
          : await tx.selectFrom('course_template').select('offer_id').where('offer_id', 'in', ids).execute();
      return { offers: rows.length, templates: templates.length };
    });
  const lastDenied = async (actorId: string) => (await deniedEventsOf(env.database.db, actorId)).at(-1);
  const create = (session: Session, body: Record<string, unknown>) =>
    session.request('POST', '/api/offers', body);
  const patch = (session: Session, offerId: string, body: Record<string, unknown>) =>
    session.request('PATCH', `/api/offers/${offerId}`, body);
  /** The first `count` sessions of the standard FIV template. */
  const shortTemplate = (count: number) => fivTemplate.slice(0, count);

  it('the programme lead adds an FIV course: the standard 16 sessions, its site, the municipality’s residents; audited', async () => {
    const body = fivOfferBody({ capacity: 30 });
    const res = await create(s.sessions.programmeLead, body);
    expect(res.statusCode, res.body).toBe(201);
    const offer = res.json() as Offer;
    expect(offer).toMatchObject({
      organisation: { id: s.municipality.id },
      name: body.name,
      kind: 'course',
      level: 'universal',
      fiv: true,
      capacity: 30,
      municipalityIds: [s.municipality.id],
      eligibility: { firstTimeParentsOnly: true },
      referralOnly: false,
      active: true,
      enrolled: 0,
      waitlisted: 0,
      sites: [{ name: body.sites[0]?.name, maxCohorts: 4, languages: ['da'] }],
    });
    expect(offer.template).toEqual([...fivTemplate]);
    const audit = (await auditOfRequest(env.database.db, res)).find((e) => e.entity_type === 'offer');
    expect(audit).toMatchObject({
      action: 'create',
      entity_id: offer.id,
      actor_id: s.users.programmeLead.id,
    });

    const one = await s.sessions.healthVisitor.request('GET', `/api/offers/${offer.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual(offer);
    const list = await s.sessions.healthVisitor.request('GET', '/api/offers');
    expect(list.statusCode, list.body).toBe(200);
    expect((list.json() as OfferForFamily[]).find((o) => o.id === offer.id)).toMatchObject({
      id: offer.id,
      forFamily: null,
    });
  });

  it('getOffer: an unknown offer is 404; listOffers and getOffer need a login', async () => {
    const unknown = await s.sessions.healthVisitor.request('GET', `/api/offers/${crypto.randomUUID()}`);
    expectProblem(unknown, 404, 'not_found');
    expectProblem(await env.app.inject({ method: 'GET', url: '/api/offers' }), 401);
    const offer = await createTestOffer(s);
    expectProblem(await env.app.inject({ method: 'GET', url: `/api/offers/${offer.id}` }), 401);
  });

  it('a health visitor may not add an offer: 403, a denied audit row, nothing written', async () => {
    const before = await offersOfMunicipality();
    const res = await create(s.sessions.healthVisitor, fivOfferBody());
    expectProblem(res, 403, 'forbidden');
    expect(await lastDenied(s.users.healthVisitor.id)).toMatchObject({
      entity_type: 'offer',
      outcome: 'failure',
      detail: { attempted: 'create' },
    });
    expect(await offersOfMunicipality()).toEqual(before);
  });

  it('only the provider’s programme lead edits an offer: a health visitor gets 403 and a denied row', async () => {
    const offer = await createTestOffer(s);
    const res = await patch(s.sessions.healthVisitor, offer.id, { name: 'Nyt navn' });
    expectProblem(res, 403, 'forbidden');
    expect(await lastDenied(s.users.healthVisitor.id)).toMatchObject({
      entity_type: 'offer',
      entity_id: offer.id,
      detail: { attempted: 'update' },
    });
    const after = (await s.sessions.programmeLead.request('GET', `/api/offers/${offer.id}`)).json() as Offer;
    expect(after.name).toBe(offer.name);
  });

  it('bad offers are refused with the field and nothing is written', async () => {
    const before = await offersOfMunicipality();
    const lead = s.sessions.programmeLead;

    const eleven = expectProblem(await create(lead, fivOfferBody({ template: shortTemplate(11) })), 400);
    expect(eleven.errors).toContainEqual(
      expect.objectContaining({ path: 'template', code: 'too_few_sessions' }),
    );

    const late = [
      ...shortTemplate(15),
      {
        key: 'late',
        title: 'Efter 3 år',
        theme: 'network_relations',
        offset: { from: 'birth', months: 36, days: 0 },
      },
    ];
    const third = expectProblem(await create(lead, fivOfferBody({ template: late })), 400);
    expect(third.errors).toContainEqual({
      path: 'template.15.offset',
      code: 'after_third_birthday',
      message: expect.any(String),
    });

    const unknown = expectProblem(await create(lead, { ...fivOfferBody(), seats: 12 }), 400, 'validation');
    expect(unknown.errors).toContainEqual(
      expect.objectContaining({ path: 'seats', code: 'unrecognized_key' }),
    );

    const group = expectProblem(await create(lead, fivOfferBody({ kind: 'group' })), 400);
    expect(group.errors).toContainEqual(expect.objectContaining({ path: 'kind', code: 'fiv_is_a_course' }));

    const region = expectProblem(await create(lead, fivOfferBody({ municipalityIds: [s.region.id] })), 400);
    expect(region.errors).toContainEqual(
      expect.objectContaining({ path: 'municipalityIds.0', code: 'not_a_municipality' }),
    );
    expect(await offersOfMunicipality()).toEqual(before);
  });

  it('updateOffer edits the municipality’s copy of the template; an FIV course keeps ≥ 12 sessions, none after age 3', async () => {
    const offer = await createTestOffer(s);
    const lead = s.sessions.programmeLead;
    const twelve = shortTemplate(12).map((t, i) => (i === 0 ? { ...t, title: 'Velkommen til holdet' } : t));
    const ok = await patch(lead, offer.id, {
      name: 'FIV Nord',
      template: twelve,
      schedule: 'Tirsdage kl. 17',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'FIV Nord', schedule: 'Tirsdage kl. 17', template: twelve });
    expect((await auditOfRequest(env.database.db, ok)).find((e) => e.entity_type === 'offer')).toMatchObject({
      action: 'update',
      detail: { fields: expect.arrayContaining(['name', 'template', 'schedule']) },
    });

    const eleven = expectProblem(await patch(lead, offer.id, { template: shortTemplate(11) }), 400);
    expect(eleven.errors).toContainEqual(expect.objectContaining({ code: 'too_few_sessions' }));
    const late = [
      ...shortTemplate(12),
      {
        key: 'late',
        title: 'Sen gang',
        theme: 'child_development',
        offset: { from: 'birth', months: 40, days: 0 },
      },
    ];
    const third = expectProblem(await patch(lead, offer.id, { template: late }), 400);
    expect(third.errors).toContainEqual(
      expect.objectContaining({ path: 'template.12.offset', code: 'after_third_birthday' }),
    );
    expectProblem(await patch(lead, offer.id, { capacity: 10, colour: 'blue' }), 400, 'validation');
    const after = (await lead.request('GET', `/api/offers/${offer.id}`)).json() as Offer;
    expect(after).toMatchObject({ template: twelve, capacity: offer.capacity });
  });

  it('updateOffer changes only what it is sent: the offer’s languages survive a change of name', async () => {
    const offer = await createTestOffer(s, { languages: ['da', 'ar'] });
    expect(offer.languages).toEqual(['da', 'ar']);
    const res = await patch(s.sessions.programmeLead, offer.id, { name: 'FIV på dansk og arabisk' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Offer).languages).toEqual(['da', 'ar']);
  });

  it('updateOffer: an empty change is bad input (400) and writes nothing', async () => {
    const offer = await createTestOffer(s, { languages: ['da', 'en'] });
    const res = await patch(s.sessions.programmeLead, offer.id, {});
    expect(res.statusCode).toBe(400);
    expectProblem(res, 400, 'validation');
    const after = (await s.sessions.programmeLead.request('GET', `/api/offers/${offer.id}`)).json() as Offer;
    expect(after.languages).toEqual(['da', 'en']);
  });

  it('updateOffer: capacity below the enrolled families → 400 (capacity, below_enrolled); equal to it is fine', async () => {
    const offer = await createTestOffer(s, { capacity: 5 });
    for (let i = 0; i < 2; i++) {
      const { family } = await registerFamily(env, s);
      await enrollAsStaff(s.sessions.healthVisitor, offer.id, family);
    }
    const res = await patch(s.sessions.programmeLead, offer.id, { capacity: 1 });
    const problem = expectProblem(res, 400, 'validation');
    expect(problem.errors).toEqual([
      { path: 'capacity', code: 'below_enrolled', message: expect.any(String) },
    ]);
    const unchanged = (
      await s.sessions.programmeLead.request('GET', `/api/offers/${offer.id}`)
    ).json() as Offer;
    expect(unchanged).toMatchObject({ capacity: 5, enrolled: 2 });
    const equal = await patch(s.sessions.programmeLead, offer.id, { capacity: 2 });
    expect(equal.statusCode, equal.body).toBe(200);
    expect(equal.json()).toMatchObject({ capacity: 2, enrolled: 2 });
  });

  it('raising the capacity gives the new seat to the first family on the waitlist, not to a later sign-up', async () => {
    const offer = await createTestOffer(s, { capacity: 1 });
    const [a, b, c] = [
      await registerFamily(env, s),
      await registerFamily(env, s),
      await registerFamily(env, s),
    ];
    await enrollAsStaff(s.sessions.healthVisitor, offer.id, a.family);
    const waiting = await enrollAsStaff(s.sessions.healthVisitor, offer.id, b.family, {
      referralReason: 'Henvist af sundhedsplejersken',
    });
    expect(waiting).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const raised = await patch(s.sessions.programmeLead, offer.id, { capacity: 2 });
    expect(raised.statusCode, raised.body).toBe(200);
    const later = await enrollAsStaff(s.sessions.healthVisitor, offer.id, c.family);
    expect(later.status).toBe('waitlisted');
    const list = await s.sessions.healthVisitor.request('GET', `/api/families/${b.familyId}/enrollments`);
    expect((list.json() as { id: string; status: string }[]).find((e) => e.id === waiting.id)?.status).toBe(
      'enrolled',
    );
  });

  it('checkEligibility: staff see rule by rule why a family can or cannot join; each check is audited', async () => {
    const offer = await createTestOffer(s, {
      eligibility: { firstTimeParentsOnly: true, pregnancyWeeks: { from: 12, to: 32 } },
    });
    const hv = s.sessions.healthVisitor;

    const yes = await hv.request('GET', `/api/offers/${offer.id}/eligibility?familyId=${first.familyId}`);
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json()).toMatchObject({
      offerId: offer.id,
      familyId: first.familyId,
      now: true,
      enrollment: null,
      rules: expect.arrayContaining([
        { rule: 'first_time_parents', ok: true },
        { rule: 'municipality', ok: true },
        expect.objectContaining({ rule: 'pregnancy_weeks', ok: true }),
      ]),
    });
    expect((await auditOfRequest(env.database.db, yes)).find((e) => e.action === 'read')).toMatchObject({
      entity_type: 'family',
      family_id: first.familyId,
      actor_id: s.users.healthVisitor.id,
      purpose: 'eligibility',
    });

    const no = await hv.request('GET', `/api/offers/${offer.id}/eligibility?familyId=${second.familyId}`);
    expect(no.json()).toMatchObject({
      now: false,
      soon: false,
      rules: expect.arrayContaining([{ rule: 'first_time_parents', ok: false }]),
    });
  });

  it('checkEligibility: an NGO counsellor without a case gets 403 and a denied row; staff must name the family', async () => {
    const offer = await createTestOffer(s);
    const { familyId } = first;
    const res = await s.sessions.ngo.request(
      'GET',
      `/api/offers/${offer.id}/eligibility?familyId=${familyId}`,
    );
    expectProblem(res, 403, 'forbidden');
    expect(await lastDenied(s.users.ngo.id)).toMatchObject({
      family_id: familyId,
      detail: { attempted: 'read' },
    });
    const none = expectProblem(
      await s.sessions.healthVisitor.request('GET', `/api/offers/${offer.id}/eligibility`),
      400,
    );
    expect(none.errors).toContainEqual(expect.objectContaining({ path: 'familyId', code: 'required' }));
  });

  it('parents see which offers they can join now and which soon, and their own eligibility', async () => {
    // The family is in pregnancy week 24.
    const now = await createTestOffer(s, {
      eligibility: { firstTimeParentsOnly: true, pregnancyWeeks: { from: 12, to: 32 } },
    });
    const soon = await createTestOffer(s, {
      name: 'Fødselsforberedelse',
      fiv: false,
      kind: 'group',
      eligibility: { pregnancyWeeks: { from: 26, to: 30 } },
    });
    const later = await createTestOffer(s, {
      fiv: false,
      kind: 'event',
      eligibility: { pregnancyWeeks: { from: 36, to: 40 } },
    });
    const parent = firstParent;
    const res = await parent.request('GET', '/api/offers');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as OfferForFamily[];
    const judged = (id: string) => list.find((o) => o.id === id)?.forFamily;
    expect(judged(now.id)).toMatchObject({ now: true, soon: false });
    expect(judged(soon.id)).toMatchObject({ now: false, soon: true, window: { from: expect.any(String) } });
    expect(judged(later.id)).toMatchObject({ now: false, soon: false });

    const own = await parent.request('GET', `/api/offers/${soon.id}/eligibility`);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ now: false, soon: true });
    const other = await parent.request(
      'GET',
      `/api/offers/${soon.id}/eligibility?familyId=${second.familyId}`,
    );
    expectProblem(other, 403, 'forbidden');
  });

  it('listOffers for a named family: a parent may not see another family’s eligibility (403, denied row)', async () => {
    await createTestOffer(s);
    const res = await firstParent.request('GET', `/api/offers?familyId=${second.familyId}`);
    // Status first: a 200 here carries the other family's facts (first-time parents, due-date windows).
    expect(res.statusCode).toBe(403);
    expectProblem(res, 403, 'forbidden');
    expect(await lastDenied(first.motherId)).toMatchObject({ family_id: second.familyId });
  });

  it('listOffers for a named family: a daycare educator without access to the family gets 403 and a denied row', async () => {
    await createTestOffer(s);
    const { familyId } = first;
    const denied = await s.sessions.daycare.request('GET', `/api/offers?familyId=${familyId}`);
    expect(denied.statusCode).toBe(403);
    expectProblem(denied, 403, 'forbidden');
    expect(await lastDenied(s.users.daycare.id)).toMatchObject({ family_id: familyId });
  });

  it('listOffers for a named family reads the family’s facts: the health visitor’s read is audited', async () => {
    await createTestOffer(s);
    const { familyId } = first;
    const allowed = await s.sessions.healthVisitor.request('GET', `/api/offers?familyId=${familyId}`);
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect((allowed.json() as OfferForFamily[])[0]?.forFamily).toMatchObject({ familyId });
    const reads = (await auditOfRequest(env.database.db, allowed)).filter((e) => e.action === 'read');
    expect(reads).toContainEqual(
      expect.objectContaining({ family_id: familyId, actor_id: s.users.healthVisitor.id }),
    );
  });
});
