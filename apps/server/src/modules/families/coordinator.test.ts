import type { FamilyDetail, FamilySummary } from '@familiespor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addInvolvement,
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  countSettingRows,
  deniedEventsOf,
  loginAsParent,
  registerFamily,
} from '../../../test/care-setting';
import { buildStaffUser } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, type Session } from '../../../test/http';

describeEachDatabase('assignCoordinator, listMyFamilies, listFamiliesWithoutCoordinator', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const assign = (session: Session, familyId: string, body: Record<string, unknown>) =>
    session.request('PUT', `/api/families/${familyId}/coordinator`, body);
  const myFamilies = async (session: Session) => {
    const res = await session.request('GET', '/api/my/families');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as FamilySummary[];
  };
  const withoutCoordinator = async (session: Session) => {
    const res = await session.request('GET', '/api/families/without-coordinator?limit=500');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; items: FamilySummary[] };
  };
  const ids = (list: { id: string }[]) => list.map((f) => f.id);
  const minute = 60_000;

  it('assigns a coordinator without a note; the family moves from “without coordinator” to “my families”', async () => {
    const { familyId, body } = await registerFamily(env, s);
    const hv = s.sessions.healthVisitor;
    expect(ids((await withoutCoordinator(hv)).items)).toContain(familyId);
    expect(ids(await myFamilies(hv))).not.toContain(familyId);

    const res = await assign(hv, familyId, { staffUserId: s.users.healthVisitor.id });
    expect(res.statusCode, res.body).toBe(200);
    const family = res.json() as FamilyDetail;
    expect(family.coordinator).toMatchObject({
      staff: { id: s.users.healthVisitor.id, organisation: { id: s.municipality.id } },
      endedAt: null,
      handoverNote: null,
    });
    expect(family.coordinatorHistory).toHaveLength(1);
    const audit = (await auditOfRequest(env.database.db, res)).find(
      (e) => e.entity_type === 'coordinator_assignment',
    );
    expect(audit).toMatchObject({
      action: 'create',
      actor_id: s.users.healthVisitor.id,
      family_id: familyId,
    });

    const mine = await myFamilies(hv);
    const summary = mine.find((f) => f.id === familyId);
    expect(summary).toMatchObject({
      organisation: { id: s.municipality.id },
      district: { id: s.units.district.id },
      coordinator: { id: s.users.healthVisitor.id, name: expect.any(String) },
      stage: { kind: 'pregnancy', week: 24 },
    });
    expect(summary?.parents.find((p) => p.role === 'mother')?.cprMasked).toBe(
      `${body.mother.cpr.slice(0, 6)}-xxxx`,
    );
    expect(ids((await withoutCoordinator(hv)).items)).not.toContain(familyId);
  });

  it('a change needs a handover note; then the history keeps both, the first one ended', async () => {
    const { familyId } = await registerFamily(env, s);
    const next = await buildStaffUser(env.database.db, s.municipality.id, {
      roles: ['health_visitor'],
      unitIds: [s.units.district.id],
      password: false,
    });
    const first = await assign(s.sessions.programmeLead, familyId, { staffUserId: s.users.healthVisitor.id });
    expect(first.statusCode, first.body).toBe(200);
    env.clock.advance(minute);

    const before = await countSettingRows(env.database.db, s);
    const noNote = await assign(s.sessions.programmeLead, familyId, { staffUserId: next.id });
    expect(expectProblem(noNote, 400, 'validation').errors.map((e) => e.path)).toEqual(['handoverNote']);
    expect(await countSettingRows(env.database.db, s)).toEqual(before);

    const note = 'Mor har brug for tolk (arabisk). Hjemmebesøg aftalt i uge 30.';
    // The current coordinator may hand over herself.
    const res = await assign(s.sessions.healthVisitor, familyId, {
      staffUserId: next.id,
      handoverNote: note,
    });
    expect(res.statusCode, res.body).toBe(200);
    const family = res.json() as FamilyDetail;
    expect(family.coordinator).toMatchObject({ staff: { id: next.id }, handoverNote: note, endedAt: null });
    expect(family.coordinatorHistory).toHaveLength(2);
    const [latest, earlier] = family.coordinatorHistory;
    expect(latest?.staff.id).toBe(next.id);
    expect(earlier).toMatchObject({
      staff: { id: s.users.healthVisitor.id },
      endedAt: env.clock.now().toISOString(),
    });
    expect(ids(await myFamilies(s.sessions.healthVisitor))).not.toContain(familyId);

    const same = await assign(s.sessions.programmeLead, familyId, {
      staffUserId: next.id,
      handoverNote: note,
    });
    expectProblem(same, 409, 'conflict');
  });

  describe('who may be coordinator', () => {
    it('an NGO counsellor whose organisation does not work with the family → 400 staffUserId', async () => {
      const { familyId } = await registerFamily(env, s);
      const before = await countSettingRows(env.database.db, s);
      const res = await assign(s.sessions.healthVisitor, familyId, { staffUserId: s.users.ngo.id });
      const problem = expectProblem(res, 400, 'validation');
      expect(problem.errors[0]).toMatchObject({ path: 'staffUserId', code: 'not_eligible' });
      expect(await countSettingRows(env.database.db, s)).toEqual(before);
    });

    it('an unknown user, and an administrator without a professional role → 400 staffUserId', async () => {
      const { familyId } = await registerFamily(env, s);
      const admin = await buildStaffUser(env.database.db, s.municipality.id, {
        roles: ['org_admin'],
        password: false,
      });
      for (const staffUserId of ['00000000-0000-4000-8000-000000000000', admin.id]) {
        const res = await assign(s.sessions.healthVisitor, familyId, { staffUserId });
        expect(expectProblem(res, 400, 'validation').errors[0]?.path).toBe('staffUserId');
      }
    });

    it('once the NGO works with the family, its counsellor may coordinate', async () => {
      const { familyId } = await registerFamily(env, s);
      await addInvolvement(env.database.db, {
        familyId,
        familyOrgId: s.municipality.id,
        orgId: s.ngo.id,
        kind: 'consent',
        at: env.clock.now(),
      });
      const res = await assign(s.sessions.healthVisitor, familyId, { staffUserId: s.users.ngo.id });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as FamilyDetail).coordinator?.staff.organisation.id).toBe(s.ngo.id);
      // The coordinator's own caseload holds the family she coordinates.
      expect(ids(await myFamilies(s.sessions.ngo))).toContain(familyId);
    });
  });

  describe('forbidden', () => {
    it('an NGO counsellor calling assign → 403, audited as denied, nothing written', async () => {
      const { familyId } = await registerFamily(env, s);
      const before = await countSettingRows(env.database.db, s);
      const denied = (await deniedEventsOf(env.database.db, s.users.ngo.id)).length;
      const res = await assign(s.sessions.ngo, familyId, { staffUserId: s.users.ngo.id });
      expectProblem(res, 403, 'forbidden');
      const events = await deniedEventsOf(env.database.db, s.users.ngo.id);
      expect(events).toHaveLength(denied + 1);
      expect(events.at(-1)).toMatchObject({ entity_type: 'coordinator_assignment', family_id: familyId });
      expect(await countSettingRows(env.database.db, s)).toEqual(before);
    });

    it('the other district’s health visitor: not in her list, 403 on the family and on assigning', async () => {
      const { familyId } = await registerFamily(env, s);
      const other = s.sessions.otherHealthVisitor;
      expect(ids((await withoutCoordinator(other)).items)).not.toContain(familyId);
      const denied = (await deniedEventsOf(env.database.db, s.users.otherHealthVisitor.id)).length;
      expectProblem(await other.request('GET', `/api/families/${familyId}`), 403, 'forbidden');
      expectProblem(
        await assign(other, familyId, { staffUserId: s.users.otherHealthVisitor.id }),
        403,
        'forbidden',
      );
      const events = await deniedEventsOf(env.database.db, s.users.otherHealthVisitor.id);
      expect(events.slice(denied).map((e) => [e.entity_type, e.family_id])).toEqual([
        ['family', familyId],
        ['coordinator_assignment', familyId],
      ]);
    });

    it('a daycare educator may not list families without coordinator: 403, audited', async () => {
      const denied = (await deniedEventsOf(env.database.db, s.users.daycare.id)).length;
      expectProblem(
        await s.sessions.daycare.request('GET', '/api/families/without-coordinator'),
        403,
        'forbidden',
      );
      expect(await deniedEventsOf(env.database.db, s.users.daycare.id)).toHaveLength(denied + 1);
    });

    it('a parent may not use the staff lists or assign: 403, audited', async () => {
      const { familyId, motherId } = await registerFamily(env, s);
      const parent = await loginAsParent(env.app, env.database.db, motherId);
      const denied = (await deniedEventsOf(env.database.db, motherId)).length;
      expectProblem(await parent.request('GET', '/api/my/families'), 403, 'forbidden');
      expectProblem(await parent.request('GET', '/api/families/without-coordinator'), 403, 'forbidden');
      expectProblem(
        await assign(parent, familyId, { staffUserId: s.users.healthVisitor.id }),
        403,
        'forbidden',
      );
      expect(await deniedEventsOf(env.database.db, motherId)).toHaveLength(denied + 3);
    });
  });

  describe('bad input', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a staffUserId that is not a uuid', { staffUserId: 'sundhedsplejerske' }, 'staffUserId'],
      ['no staffUserId', { handoverNote: 'En lang nok overdragelse' }, 'staffUserId'],
      [
        'a handover note of a few letters',
        { staffUserId: '00000000-0000-4000-8000-000000000000', handoverNote: 'ok' },
        'handoverNote',
      ],
      ['an unknown field', { staffUserId: '00000000-0000-4000-8000-000000000000', role: 'lead' }, 'role'],
    ];
    let shared: ReturnType<typeof registerFamily> | undefined; // nothing is written: one family will do
    for (const [what, body, path] of cases) {
      it(`${what} → 400 ${path}, nothing written`, async () => {
        shared ??= registerFamily(env, s);
        const { familyId } = await shared;
        const before = await countSettingRows(env.database.db, s);
        const res = await assign(s.sessions.healthVisitor, familyId, body);
        expect(expectProblem(res, 400, 'validation').errors.map((e) => e.path)).toContain(path);
        expect(await countSettingRows(env.database.db, s)).toEqual(before);
      });
    }

    it('paging out of range → 400 limit / offset', async () => {
      const res = await s.sessions.healthVisitor.request(
        'GET',
        '/api/families/without-coordinator?limit=0&offset=-1',
      );
      expect(
        expectProblem(res, 400, 'validation')
          .errors.map((e) => e.path)
          .sort(),
      ).toEqual(['limit', 'offset']);
    });
  });

  describe('listCoordinatorCandidates', () => {
    it('lists the district’s health visitors first, never administrators; outsiders get 403', async () => {
      const { familyId } = await registerFamily(env, s);
      const res = await s.sessions.healthVisitor.request(
        'GET',
        `/api/families/${familyId}/coordinator-candidates`,
      );
      expect(res.statusCode).toBe(200);
      const list = res.json() as { id: string; inDistrict: boolean; roles: string[] }[];
      // Other tests in this file add health visitors to the same district: order among them is by name.
      const firstOutside = list.findIndex((c) => !c.inDistrict);
      expect(firstOutside).toBeGreaterThan(0);
      expect(list.slice(firstOutside).every((c) => !c.inDistrict)).toBe(true);
      expect(list.find((c) => c.id === s.users.healthVisitor.id)).toMatchObject({ inDistrict: true });
      expect(list.find((c) => c.id === s.users.otherHealthVisitor.id)).toMatchObject({ inDistrict: false });
      expect(list.map((c) => c.id)).toEqual(
        expect.arrayContaining([s.users.otherHealthVisitor.id, s.users.programmeLead.id]),
      );
      expect(
        list.every((c) => !c.roles.every((r) => ['analyst', 'org_admin', 'platform_admin'].includes(r))),
      ).toBe(true);
      expect(list.map((c) => c.id)).not.toContain(s.users.ngo.id);
      expectProblem(
        await s.sessions.ngo.request('GET', `/api/families/${familyId}/coordinator-candidates`),
        403,
        'forbidden',
      );
    });
  });
});
