import type { Enrollment, Offer } from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  countOfferRows,
  createTestOffer,
  deniedEventsOf,
  enrollAsStaff,
  loginAsParent,
  parentIdsOf,
  registerCouple,
  registerFamily,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

describeEachDatabase('enrollInOffer, withdrawEnrollment, list(My|Family)Enrollments', (kind) => {
  let env: TestEnv;
  let s: CareSetting;
  let fiv: Offer;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
    fiv = await createTestOffer(s, {
      eligibility: { firstTimeParentsOnly: true, pregnancyWeeks: { from: 12, to: 32 } },
    });
  });
  afterAll(() => env?.close());

  const enroll = (session: Session, offerId: string, body: Record<string, unknown>) =>
    session.request('POST', `/api/offers/${offerId}/enrollments`, body);
  const withdraw = (session: Session, enrollmentId: string, body: Record<string, unknown>) =>
    session.request('POST', `/api/enrollments/${enrollmentId}/withdraw`, body);
  const lastDenied = async (actorId: string) => (await deniedEventsOf(env.database.db, actorId)).at(-1);
  const eventsOf = (enrollmentId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx
        .selectFrom('enrollment_event')
        .select(['status', 'by_kind', 'by_id', 'reason'])
        .where('enrollment_id', '=', enrollmentId)
        .orderBy('id')
        .execute(),
    );
  const myEnrollments = async (parent: Session) => {
    const res = await parent.request('GET', '/api/portal/enrollments');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Enrollment[];
  };
  const minute = 60_000;

  it('parents sign up in the portal, choosing who takes part; event, audit and both lists show it', async () => {
    const { family, familyId, motherId } = await registerFamily(env, s);
    const parent = await loginAsParent(env.app, env.database.db, motherId);
    const res = await enroll(parent, fiv.id, { participantIds: [motherId] });
    expect(res.statusCode, res.body).toBe(201);
    const enrollment = res.json() as Enrollment;
    expect(enrollment).toMatchObject({
      offerId: fiv.id,
      familyId,
      status: 'enrolled',
      priority: 'standard',
      waitlistPosition: null,
      participants: [{ personId: motherId }],
      cohortId: null,
      enrolledAt: env.clock.now().toISOString(),
    });
    expect(await eventsOf(enrollment.id)).toEqual([
      { status: 'enrolled', by_kind: 'parent', by_id: motherId, reason: null },
    ]);
    expect(
      (await auditOfRequest(env.database.db, res)).find((e) => e.entity_type === 'enrollment'),
    ).toMatchObject({
      action: 'create',
      entity_id: enrollment.id,
      family_id: familyId,
      actor_id: motherId,
    });

    expect(await myEnrollments(parent)).toEqual([enrollment]);
    const staff = await s.sessions.healthVisitor.request('GET', `/api/families/${familyId}/enrollments`);
    expect(staff.statusCode, staff.body).toBe(200);
    expect(staff.json()).toEqual([enrollment]);
    expect((await auditOfRequest(env.database.db, staff)).find((e) => e.action === 'read')).toMatchObject({
      entity_type: 'enrollment',
      family_id: familyId,
      actor_id: s.users.healthVisitor.id,
    });
    const eligibility = await parent.request('GET', `/api/offers/${fiv.id}/eligibility`);
    expect(eligibility.json()).toMatchObject({ enrollment: { id: enrollment.id, status: 'enrolled' } });

    const again = await enroll(parent, fiv.id, { participantIds: parentIdsOf(family) });
    expectProblem(again, 409, 'conflict');
  });

  it('the midwife signs the couple up at the week-16 consultation, both parents taking part', async () => {
    const { family, familyId } = await registerFamily(env, s, { dueInDays: 24 * 7 });
    const res = await enroll(s.sessions.midwife, fiv.id, { familyId, participantIds: parentIdsOf(family) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ familyId, status: 'enrolled', participants: [{}, {}] });
    const events = await eventsOf((res.json() as Enrollment).id);
    expect(events).toEqual([
      { status: 'enrolled', by_kind: 'staff', by_id: s.users.midwife.id, reason: null },
    ]);
  });

  it('listFamilyEnrollments: staff who do not work with the family get 403 and a denied row', async () => {
    const { family, familyId } = await registerFamily(env, s);
    await enrollAsStaff(s.sessions.healthVisitor, fiv.id, family);
    for (const who of ['otherHealthVisitor', 'daycare'] as const) {
      const res = await s.sessions[who].request('GET', `/api/families/${familyId}/enrollments`);
      expectProblem(res, 403, 'forbidden');
      expect(await lastDenied(s.users[who].id)).toMatchObject({
        family_id: familyId,
        entity_type: 'enrollment',
      });
    }
    expectProblem(await s.sessions.healthVisitor.request('GET', '/api/portal/enrollments'), 403);
  });

  it('an NGO counsellor cannot sign up a family it does not work with: 403, denied row, nothing written', async () => {
    const { family, familyId } = await registerFamily(env, s);
    const before = await countOfferRows(env.database.db, fiv.id);
    const res = await enroll(s.sessions.ngo, fiv.id, { familyId, participantIds: parentIdsOf(family) });
    expectProblem(res, 403, 'forbidden');
    expect(await lastDenied(s.users.ngo.id)).toMatchObject({
      entity_type: 'enrollment',
      family_id: familyId,
      detail: { attempted: 'write' },
    });
    expect(await countOfferRows(env.database.db, fiv.id)).toEqual(before);
  });

  it('a parent cannot sign up another family (403, denied row) nor refer their own (400); nothing written', async () => {
    const mine = await registerFamily(env, s);
    const theirs = await registerFamily(env, s);
    const parent = await loginAsParent(env.app, env.database.db, mine.motherId);
    const before = await countOfferRows(env.database.db, fiv.id);
    const other = await enroll(parent, fiv.id, {
      familyId: theirs.familyId,
      participantIds: [theirs.motherId],
    });
    expectProblem(other, 403, 'forbidden');
    expect(await lastDenied(mine.motherId)).toMatchObject({
      family_id: theirs.familyId,
      entity_type: 'enrollment',
    });
    const referral = await enroll(parent, fiv.id, {
      participantIds: [mine.motherId],
      referralReason: 'Vi vil gerne først på ventelisten',
    });
    expect(expectProblem(referral, 400).errors).toContainEqual(
      expect.objectContaining({ code: 'staff_only' }),
    );
    expect(await countOfferRows(env.database.db, fiv.id)).toEqual(before);
  });

  it('a family that is not eligible is refused with the rule (400 not_eligible_<rule>); nothing written', async () => {
    const hv = s.sessions.healthVisitor;
    const second = await registerCouple(env, s, {
      mother: { firstTimeParent: false },
      partner: { firstTimeParent: false },
    });
    const early = await registerFamily(env, s, { dueInDays: 36 * 7 }); // pregnancy week 4
    const late = await createTestOffer(s, { eligibility: { pregnancyWeeks: { from: 30, to: 34 } } });
    const week24 = await registerFamily(env, s);
    const before = [
      await countOfferRows(env.database.db, fiv.id),
      await countOfferRows(env.database.db, late.id),
    ];

    const a = expectProblem(
      await enroll(hv, fiv.id, { familyId: second.familyId, participantIds: parentIdsOf(second.family) }),
      400,
    );
    expect(a.errors).toEqual([
      { path: 'offerId', code: 'not_eligible_first_time_parents', message: expect.any(String) },
    ]);
    const b = expectProblem(
      await enroll(hv, fiv.id, { familyId: early.familyId, participantIds: parentIdsOf(early.family) }),
      400,
    );
    expect(b.errors.map((e) => e.code)).toEqual(['not_eligible_pregnancy_weeks']);
    const c = expectProblem(
      await enroll(hv, late.id, { familyId: week24.familyId, participantIds: parentIdsOf(week24.family) }),
      400,
    );
    expect(c.errors.map((e) => e.code)).toEqual(['not_eligible_pregnancy_weeks']);
    expect([
      await countOfferRows(env.database.db, fiv.id),
      await countOfferRows(env.database.db, late.id),
    ]).toEqual(before);
  });

  it('participants must be the family’s own parents; unknown fields are refused; nothing written', async () => {
    const mine = await registerFamily(env, s);
    const theirs = await registerFamily(env, s);
    const before = await countOfferRows(env.database.db, fiv.id);
    const hv = s.sessions.healthVisitor;
    const stranger = await enroll(hv, fiv.id, {
      familyId: mine.familyId,
      participantIds: [mine.motherId, theirs.motherId],
    });
    expect(expectProblem(stranger, 400).errors).toEqual([
      { path: 'participantIds', code: 'not_a_parent', message: expect.any(String) },
    ]);
    const unknown = await enroll(hv, fiv.id, {
      familyId: mine.familyId,
      participantIds: [mine.motherId],
      seats: 2,
    });
    expect(expectProblem(unknown, 400, 'validation').errors).toContainEqual(
      expect.objectContaining({ path: 'seats', code: 'unrecognized_key' }),
    );
    expectProblem(
      await enroll(hv, fiv.id, { familyId: mine.familyId, participantIds: [] }),
      400,
      'validation',
    );
    expect(await countOfferRows(env.database.db, fiv.id)).toEqual(before);
  });

  it('capacity 1: the next family waits; a referred family goes first; a withdrawal promotes the first in line', async () => {
    const offer = await createTestOffer(s, { capacity: 1 });
    const [a, b, c] = [
      await registerFamily(env, s),
      await registerFamily(env, s),
      await registerFamily(env, s),
    ];
    const parentA = await loginAsParent(env.app, env.database.db, a.motherId);
    const parentB = await loginAsParent(env.app, env.database.db, b.motherId);

    const first = (
      await enroll(parentA, offer.id, { participantIds: parentIdsOf(a.family) })
    ).json() as Enrollment;
    expect(first).toMatchObject({ status: 'enrolled', waitlistPosition: null });
    env.clock.advance(minute);
    const standard = await enroll(parentB, offer.id, { participantIds: [b.motherId] });
    expect(standard.statusCode, standard.body).toBe(201);
    expect(standard.json()).toMatchObject({
      status: 'waitlisted',
      priority: 'standard',
      waitlistPosition: 1,
      enrolledAt: null,
    });
    env.clock.advance(minute);
    const referred = await enrollAsStaff(s.sessions.healthVisitor, offer.id, c.family, {
      referralReason: 'Sårbar familie: sundhedsplejersken henviser',
    });
    expect(referred).toMatchObject({ status: 'waitlisted', priority: 'referred', waitlistPosition: 1 });
    expect((await myEnrollments(parentB)).find((e) => e.offerId === offer.id)).toMatchObject({
      waitlistPosition: 2,
    });

    env.clock.advance(minute);
    const res = await withdraw(parentA, first.id, { status: 'declined', reason: 'Vi er flyttet' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'declined',
      endReason: 'Vi er flyttet',
      endedAt: env.clock.now().toISOString(),
    });
    const promoted = (
      await s.sessions.healthVisitor.request('GET', `/api/families/${c.familyId}/enrollments`)
    ).json() as Enrollment[];
    expect(promoted.find((e) => e.id === referred.id)).toMatchObject({
      status: 'enrolled',
      waitlistPosition: null,
    });
    expect(await eventsOf(referred.id)).toEqual([
      {
        status: 'waitlisted',
        by_kind: 'staff',
        by_id: s.users.healthVisitor.id,
        reason: expect.any(String),
      },
      { status: 'enrolled', by_kind: 'system', by_id: null, reason: 'seat freed' },
    ]);
    expect((await myEnrollments(parentB)).find((e) => e.offerId === offer.id)).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    expect(await countOfferRows(env.database.db, offer.id)).toMatchObject({ enrollments: 3, enrolled: 1 });
  });

  it('withdrawEnrollment: another family’s parent and a health visitor of another district get 403; an ended sign-up is 409', async () => {
    const a = await registerFamily(env, s);
    const b = await registerFamily(env, s);
    const enrollment = await enrollAsStaff(s.sessions.healthVisitor, fiv.id, a.family);
    const stranger = await loginAsParent(env.app, env.database.db, b.motherId);
    const before = await countOfferRows(env.database.db, fiv.id);
    expectProblem(await withdraw(stranger, enrollment.id, { status: 'declined', reason: 'Ikke vores' }), 403);
    expect(await lastDenied(b.motherId)).toMatchObject({
      entity_type: 'enrollment',
      entity_id: enrollment.id,
    });
    expectProblem(
      await withdraw(s.sessions.otherHealthVisitor, enrollment.id, {
        status: 'dropped_out',
        reason: 'Test',
      }),
      403,
    );
    expect(await lastDenied(s.users.otherHealthVisitor.id)).toMatchObject({ entity_id: enrollment.id });
    expectProblem(
      await withdraw(s.sessions.healthVisitor, enrollment.id, { status: 'completed', reason: 'Færdig' }),
      400,
    );
    expect(await countOfferRows(env.database.db, fiv.id)).toEqual(before);

    // Not yet in a cohort: the course has not begun, so the family declines rather than drops out.
    expectProblem(
      await withdraw(s.sessions.healthVisitor, enrollment.id, {
        status: 'dropped_out',
        reason: 'Familien er flyttet',
      }),
      400,
      'validation',
    );
    const done = await withdraw(s.sessions.healthVisitor, enrollment.id, {
      status: 'declined',
      reason: 'Familien er flyttet',
    });
    expect(done.json()).toMatchObject({ status: 'declined' });
    expectProblem(
      await withdraw(s.sessions.healthVisitor, enrollment.id, { status: 'declined', reason: 'Igen' }),
      409,
    );
  });

  it('a closed offer leaves the parents’ catalogue and takes no sign-ups (409); staff can still list it', async () => {
    const offer = await createTestOffer(s);
    const { motherId } = await registerFamily(env, s);
    const parent = await loginAsParent(env.app, env.database.db, motherId);
    const closed = await s.sessions.programmeLead.request('PATCH', `/api/offers/${offer.id}`, {
      active: false,
    });
    expect(closed.json()).toMatchObject({ active: false });
    const parentList = (await parent.request('GET', '/api/offers')).json() as Offer[];
    expect(parentList.map((o) => o.id)).not.toContain(offer.id);
    const staffList = await s.sessions.programmeLead.request('GET', '/api/offers?includeInactive=true');
    expect((staffList.json() as Offer[]).map((o) => o.id)).toContain(offer.id);
    const signUp = await enroll(parent, offer.id, { participantIds: [motherId] });
    expectProblem(signUp, 409, 'conflict');
  });

  // Real parallel transactions need a server: PGlite has one connection, so sign-ups queue there.
  if (kind === 'postgres') {
    it('8 parallel sign-ups for the last seat (PostgreSQL): exactly one family is enrolled, seven wait', async () => {
      const offer = await createTestOffer(s, { capacity: 2 });
      await enrollAsStaff(s.sessions.healthVisitor, offer.id, (await registerFamily(env, s)).family);
      const parents: { session: Session; motherId: string }[] = [];
      for (let i = 0; i < 8; i++) {
        const { motherId } = await registerFamily(env, s);
        parents.push({ session: await loginAsParent(env.app, env.database.db, motherId), motherId });
      }
      const results = await Promise.all(
        parents.map((p) => enroll(p.session, offer.id, { participantIds: [p.motherId] })),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
      const statuses = results.map((r) => (r.json() as Enrollment).status).sort();
      expect(statuses).toEqual(['enrolled', ...Array(7).fill('waitlisted')]);
      expect(await countOfferRows(env.database.db, offer.id)).toMatchObject({
        enrollments: 9,
        enrolled: 2,
      });
      const after = (
        await s.sessions.programmeLead.request('GET', `/api/offers/${offer.id}`)
      ).json() as Offer;
      expect(after).toMatchObject({ capacity: 2, enrolled: 2, waitlisted: 7 });
    });
  }
});
