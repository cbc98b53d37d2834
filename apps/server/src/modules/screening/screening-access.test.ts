import type { Screening, TimelineEntry } from '@familiespor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  dayOnClock,
  deniedEventsOf,
  registerFamily,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { epdsAnswers, familyWithNewborn } from '../../../test/health-visiting';
import { expectProblem, type Session } from '../../../test/http';

describeEachDatabase('getScreening and listFamilyScreenings: a sensitive category of its own', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  type Newborn = Awaited<ReturnType<typeof familyWithNewborn>>;
  const screen = (body: Record<string, unknown>, session: Session = s.sessions.healthVisitor) =>
    session.request('POST', '/api/screenings', body);
  const epds = (f: Newborn, answers: number[], extra: Record<string, unknown> = {}) => ({
    familyId: f.familyId,
    instrument: 'epds',
    respondentPersonId: f.motherId,
    childPersonId: f.childId,
    answers,
    observedOn: dayOnClock(env),
    ...extra,
  });
  const lastDenied = async (actorId: string) => (await deniedEventsOf(env.database.db, actorId)).at(-1);

  describe('who may read a screening', () => {
    it('the health visitor reads it; an NGO counsellor and a midwife (postnatal screening) get 403, audited', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 60 });
      const { id } = (await screen(epds(f, epdsAnswers(6)))).json() as Screening;
      const ok = await s.sessions.healthVisitor.request('GET', `/api/screenings/${id}`);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ id, total: 6, answers: epdsAnswers(6) });
      expect(await auditOfRequest(env.database.db, ok)).toEqual([
        expect.objectContaining({
          action: 'read',
          entity_type: 'screening',
          entity_id: id,
          basis: 'own_org',
        }),
      ]);

      for (const [session, user] of [
        [s.sessions.ngo, s.users.ngo],
        [s.sessions.midwife, s.users.midwife],
      ] as const) {
        expectProblem(await session.request('GET', `/api/screenings/${id}`), 403, 'forbidden');
        expect(await lastDenied(user.id)).toMatchObject({
          entity_type: 'screening',
          entity_id: id,
          family_id: f.familyId,
          data_org_id: s.municipality.id,
          detail: expect.objectContaining({ attempted: 'read' }),
        });
      }
    });

    it('a midwife records and reads an EPDS in the pregnancy; she may not record one after the birth', async () => {
      const expecting = await registerFamily(env, s, { dueInDays: 70 });
      const res = await screen(
        {
          familyId: expecting.familyId,
          instrument: 'epds',
          respondentPersonId: expecting.motherId,
          answers: epdsAnswers(8),
          observedOn: dayOnClock(env),
        },
        s.sessions.midwife,
      );
      expect(res.statusCode, res.body).toBe(201);
      const pregnancyScreening = res.json() as Screening;
      expect(pregnancyScreening).toMatchObject({ inPregnancy: true, childPersonId: null, total: 8 });
      const read = await s.sessions.midwife.request('GET', `/api/screenings/${pregnancyScreening.id}`);
      expect(read.statusCode, read.body).toBe(200);

      const f = await familyWithNewborn(env, s, { daysAgo: 30 });
      expectProblem(await screen(epds(f, epdsAnswers(2)), s.sessions.midwife), 403, 'forbidden');
    });

    it('the screening shows in the health visitor’s family timeline with its band, never its answers', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 60 });
      const { id } = (await screen(epds(f, epdsAnswers(12)))).json() as Screening;
      const res = await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}/timeline`);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as { entries: TimelineEntry[] }).entries).toContainEqual(
        expect.objectContaining({
          id: `screening:${id}`,
          kind: 'screening_epds',
          category: 'screening',
          date: dayOnClock(env),
          params: expect.objectContaining({ band: 'at_or_above_cutoff', respondentRole: 'mother' }),
        }),
      );
      expect(res.body).not.toContain('answers');
    });
  });

  describe('listFamilyScreenings', () => {
    it('the health visitor lists the family’s screenings newest first, audited; NGO counsellor and midwife → 403', async () => {
      const f = await familyWithNewborn(env, s, { daysAgo: 70 });
      const older = (
        await screen(epds(f, epdsAnswers(3), { observedOn: dayOnClock(env, -10) }))
      ).json() as Screening;
      const newer = (
        await screen(epds(f, epdsAnswers(5), { respondentPersonId: f.partnerId }))
      ).json() as Screening;
      const res = await s.sessions.healthVisitor.request('GET', `/api/families/${f.familyId}/screenings`);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as Screening[]).map((x) => [x.id, x.total])).toEqual([
        [newer.id, 5],
        [older.id, 3],
      ]);
      expect(await auditOfRequest(env.database.db, res)).toEqual([
        expect.objectContaining({
          action: 'read',
          entity_type: 'screening',
          family_id: f.familyId,
          data_org_id: s.municipality.id,
          basis: 'own_org',
          detail: { screenings: 2 },
        }),
      ]);
      for (const [session, user] of [
        [s.sessions.ngo, s.users.ngo],
        [s.sessions.midwife, s.users.midwife],
      ] as const) {
        expectProblem(
          await session.request('GET', `/api/families/${f.familyId}/screenings`),
          403,
          'forbidden',
        );
        expect(await lastDenied(user.id)).toMatchObject({ entity_type: 'screening', family_id: f.familyId });
      }
    });

    it('the midwife’s EPDS in the pregnancy is the region’s record: not in the health visitor’s list without consent', async () => {
      const expecting = await registerFamily(env, s, { dueInDays: 60 });
      const midwife = await screen(
        {
          familyId: expecting.familyId,
          instrument: 'epds',
          respondentPersonId: expecting.motherId,
          answers: epdsAnswers(4),
          observedOn: dayOnClock(env),
        },
        s.sessions.midwife,
      );
      expect(midwife.statusCode, midwife.body).toBe(201);
      const res = await s.sessions.healthVisitor.request(
        'GET',
        `/api/families/${expecting.familyId}/screenings`,
      );
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual([]);
    });
  });
});
