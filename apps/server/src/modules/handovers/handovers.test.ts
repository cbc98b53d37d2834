import type { Handover, HandoverPage, HandoverReceiver, TimelineEntry } from '@familiespor/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  dayOnClock,
  deniedEventsOf,
} from '../../../test/care-setting';
import { buildOrganisation, buildStaffUser, buildUnit, unique } from '../../../test/factories';
import { buildReceivers, grantConsent, handoverRows, type Newborn } from '../../../test/handovers';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { familyWithNewborn } from '../../../test/health-visiting';
import { expectProblem, login, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

describeEachDatabase('handovers: createHandover, listHandovers, getHandover, acknowledgeHandover', (kind) => {
  let env: TestEnv;
  let s: CareSetting;
  let daycare: { id: string };
  let educator: Session;
  let otherEducator: Session;
  let educatorId: string;
  /** Another municipality's Børn og Familie: a handover there crosses organisations. */
  let specialised: { id: string; orgId: string };
  let caseworker: Session;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
    ({ daycare, educatorId, educator, otherEducator, specialised, caseworker } = await buildReceivers(
      env,
      s,
    ));
  });
  afterAll(() => env?.close());

  const body = (f: Newborn, overrides: Record<string, unknown> = {}) => ({
    familyId: f.familyId,
    childPersonId: f.childId,
    transition: 'daycare',
    receivingUnitId: daycare.id,
    startDate: dayOnClock(env, 60),
    content: {
      needs: 'Sover bedst med sin sutteklud; har brug for faste rutiner ved aflevering.',
      agreements: 'Indkøring over tre uger; mor er med de første dage.',
      contacts: [{ name: 'Mette Sørensen', role: 'Sundhedsplejerske', phone: '+45 70 10 20 30' }],
      freeText: '',
    },
    parentConsent: { grantedByPersonId: f.motherId, capturedHow: 'paper' },
    ...overrides,
  });
  const send = (f: Newborn, overrides: Record<string, unknown> = {}, session = s.sessions.healthVisitor) =>
    session.request('POST', '/api/handovers', body(f, overrides));

  /** A newborn family (the health visitor records the parents' consent on a handover to daycare). */
  const consentedFamily = () => familyWithNewborn(env, s, { daysAgo: 20 });

  /** A newborn family whose parents consented to handovers to the other municipality, in the register. */
  async function consentedElsewhere() {
    const f = await familyWithNewborn(env, s, { daysAgo: 20 });
    const consent = await grantConsent(env.database.db, f, {
      fromOrgId: s.municipality.id,
      toOrgId: specialised.orgId,
      at: env.clock.now(),
    });
    return { f, consentId: consent.id };
  }
  const sendSpecialised = (f: Newborn) =>
    send(f, {
      transition: 'specialised',
      receivingUnitId: specialised.id,
      startDate: dayOnClock(env, 7),
      parentConsent: undefined,
    });

  describe('the handover flow with consent', () => {
    it('the health visitor sends; the educator sees it, and only it, and acknowledges once', async () => {
      const f = await consentedFamily();
      const res = await send(f);
      expect(res.statusCode, res.body).toBe(201);
      const h = res.json() as Handover;
      const mother = f.family.members.find((m) => m.role === 'mother');
      const child = f.family.members.find((m) => m.role === 'child');
      expect(h).toMatchObject({
        familyId: f.familyId,
        transition: 'daycare',
        status: 'sent',
        startDate: dayOnClock(env, 60),
        child: { personId: f.childId, name: `${child?.givenName} ${child?.familyName}` },
        to: { unit: { id: daycare.id }, organisation: { id: s.municipality.id } },
        from: { sentBy: { id: s.users.healthVisitor.id } },
        acknowledgedAt: null,
      });
      expect(h.child.birthDate).toBe(child?.birthDate);
      expect(h.parents.map((p) => p.name)).toContain(`${mother?.givenName} ${mother?.familyName}`);
      expect(h.content.contacts).toEqual([
        { name: 'Mette Sørensen', role: 'Sundhedsplejerske', phone: '+45 70 10 20 30', email: null },
      ]);
      const [created] = await auditOfRequest(env.database.db, res);
      expect(created).toMatchObject({
        action: 'create',
        entity_type: 'handover',
        entity_id: h.id,
        basis: 'own_org',
      });
      // Inside the municipality the consent is recorded on the handover, not in the register.
      expect(created?.detail).toMatchObject({ consent: 'on_handover' });

      // "Modtagne overleveringer": the educator's unit has it; another daycare does not.
      const received = await educator.request('GET', '/api/handovers?box=received');
      expect(received.statusCode, received.body).toBe(200);
      expect((received.json() as HandoverPage).items.map((i) => i.id)).toContain(h.id);
      const elsewhere = await otherEducator.request('GET', '/api/handovers');
      expect((elsewhere.json() as HandoverPage).items.map((i) => i.id)).not.toContain(h.id);
      const sent = await s.sessions.healthVisitor.request('GET', '/api/handovers?box=sent');
      expect((sent.json() as HandoverPage).items.map((i) => i.id)).toContain(h.id);

      // The educator reads the handover: the child's name and birth date, the parents as handed over.
      const read = await educator.request('GET', `/api/handovers/${h.id}`);
      expect(read.statusCode, read.body).toBe(200);
      expect((read.json() as Handover).parents).toEqual(h.parents);
      const [readEvent] = await auditOfRequest(env.database.db, read);
      expect(readEvent).toMatchObject({ action: 'read', entity_type: 'handover', basis: 'own_org' });

      // … and nothing else of the family.
      for (const path of ['', '/timeline', '/visits', '/screenings']) {
        const other = await educator.request('GET', `/api/families/${f.familyId}${path}`);
        expectProblem(other, 403, 'forbidden');
      }
      expectProblem(await otherEducator.request('GET', `/api/handovers/${h.id}`), 403, 'forbidden');

      // The sender may not acknowledge; the receiver does, once.
      expectProblem(
        await s.sessions.healthVisitor.request('POST', `/api/handovers/${h.id}/acknowledge`),
        403,
        'forbidden',
      );
      const ack = await educator.request('POST', `/api/handovers/${h.id}/acknowledge`);
      expect(ack.statusCode, ack.body).toBe(200);
      expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: { id: educatorId } });
      expectProblem(await educator.request('POST', `/api/handovers/${h.id}/acknowledge`), 409, 'conflict');
    });

    it('appears in the family timeline as category handover', async () => {
      const f = await consentedFamily();
      const h = (await send(f)).json() as Handover;
      const res = await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}/timeline`);
      expect(res.statusCode, res.body).toBe(200);
      const entry = (res.json() as { entries: TimelineEntry[] }).entries.find(
        (e) => e.id === `handover:${h.id}`,
      );
      expect(entry).toMatchObject({
        kind: 'handover_daycare',
        category: 'handover',
        status: 'done',
        params: { startDate: dayOnClock(env, 60), handoverStatus: 'sent' },
      });
    });

    it('lists the receiving units, saying where the consent lets a handover go', async () => {
      const f = await consentedFamily();
      const res = await s.sessions.healthVisitor.request(
        'GET',
        `/api/handovers/receivers?familyId=${f.familyId}&transition=daycare`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const unit = (res.json() as HandoverReceiver[]).find((u) => u.id === daycare.id);
      expect(unit).toMatchObject({ consent: 'record_on_handover', organisation: { id: s.municipality.id } });
      const hv = (res.json() as HandoverReceiver[]).map((u) => u.id);
      expect(hv).not.toContain(s.units.district.id);
    });
  });

  describe('the consent gate', () => {
    it('inside the municipality: without the parents’ consent recorded → 409 consent_missing, nothing written', async () => {
      const f = await consentedFamily();
      const res = await send(f, { parentConsent: undefined });
      const problem = expectProblem(res, 409, 'conflict');
      expect(problem.errors[0]).toMatchObject({ path: 'parentConsent', code: 'consent_missing' });
      expect(await handoverRows(env.database.db, f.familyId)).toEqual([]);
      expect(await auditOfRequest(env.database.db, res)).toEqual([]);
    });

    it('inside the municipality: the consent must come from a parent with custody → 400', async () => {
      const f = await consentedFamily();
      const res = await send(f, { parentConsent: { grantedByPersonId: f.childId, capturedHow: 'verbal' } });
      const problem = expectProblem(res, 400, 'validation');
      expect(problem.errors[0]).toMatchObject({
        path: 'parentConsent.grantedByPersonId',
        code: 'not_a_custodian',
      });
      expect(await handoverRows(env.database.db, f.familyId)).toEqual([]);
    });

    it('to another organisation: on a consent in force → 201, read by the receiver on that consent', async () => {
      const { f, consentId } = await consentedElsewhere();
      const res = await sendSpecialised(f);
      expect(res.statusCode, res.body).toBe(201);
      const h = res.json() as Handover;
      expect(h.to.organisation.id).toBe(specialised.orgId);
      expect((await auditOfRequest(env.database.db, res))[0]?.consent_id).toBe(consentId);
      const list = (await caseworker.request('GET', '/api/handovers')).json() as HandoverPage;
      expect(list.items.map((i) => i.id)).toContain(h.id);
      const read = await caseworker.request('GET', `/api/handovers/${h.id}`);
      expect(read.statusCode, read.body).toBe(200);
      const [event] = await auditOfRequest(env.database.db, read);
      expect(event).toMatchObject({
        basis: 'consent',
        consent_id: consentId,
        data_org_id: s.municipality.id,
      });
    });

    it('to another organisation: without a consent for handovers → 409 consent_missing, nothing written', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 20 });
      // A consent for other categories does not cover handovers.
      await grantConsent(env.database.db, f, {
        fromOrgId: s.municipality.id,
        toOrgId: specialised.orgId,
        categories: ['identity'],
        at: env.clock.now(),
      });
      const res = await sendSpecialised(f);
      const problem = expectProblem(res, 409, 'conflict');
      expect(problem.errors[0]).toMatchObject({ path: 'receivingUnitId', code: 'consent_missing' });
      expect(await handoverRows(env.database.db, f.familyId)).toEqual([]);
      expect(await auditOfRequest(env.database.db, res)).toEqual([]);
    });

    it('after the consent is withdrawn the receiver can no longer open or list it', async () => {
      const { f, consentId } = await consentedElsewhere();
      const h = (await sendSpecialised(f)).json() as Handover;
      expect((await caseworker.request('GET', `/api/handovers/${h.id}`)).statusCode).toBe(200);
      await inScope(env.database.db, { kind: 'system' }, (tx) =>
        // As the consent module withdraws it (the columns of migration 0010).
        sql`UPDATE consent SET withdrawn_at = ${env.clock.now()}, withdrawn_how = 'paper' WHERE id = ${consentId}`.execute(
          tx,
        ),
      );
      expectProblem(await caseworker.request('GET', `/api/handovers/${h.id}`), 403, 'forbidden');
      const list = (await caseworker.request('GET', '/api/handovers')).json() as HandoverPage;
      expect(list.items.map((i) => i.id)).not.toContain(h.id);
      // The sender's record stays the sender's.
      expect((await s.sessions.healthVisitor.request('GET', `/api/handovers/${h.id}`)).statusCode).toBe(200);
    });
  });

  describe('the matrix’s consent cell: family counsellor × handover', () => {
    it('a housing secretariat’s family counsellor reads a handover only on the parents’ consent: 403, 200, 403 after withdrawal', async () => {
      const db = env.database.db;
      const housing = await buildOrganisation(db, { kind: 'housing_social' });
      const team = await buildUnit(db, housing.id, { kind: 'team', name: unique('Familierådgivning') });
      const fc = await buildStaffUser(db, housing.id, { roles: ['family_counsellor'], unitIds: [team.id] });
      const counsellor = await login(env.app, fc.email, fc.password);
      const f = await consentedFamily();
      const sent = await send(f);
      expect(sent.statusCode, sent.body).toBe(201);
      const h = sent.json() as Handover;

      const before = await counsellor.request('GET', `/api/handovers/${h.id}`);
      expectProblem(before, 403, 'forbidden');
      expect(await deniedEventsOf(db, fc.id)).toEqual([
        expect.objectContaining({ entity_type: 'handover', entity_id: h.id }),
      ]);

      const consent = await grantConsent(db, f, {
        fromOrgId: s.municipality.id,
        toOrgId: housing.id,
        at: env.clock.now(),
      });
      const after = await counsellor.request('GET', `/api/handovers/${h.id}`);
      expect(after.statusCode, after.body).toBe(200);
      expect((await auditOfRequest(db, after))[0]).toMatchObject({
        basis: 'consent',
        consent_id: consent.id,
        data_org_id: s.municipality.id,
      });

      await inScope(db, { kind: 'system' }, (tx) =>
        sql`UPDATE consent SET withdrawn_at = ${env.clock.now()}, withdrawn_how = 'paper' WHERE id = ${consent.id}`.execute(
          tx,
        ),
      );
      expectProblem(await counsellor.request('GET', `/api/handovers/${h.id}`), 403, 'forbidden');
    });
  });

  describe('forbidden', () => {
    it('an educator may not write a handover → 403, audited, nothing written', async () => {
      const f = await consentedFamily();
      const res = await send(f, {}, educator);
      expectProblem(res, 403, 'forbidden');
      expect(await handoverRows(env.database.db, f.familyId)).toEqual([]);
      const denied = await deniedEventsOf(env.database.db, educatorId);
      expect(denied.at(-1)).toMatchObject({ entity_type: 'handover', family_id: f.familyId });
    });

    it('a health visitor without a relationship to the family → 403; an NGO counsellor cannot read one', async () => {
      const f = await consentedFamily();
      expectProblem(await send(f, {}, s.sessions.otherHealthVisitor), 403, 'forbidden');
      expect(await handoverRows(env.database.db, f.familyId)).toEqual([]);
      const h = (await send(f)).json() as Handover;
      expectProblem(await s.sessions.ngo.request('GET', `/api/handovers/${h.id}`), 403, 'forbidden');
      expectProblem(
        await s.sessions.otherHealthVisitor.request('GET', `/api/handovers/${h.id}`),
        403,
        'forbidden',
      );
      expect((await deniedEventsOf(env.database.db, s.users.ngo.id)).at(-1)).toMatchObject({
        entity_type: 'handover',
        entity_id: h.id,
      });
    });

    it('an unknown handover → 404', async () => {
      const res = await educator.request('GET', '/api/handovers/00000000-0000-4000-8000-000000000000');
      expectProblem(res, 404, 'not_found');
    });
  });

  describe('bad input → 400, nothing written', () => {
    it.each([
      [
        'an unknown unit',
        { receivingUnitId: '00000000-0000-4000-8000-000000000000' },
        'receivingUnitId',
        'unknown_unit',
      ],
      ['a start date long past', { startDate: '__past__' }, 'startDate', 'too_far_in_past'],
      [
        'empty content',
        { content: { needs: '  ', agreements: '', contacts: [], freeText: '' } },
        'content',
        'empty',
      ],
      [
        'a health-visiting unit as daycare',
        { receivingUnitId: '__district__' },
        'receivingUnitId',
        'wrong_service',
      ],
      ['a child of another family', { childPersonId: '__mother__' }, 'childPersonId', 'unknown_child'],
    ])('%s', async (_label, overrides, path, code) => {
      const f = await consentedFamily();
      const fixed: Record<string, unknown> = { ...overrides };
      if (fixed.startDate === '__past__') fixed.startDate = dayOnClock(env, -15);
      if (fixed.receivingUnitId === '__district__') fixed.receivingUnitId = s.units.district.id;
      if (fixed.childPersonId === '__mother__') fixed.childPersonId = f.motherId;
      const res = await send(f, fixed);
      const problem = expectProblem(res, 400, 'validation');
      expect(problem.errors).toContainEqual(expect.objectContaining({ path, code }));
      expect(await handoverRows(env.database.db, f.familyId)).toEqual([]);
    });

    it('a body without content or with an unknown transition → 400 validation', async () => {
      const f = await consentedFamily();
      const { content: _omit, ...noContent } = body(f);
      expectProblem(
        await s.sessions.healthVisitor.request('POST', '/api/handovers', noContent),
        400,
        'validation',
      );
      expectProblem(await send(f, { transition: 'school' }), 400, 'validation');
      expect(await handoverRows(env.database.db, f.familyId)).toEqual([]);
    });
  });
});
