import type { FamilyDetail } from '@familiespor/contracts';
import { addDays, dateAtWeek } from '@familiespor/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  countSettingRows,
  dayOnClock,
  deniedEventsOf,
  freeCpr,
  pregnancyBody,
  randomAdultBirthDate,
  registerFamily,
} from '../../../test/care-setting';
import { unique } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem } from '../../../test/http';
import { inScope } from '../../db/scope';

describeEachDatabase('registerPregnancy: the midwife registers a pregnancy', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const system = <T>(fn: Parameters<typeof inScope<T>>[2]) =>
    inScope(env.database.db, { kind: 'system' }, fn);
  const namesOf = (body: ReturnType<typeof pregnancyBody>) => ({
    cprs: [body.mother.cpr],
    familyNames: [body.mother.familyName, body.partner.familyName],
  });

  describe('the use case', () => {
    it('lands the family in the municipality of the address and the district of the postcode', async () => {
      const { family, body, motherId } = await registerFamily(env, s);
      expect(family.organisation.id).toBe(s.municipality.id);
      expect(family.district).toEqual({ id: s.units.district.id, name: s.units.district.name });
      expect(family.address).toEqual({ street: body.address.street, postcode: s.postcode, city: 'Demoby' });
      expect(family.members.map((m) => m.role)).toEqual(['mother', 'co_parent']);
      expect(family.pregnancies).toHaveLength(1);
      expect(family.pregnancies[0]).toMatchObject({
        organisation: { id: s.region.id },
        dueDate: body.dueDate,
        careLevel: 2,
        firstChild: true,
        status: 'active',
      });
      expect(family.stage).toMatchObject({ kind: 'pregnancy', week: 24, day: 0, dueDate: body.dueDate });
      const row = await system((tx) =>
        tx.selectFrom('family').selectAll().where('id', '=', family.id).executeTakeFirstOrThrow(),
      );
      expect(row).toMatchObject({ org_id: s.municipality.id, district_unit_id: s.units.district.id });
      const mother = await system((tx) =>
        tx.selectFrom('person').selectAll().where('id', '=', motherId).executeTakeFirstOrThrow(),
      );
      expect(mother).toMatchObject({
        cpr: body.mother.cpr,
        preferred_language: 'ar',
        interpreter_needed: true,
      });
      expect(family.involvements).toEqual([
        expect.objectContaining({
          organisation: { id: s.region.id, name: s.region.name },
          kind: 'pregnancy_care',
          unit: { id: s.units.midwifery.id, name: s.units.midwifery.name },
        }),
      ]);
    });

    it('with consent: a consent from the region to the municipality and a task for the district', async () => {
      const { familyId, pregnancyId, motherId, body } = await registerFamily(env, s);
      const consents = await system((tx) =>
        tx.selectFrom('consent').selectAll().where('family_id', '=', familyId).execute(),
      );
      expect(consents).toHaveLength(1);
      expect(consents[0]).toMatchObject({
        from_org_id: s.region.id,
        to_org_id: s.municipality.id,
        family_org_id: s.municipality.id,
        granted_by_person_id: motherId,
        captured_how: 'verbal',
        captured_by: s.users.midwife.id,
        withdrawn_at: null,
      });
      expect([...(consents[0]?.categories ?? [])].sort()).toEqual(['identity', 'pregnancy']);
      const tasks = await system((tx) =>
        tx.selectFrom('task').selectAll().where('family_id', '=', familyId).execute(),
      );
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({
        key: `plan_pregnancy_visit:${pregnancyId}`,
        kind: 'plan_pregnancy_visit',
        org_id: s.municipality.id,
        assignee_unit_id: s.units.district.id,
        assignee_user_id: null,
        state: 'ready',
        window_start: dayOnClock(env),
        due: dateAtWeek(body.dueDate, 26),
        window_end: dateAtWeek(body.dueDate, 32),
      });
    });

    it('without consent: no consent, no task; the health visitor sees the family but not the pregnancy', async () => {
      const { familyId } = await registerFamily(env, s, {
        overrides: { consent: { shareWithHealthVisiting: false, capturedHow: 'verbal' } },
      });
      const [consents, tasks] = await system(async (tx) => [
        await tx.selectFrom('consent').select('id').where('family_id', '=', familyId).execute(),
        await tx.selectFrom('task').select('id').where('family_id', '=', familyId).execute(),
      ]);
      expect(consents).toEqual([]);
      expect(tasks).toEqual([]);
      const res = await s.sessions.healthVisitor.request('GET', `/api/families/${familyId}`);
      expect(res.statusCode).toBe(200);
      const family = res.json() as FamilyDetail;
      expect(family.hidden).toContain('pregnancy');
      expect(family.pregnancies).toEqual([]);
      expect(family.stage).toEqual({ kind: 'none' });
      const timeline = await s.sessions.healthVisitor.request('GET', `/api/families/${familyId}/timeline`);
      expect(timeline.statusCode).toBe(200);
      const kinds = (timeline.json().entries as { kind: string; category: string }[]).map((e) => e.kind);
      expect(kinds.filter((k) => k.startsWith('pregnancy') || k === 'due_date')).toEqual([]);
    });

    it('records why each read was allowed: consent for the health visitor, legal basis for the midwife', async () => {
      const { familyId } = await registerFamily(env, s);
      const consent = await system((tx) =>
        tx.selectFrom('consent').select('id').where('family_id', '=', familyId).executeTakeFirstOrThrow(),
      );
      const hv = await s.sessions.healthVisitor.request('GET', `/api/families/${familyId}`);
      expect(hv.statusCode).toBe(200);
      expect((hv.json() as FamilyDetail).hidden).toEqual([]);
      const hvReads = await auditOfRequest(env.database.db, hv);
      const hvPregnancy = hvReads.find(
        (e) => e.entity_type === 'family' && (e.detail as { category?: string })?.category === 'pregnancy',
      );
      expect(hvPregnancy).toMatchObject({
        action: 'read',
        actor_id: s.users.healthVisitor.id,
        family_id: familyId,
        data_org_id: s.region.id,
        basis: 'consent',
        consent_id: consent.id,
      });
      expect(hvReads.find((e) => (e.detail as { category?: string })?.category === 'identity')).toMatchObject(
        { basis: 'own_org', data_org_id: s.municipality.id },
      );

      const mw = await s.sessions.midwife.request('GET', `/api/families/${familyId}`);
      expect(mw.statusCode).toBe(200);
      const mwReads = await auditOfRequest(env.database.db, mw);
      expect(mwReads.find((e) => (e.detail as { category?: string })?.category === 'identity')).toMatchObject(
        {
          action: 'read',
          actor_id: s.users.midwife.id,
          data_org_id: s.municipality.id,
          basis: 'legal_basis',
          consent_id: null,
        },
      );
      expect(
        mwReads.find((e) => (e.detail as { category?: string })?.category === 'pregnancy'),
      ).toMatchObject({ basis: 'own_org', data_org_id: s.region.id });
    });

    it('reuses the person for the same CPR: the same partner in two families', async () => {
      const partnerCpr = await freeCpr(env.database.db, randomAdultBirthDate(), 'male');
      const partner = {
        role: 'father',
        cpr: partnerCpr,
        givenName: 'Omar',
        familyName: unique('Far').replace(' ', ''),
        firstTimeParent: false,
      };
      const first = await registerFamily(env, s, { overrides: { partner } });
      const second = await registerFamily(env, s, { overrides: { partner } });
      expect(second.familyId).not.toBe(first.familyId);
      const fatherOf = (f: FamilyDetail) => f.members.find((m) => m.role === 'father')?.personId;
      expect(fatherOf(second.family)).toBeDefined();
      expect(fatherOf(second.family)).toBe(fatherOf(first.family));
      const persons = await system((tx) =>
        tx.selectFrom('person').select('id').where('cpr', '=', partnerCpr).execute(),
      );
      expect(persons).toHaveLength(1);
    });

    it('the same name and birth date with another CPR is a possible duplicate until a reason is given', async () => {
      const birthDate = randomAdultBirthDate();
      const first = await registerFamily(env, s, {
        overrides: {
          mother: {
            ...pregnancyBody(s, dayOnClock(env, 100)).mother,
            cpr: await freeCpr(env.database.db, birthDate, 'female'),
          },
        },
      });
      const lookalike = pregnancyBody(s, dayOnClock(env, 120), {
        mother: { ...first.body.mother, cpr: await freeCpr(env.database.db, birthDate, 'female') },
      });
      const before = await countSettingRows(env.database.db, s, namesOf(lookalike));
      const res = await s.sessions.midwife.request('POST', '/api/pregnancies', lookalike);
      const problem = expectProblem(res, 409, 'conflict');
      expect(problem.errors[0]).toMatchObject({ code: 'possible_duplicate', path: 'mother' });
      expect(await countSettingRows(env.database.db, s, namesOf(lookalike))).toEqual(before);

      const confirmed = await s.sessions.midwife.request('POST', '/api/pregnancies', {
        ...lookalike,
        duplicateOverrideReason: 'Checked with the mother: another person with the same name',
      });
      expect(confirmed.statusCode).toBe(201);
      const mother = (confirmed.json() as FamilyDetail).members.find((m) => m.role === 'mother');
      expect(mother?.personId).not.toBe(first.motherId);
      const audit = (await auditOfRequest(env.database.db, confirmed)).find(
        (e) => e.entity_type === 'pregnancy' && e.action === 'create',
      );
      expect(audit?.detail).toMatchObject({ duplicateOverride: true });
    });

    it('refuses a second ongoing pregnancy for the same mother with 409, writing nothing', async () => {
      const first = await registerFamily(env, s);
      const again = pregnancyBody(s, dayOnClock(env, 150), { mother: first.body.mother });
      const before = await countSettingRows(env.database.db, s, namesOf(again));
      const res = await s.sessions.midwife.request('POST', '/api/pregnancies', again);
      const problem = expectProblem(res, 409, 'conflict');
      expect(problem.errors[0]).toMatchObject({ path: 'mother.cpr', code: 'pregnancy_exists' });
      expect(await countSettingRows(env.database.db, s, namesOf(again))).toEqual(before);
    });
  });

  describe('forbidden', () => {
    it('a health visitor (municipality) may not register: 403, audited as denied, nothing written', async () => {
      const body = pregnancyBody(s, dayOnClock(env, 100));
      const before = await countSettingRows(env.database.db, s, namesOf(body));
      const denied = (await deniedEventsOf(env.database.db, s.users.healthVisitor.id)).length;
      const res = await s.sessions.healthVisitor.request('POST', '/api/pregnancies', body);
      expectProblem(res, 403, 'forbidden');
      const events = await deniedEventsOf(env.database.db, s.users.healthVisitor.id);
      expect(events).toHaveLength(denied + 1);
      expect(events.at(-1)).toMatchObject({ entity_type: 'pregnancy', outcome: 'failure' });
      expect(await countSettingRows(env.database.db, s, namesOf(body))).toEqual(before);
    });

    it('an NGO counsellor may not register either', async () => {
      const denied = (await deniedEventsOf(env.database.db, s.users.ngo.id)).length;
      const res = await s.sessions.ngo.request(
        'POST',
        '/api/pregnancies',
        pregnancyBody(s, dayOnClock(env, 90)),
      );
      expectProblem(res, 403, 'forbidden');
      expect(await deniedEventsOf(env.database.db, s.users.ngo.id)).toHaveLength(denied + 1);
    });
  });

  describe('bad input: 400 with the field, and nothing written', () => {
    const cases: [string, (b: ReturnType<typeof pregnancyBody>) => Record<string, unknown>, string][] = [
      ['a malformed CPR', (b) => ({ ...b, mother: { ...b.mother, cpr: '123456-789' } }), 'mother.cpr'],
      [
        'a CPR with an impossible date',
        (b) => ({ ...b, mother: { ...b.mother, cpr: '3213901234' } }),
        'mother.cpr',
      ],
      ['a due date in the past', (b) => ({ ...b, dueDate: addDays(b.dueDate, -16 * 7 - 1) }), 'dueDate'],
      [
        'a due date more than 44 weeks ahead',
        (b) => ({ ...b, dueDate: addDays(b.dueDate, 28 * 7 + 1) }),
        'dueDate',
      ],
      ['a malformed due date', (b) => ({ ...b, dueDate: '24/12/2026' }), 'dueDate'],
      [
        'an unknown municipality',
        (b) => ({ ...b, address: { ...b.address, municipalityCode: '000' } }),
        'address.municipalityCode',
      ],
      ['an unknown field', (b) => ({ ...b, foo: 'bar' }), 'foo'],
      [
        'an unknown field on the mother',
        (b) => ({ ...b, mother: { ...b.mother, nickname: 'A' } }),
        'mother.nickname',
      ],
      ['a care level of 5', (b) => ({ ...b, careLevel: 5 }), 'careLevel'],
      [
        'the partner with the mother’s CPR',
        (b) => ({ ...b, partner: { ...b.partner, cpr: b.mother.cpr } }),
        'partner.cpr',
      ],
    ];
    for (const [what, change, path] of cases) {
      it(`${what} → ${path}`, async () => {
        const base = pregnancyBody(s, dayOnClock(env, 16 * 7));
        const before = await countSettingRows(env.database.db, s, namesOf(base));
        const res = await s.sessions.midwife.request('POST', '/api/pregnancies', change(base));
        const problem = expectProblem(res, 400, 'validation');
        expect(problem.errors.map((e) => e.path)).toContain(path);
        expect(await countSettingRows(env.database.db, s, namesOf(base))).toEqual(before);
      });
    }

    it('accepts the limits themselves: due today and due in exactly 44 weeks', async () => {
      for (const dueInDays of [0, 44 * 7]) {
        const { family } = await registerFamily(env, s, { dueInDays });
        expect(family.pregnancies[0]?.dueDate).toBe(dayOnClock(env, dueInDays));
      }
    });
  });
});
