import type { VisitProgramme } from '@familiespor/contracts';
import { addMonths, defaultVisitProgramme } from '@familiespor/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  dayOnClock,
  deniedEventsOf,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { epdsAnswers, familyWithNewborn, visitsOf } from '../../../test/health-visiting';
import { expectProblem } from '../../../test/http';

const month18 = {
  key: 'month18',
  name: 'Besøg ved 18 måneder',
  window: { from: 'birth_months', startMonths: 18, endMonths: 18 },
  target: 'all',
  kind: 'extended',
};

describeEachDatabase('getVisitProgramme and updateVisitProgramme', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const programme = async () => {
    const res = await s.sessions.healthVisitor.request('GET', '/api/visit-programme');
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as VisitProgramme;
  };

  it('a municipality without its own programme gets the statutory default and cut-offs 11 and 10', async () => {
    expect(await programme()).toEqual({
      organisation: { id: s.municipality.id, name: s.municipality.name },
      visitTypes: defaultVisitProgramme,
      epdsCutoffs: { mother: 11, father: 10 },
      isDefault: true,
      updatedAt: null,
    });
    // Any staff member may read a municipality's programme; a region has none.
    const other = await s.sessions.midwife.request('GET', `/api/visit-programme?orgId=${s.municipality.id}`);
    expect(other.statusCode, other.body).toBe(200);
    expectProblem(await s.sessions.midwife.request('GET', '/api/visit-programme'), 404, 'not_found');
  });

  it('a health visitor may not change the programme → 403, audited, nothing written', async () => {
    const res = await s.sessions.healthVisitor.request('PUT', '/api/visit-programme', {
      visitTypes: [...defaultVisitProgramme, month18],
    });
    expectProblem(res, 403, 'forbidden');
    expect((await deniedEventsOf(env.database.db, s.users.healthVisitor.id)).at(-1)).toMatchObject({
      entity_type: 'visit_programme',
      detail: expect.objectContaining({ attempted: 'update' }),
    });
    expect((await programme()).isDefault).toBe(true);
  });

  it('a window backwards, a duplicate key or a visit after the third birthday → 400 per visit type, nothing written', async () => {
    const res = await s.sessions.programmeLead.request('PUT', '/api/visit-programme', {
      visitTypes: [
        ...defaultVisitProgramme,
        { ...month18, window: { from: 'birth', startDays: 30, endDays: 20 } },
        { ...month18, key: 'week1' },
        { ...month18, key: 'month40', window: { from: 'birth_months', startMonths: 38, endMonths: 40 } },
      ],
      epdsCutoffs: { mother: 13, father: 12 },
    });
    const n = defaultVisitProgramme.length;
    expect(expectProblem(res, 400, 'validation').errors.map((e) => `${e.path}:${e.code}`)).toEqual([
      `visitTypes.${n}.window:window_order`,
      `visitTypes.${n + 1}.key:duplicate_key`,
      `visitTypes.${n + 2}.window:after_third_birthday`,
    ]);
    const unknownTarget = await s.sessions.programmeLead.request('PUT', '/api/visit-programme', {
      visitTypes: [{ ...month18, target: 'everyone' }],
    });
    expect(expectProblem(unknownTarget, 400).errors.map((e) => e.path)).toEqual(['visitTypes.0.target']);
    expect(await programme()).toMatchObject({ isDefault: true, epdsCutoffs: { mother: 11, father: 10 } });
  });

  it('the programme lead adds a visit at 18 months and sets cut-offs; children born from now on get it', async () => {
    const res = await s.sessions.programmeLead.request('PUT', '/api/visit-programme', {
      visitTypes: [...defaultVisitProgramme, month18],
      epdsCutoffs: { mother: 12, father: 11 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      visitTypes: [...defaultVisitProgramme, month18],
      epdsCutoffs: { mother: 12, father: 11 },
      isDefault: false,
      updatedAt: env.clock.now().toISOString(),
    });
    expect(await auditOfRequest(env.database.db, res)).toEqual([
      expect.objectContaining({
        action: 'update',
        entity_type: 'visit_programme',
        entity_id: s.municipality.id,
      }),
    ]);
    const f = await familyWithNewborn(env, s, { daysAgo: 1 });
    const visits = await visitsOf(s.sessions.healthVisitor, f.familyId);
    // The municipality's own EPDS cut-off applies: 11 is below the mother's cut-off of 12 here.
    const epds = await s.sessions.healthVisitor.request('POST', '/api/screenings', {
      familyId: f.familyId,
      instrument: 'epds',
      respondentPersonId: f.motherId,
      childPersonId: f.childId,
      answers: epdsAnswers(11),
      observedOn: dayOnClock(env),
    });
    expect(epds.json()).toMatchObject({ total: 11, cutoff: 12, band: 'below_cutoff', followUpTasks: [] });
    expect(visits.at(-1)).toMatchObject({
      key: 'month18',
      kind: 'extended',
      window: { start: addMonths(f.born, 18) },
    });
  });
});
