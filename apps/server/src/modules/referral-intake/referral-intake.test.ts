import type {
  FamilySummary,
  Referral,
  ReferralIntake,
  ReferralIntakeList,
  ReferralList,
} from '@familiespor/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  auditOfRequest,
  dayOnClock,
  deniedEventsOf,
  randomAdultBirthDate,
  testCpr,
} from '../../../test/care-setting';
import { buildFamily, buildStaffUser } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, login } from '../../../test/http';
import { buildOpenCounsellingSetting, type OpenCounsellingSetting } from '../../../test/open-counselling';
import { inScope } from '../../db/scope';

describeEachDatabase('referral intake: the identified bridge from open counselling', (kind) => {
  let env: TestEnv;
  let s: OpenCounsellingSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildOpenCounsellingSetting(env);
  });
  afterAll(() => env?.close());

  const body = (overrides: Record<string, unknown> = {}, person: Record<string, unknown> = {}) => ({
    person: {
      givenName: 'Nadia',
      familyName: 'Rasmussen',
      role: 'mother',
      phone: '+45 22 33 44 55',
      postcode: s.postcode,
      childAgeMonths: 3,
      preferredLanguage: 'ar',
      interpreterNeeded: true,
      ...person,
    },
    offerId: s.municipalOfferId,
    reason:
      'Mor har det svært efter fødslen og ønsker en fædre-/mødregruppe og en samtale med sundhedsplejen.',
    urgency: 'normal',
    consent: { confirmed: true, capturedHow: 'verbal' },
    ...overrides,
  });
  const send = (b: Record<string, unknown>, session = s.sessions.ngo) =>
    session.request('POST', '/api/referral-intakes', b);
  const intakesOf = (orgId: string) =>
    inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.selectFrom('referral_intake').selectAll().where('org_id', '=', orgId).execute(),
    );

  it('the counsellor refers a parent by name; the district receives, acknowledges and accepts by registering the family', async () => {
    const res = await send(body());
    expect(res.statusCode).toBe(201);
    const intake = res.json() as ReferralIntake;
    expect(intake).toMatchObject({
      personName: 'Nadia Rasmussen',
      status: 'requested',
      to: {
        organisation: { id: s.municipality.id },
        unit: { id: s.units.district.id },
        offer: { id: s.municipalOfferId },
      },
      person: {
        phone: '+45 22 33 44 55',
        cpr: null,
        postcode: s.postcode,
        homeMunicipality: { id: s.municipality.id },
        childAgeMonths: 3,
        preferredLanguage: 'ar',
        interpreterNeeded: true,
      },
      consent: { capturedHow: 'verbal', recordedBy: { id: s.users.ngo.id } },
      referralId: null,
      actions: [],
    });
    expect(intake.ackDeadline.workingDays).toBeGreaterThan(0);
    // Nothing on the row could tie it to an anonymous conversation.
    const [row] = (await intakesOf(s.ngo.id)).filter((r) => r.id === intake.id);
    expect(Object.keys(row ?? {}).filter((k) => /contact|slot/.test(k))).toEqual([]);
    const [created] = await auditOfRequest(env.database.db, res);
    expect(created).toMatchObject({
      action: 'create',
      entity_type: 'referral_intake',
      entity_id: intake.id,
      actor_id: s.users.ngo.id,
    });

    // The receiving district sees it in its inbox; a health visitor of another district does not.
    const inbox = (
      await s.sessions.healthVisitor.request('GET', '/api/referral-intakes?box=received')
    ).json() as ReferralIntakeList;
    expect(inbox.items.map((i) => i.id)).toContain(intake.id);
    const elsewhere = (
      await s.sessions.otherHealthVisitor.request('GET', '/api/referral-intakes?box=received')
    ).json() as ReferralIntakeList;
    expect(elsewhere.items.map((i) => i.id)).not.toContain(intake.id);
    const shown = (
      await s.sessions.healthVisitor.request('GET', `/api/referral-intakes/${intake.id}`)
    ).json() as ReferralIntake;
    expect(shown.actions).toEqual(['acknowledge']);
    expect(shown.reason).toContain('svært efter fødslen');

    // Accepting before acknowledging is out of order.
    expectProblem(
      await s.sessions.healthVisitor.request('POST', `/api/referral-intakes/${intake.id}/decision`, {
        decision: 'accept',
        registerFamily: true,
      }),
      409,
    );
    const ack = await s.sessions.healthVisitor.request(
      'POST',
      `/api/referral-intakes/${intake.id}/acknowledge`,
    );
    expect(ack.statusCode).toBe(200);
    expect((ack.json() as ReferralIntake).actions).toEqual(['accept', 'reject']);

    const accepted = await s.sessions.healthVisitor.request(
      'POST',
      `/api/referral-intakes/${intake.id}/decision`,
      { decision: 'accept', registerFamily: true },
    );
    expect(accepted.statusCode).toBe(200);
    const done = accepted.json() as ReferralIntake;
    expect(done).toMatchObject({ status: 'accepted', actions: [] });
    expect(done.referralId).toBeTruthy();
    const events = await auditOfRequest(env.database.db, accepted);
    expect(events.map((e) => [e.action, e.entity_type])).toEqual(
      expect.arrayContaining([
        ['create', 'family'],
        ['create', 'referral'],
        ['update', 'referral_intake'],
      ]),
    );
    const familyId = events.find((e) => e.entity_type === 'referral')?.family_id as string;

    // Now an ordinary accepted referral of the new family: the receiver reads it and the family.
    const referral = (
      await s.sessions.healthVisitor.request('GET', `/api/referrals/${done.referralId}`)
    ).json() as Referral;
    expect(referral).toMatchObject({
      status: 'accepted',
      family: { id: familyId },
      from: { organisation: { id: s.ngo.id }, sentBy: { id: s.users.ngo.id } },
      to: { offer: { id: s.municipalOfferId } },
    });
    expect(referral.family.names).toBe('Nadia Rasmussen');
    expect(referral.events.map((e) => e.status)).toEqual(['requested', 'received', 'accepted']);
    const family = await s.sessions.healthVisitor.request('GET', `/api/families/${familyId}`);
    expect(family.statusCode).toBe(200);
    const timeline = (
      await s.sessions.healthVisitor.request('GET', `/api/families/${familyId}/timeline`)
    ).json() as { entries: { id: string }[] };
    expect(timeline.entries.map((e) => e.id)).toContain(`referral:${done.referralId}`);

    // The sender keeps seeing the status and what she entered — nothing else of the family.
    const mine = (
      await s.sessions.ngo.request('GET', `/api/referral-intakes/${intake.id}`)
    ).json() as ReferralIntake;
    expect(mine).toMatchObject({ status: 'accepted', person: { givenName: 'Nadia' } });
    const sent = (await s.sessions.ngo.request('GET', '/api/referrals?box=sent')).json() as ReferralList;
    const item = sent.items.find((i) => i.id === done.referralId);
    expect(item).toMatchObject({ status: 'accepted', family: { names: null } });
    const before = (await deniedEventsOf(env.database.db, s.users.ngo.id)).length;
    expectProblem(await s.sessions.ngo.request('GET', `/api/families/${familyId}`), 403);
    expectProblem(await s.sessions.ngo.request('GET', `/api/families/${familyId}/timeline`), 403);
    expect((await deniedEventsOf(env.database.db, s.users.ngo.id)).length).toBe(before + 2);
  });

  it('the receiver links the person to a family she finds by CPR; registering the same CPR again is refused', async () => {
    const cpr = testCpr(randomAdultBirthDate(), 'female');
    const known = await buildFamily(env.database.db, s.municipality.id, {
      districtUnitId: s.units.district.id,
      parentRoles: ['mother'],
      parentCprs: [cpr],
    });
    const intake = (
      await send(body({}, { cpr, email: 'mor@example.dk', phone: null }))
    ).json() as ReferralIntake;
    expect(intake.person.cpr?.replace('-', '')).toBe(cpr);
    await s.sessions.healthVisitor.request('POST', `/api/referral-intakes/${intake.id}/acknowledge`);
    expectProblem(
      await s.sessions.healthVisitor.request('POST', `/api/referral-intakes/${intake.id}/decision`, {
        decision: 'accept',
        registerFamily: true,
      }),
      409,
    );
    const found = (
      await s.sessions.healthVisitor.request('GET', `/api/families/search?cpr=${cpr}`)
    ).json() as FamilySummary[];
    expect(found.map((f) => f.id)).toEqual([known.id]);
    const res = await s.sessions.healthVisitor.request(
      'POST',
      `/api/referral-intakes/${intake.id}/decision`,
      {
        decision: 'accept',
        familyId: known.id,
      },
    );
    expect(res.statusCode).toBe(200);
    const referral = (
      await s.sessions.healthVisitor.request(
        'GET',
        `/api/referrals/${(res.json() as ReferralIntake).referralId}`,
      )
    ).json() as Referral;
    expect(referral.family.id).toBe(known.id);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const before = (await intakesOf(s.ngo.id)).length;
    const cases: [Record<string, unknown>, string][] = [
      [body({}, { phone: null }), 'person.phone'],
      [body({ offerId: '00000000-0000-4000-8000-000000000000' }), 'offerId'],
      [body({ offerId: s.offerId }), 'offerId'], // the drop-in itself is not a municipal offer
      [body({ consent: { confirmed: false, capturedHow: 'verbal' } }), 'consent.confirmed'],
      [body({ consent: { capturedHow: 'paper' } }), 'consent.confirmed'],
      [body({}, { cpr: '311399-1234' }), 'person.cpr'],
      [body({}, { childAgeMonths: null }), 'person.childAgeMonths'],
      [body({}, { childAgeMonths: null, dueDate: dayOnClock(env, -1) }), 'person.dueDate'],
      [{ ...body(), contactId: '00000000-0000-4000-8000-000000000000' }, ''],
      [body({ reason: '  ' }), 'reason'],
    ];
    for (const [b, path] of cases) {
      const problem = expectProblem(await send(b), 400);
      if (path) expect(problem.errors.map((e) => e.path)).toContain(path);
    }
    expect((await intakesOf(s.ngo.id)).length).toBe(before);
  });

  it('refuses, and audits, whoever is not the sender or the receiver', async () => {
    // Only the drop-in's counsellors refer a person not yet known: a health visitor refers a family she knows.
    expectProblem(await send(body(), s.sessions.healthVisitor), 403);
    expect(
      (await deniedEventsOf(env.database.db, s.users.healthVisitor.id)).some(
        (e) => e.entity_type === 'referral_intake',
      ),
    ).toBe(true);
    const intake = (await send(body())).json() as ReferralIntake;
    const outsider = await buildStaffUser(env.database.db, s.other.id, { roles: ['health_visitor'] });
    const outside = await login(env.app, outsider.email, outsider.password);
    expectProblem(await outside.request('GET', `/api/referral-intakes/${intake.id}`), 403);
    expectProblem(await outside.request('POST', `/api/referral-intakes/${intake.id}/acknowledge`), 403);
    expectProblem(
      await s.sessions.otherHealthVisitor.request('POST', `/api/referral-intakes/${intake.id}/acknowledge`),
      403,
    );
    // The receiving organisation's analyst sits in the receiving unit but does not work with
    // families: no list of received intakes and no intake (it names a person).
    const analyst = await buildStaffUser(env.database.db, s.municipality.id, {
      roles: ['analyst'],
      unitIds: intake.to.unit ? [intake.to.unit.id] : [],
    });
    const analystSession = await login(env.app, analyst.email, analyst.password);
    expectProblem(await analystSession.request('GET', '/api/referral-intakes?box=received'), 403);
    expectProblem(await analystSession.request('GET', `/api/referral-intakes/${intake.id}`), 403);
    expect(
      (await deniedEventsOf(env.database.db, analyst.id)).filter((e) => e.entity_type === 'referral_intake'),
    ).toHaveLength(2);
    // The sender follows it but does not move it on.
    expectProblem(
      await s.sessions.ngo.request('POST', `/api/referral-intakes/${intake.id}/acknowledge`),
      403,
    );
    expect((await deniedEventsOf(env.database.db, outsider.id)).map((e) => e.entity_type)).toEqual([
      'referral_intake',
      'referral_intake',
    ]);
    const [row] = (await intakesOf(s.ngo.id)).filter((r) => r.id === intake.id);
    expect(row?.status).toBe('requested');
    // The second line: row-level security shows the row to its two parties only.
    const seenBy = (orgId: string) =>
      inScope(env.database.db, { kind: 'orgs', orgIds: [orgId] }, (tx) =>
        tx.selectFrom('referral_intake').select('id').where('id', '=', intake.id).execute(),
      );
    expect(await seenBy(s.ngo.id)).toHaveLength(1);
    expect(await seenBy(s.municipality.id)).toHaveLength(1);
    expect(await seenBy(s.other.id)).toHaveLength(0);
    expect(await seenBy(s.region.id)).toHaveLength(0);

    // Rejecting needs a reason; with one, the sender sees it.
    await s.sessions.healthVisitor.request('POST', `/api/referral-intakes/${intake.id}/acknowledge`);
    expectProblem(
      await s.sessions.healthVisitor.request('POST', `/api/referral-intakes/${intake.id}/decision`, {
        decision: 'reject',
      }),
      400,
    );
    await s.sessions.healthVisitor.request('POST', `/api/referral-intakes/${intake.id}/decision`, {
      decision: 'reject',
      reason: 'Familien bor uden for kommunen; vi har givet mor nummeret til hjemkommunen.',
    });
    const seen = (
      await s.sessions.ngo.request('GET', `/api/referral-intakes/${intake.id}`)
    ).json() as ReferralIntake;
    expect(seen).toMatchObject({ status: 'rejected', referralId: null });
    expect(seen.rejectionReason).toContain('hjemkommunen');
  });
});
