import type { TimelineEntry } from '@familiespor/contracts';
import { addDays, addMonths } from '@familiespor/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addInvolvement,
  auditOfRequest,
  buildCareSetting,
  type CareSetting,
  dayOnClock,
  deniedEventsOf,
  loginAsParent,
  registerFamily,
} from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, type Session } from '../../../test/http';

type Timeline = { familyId: string; stage: Record<string, unknown>; entries: TimelineEntry[] };
const pregnancyKinds = ['pregnancy_registered', 'pregnancy_week_16', 'pregnancy_week_26', 'due_date'];

describeEachDatabase('getFamilyTimeline and getMyFamilyTimeline: the red thread', (kind) => {
  let env: TestEnv;
  let s: CareSetting;

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildCareSetting(env.app, env.database.db);
  });
  afterAll(() => env?.close());

  const timeline = async (session: Session, familyId: string, query = '') => {
    const res = await session.request('GET', `/api/families/${familyId}/timeline${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Timeline;
  };
  const byKind = (t: Timeline, k: string) => t.entries.filter((e) => e.kind === k);
  const kinds = (t: Timeline) => t.entries.map((e) => e.kind);
  const assignHv = async (familyId: string) => {
    const res = await s.sessions.healthVisitor.request('PUT', `/api/families/${familyId}/coordinator`, {
      staffUserId: s.users.healthVisitor.id,
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  /** A family due in 10 days whose child was born yesterday at 14:32, registered by the health visitor. */
  const bornFamily = async () => {
    const f = await registerFamily(env, s, { dueInDays: 10 });
    await assignHv(f.familyId);
    const res = await s.sessions.healthVisitor.request('POST', `/api/families/${f.familyId}/births`, {
      child: { sex: 'female' },
      birthTime: `${dayOnClock(env, -1)}T14:32:00+01:00`,
    });
    expect(res.statusCode, res.body).toBe(201);
    return f;
  };

  it('the health visitor (with consent) sees the pregnancy milestones computed from the due date', async () => {
    const { familyId, body } = await registerFamily(env, s); // due in 16 weeks: week 24 today
    const t = await timeline(s.sessions.healthVisitor, familyId);
    const due = body.dueDate;
    const start = addDays(due, -280);
    const milestones = t.entries
      .filter((e) => pregnancyKinds.includes(e.kind))
      .map((e) => [e.kind, e.date, e.status, e.category, e.organisation.id]);
    expect(milestones).toEqual([
      ['pregnancy_week_16', addDays(start, 112), 'done', 'pregnancy', s.region.id],
      ['pregnancy_registered', dayOnClock(env), 'done', 'pregnancy', s.region.id],
      ['pregnancy_week_26', addDays(start, 182), 'upcoming', 'pregnancy', s.region.id],
      ['due_date', due, 'upcoming', 'pregnancy', s.region.id],
    ]);
    expect(addDays(start, 112)).toBe(dayOnClock(env, -56));
    expect(t.stage).toMatchObject({ kind: 'pregnancy', week: 24, day: 0, dueDate: due });
    expect(kinds(t)).not.toContain('coordinator_assigned');

    const audit = await auditOfRequest(
      env.database.db,
      await s.sessions.healthVisitor.request('GET', `/api/families/${familyId}/timeline`),
    );
    const pregnancyRead = audit.find((e) => (e.detail as { category?: string })?.category === 'pregnancy');
    expect(pregnancyRead).toMatchObject({
      entity_type: 'family_timeline',
      basis: 'consent',
      data_org_id: s.region.id,
      consent_id: expect.any(String),
    });

    await assignHv(familyId);
    const after = await timeline(s.sessions.healthVisitor, familyId);
    expect(byKind(after, 'coordinator_assigned')).toEqual([
      expect.objectContaining({
        date: dayOnClock(env),
        status: 'done',
        category: 'identity',
        organisation: { id: s.municipality.id, name: s.municipality.name },
      }),
    ]);
  });

  it('after the birth: a birth entry and kindergarten at 2 years 10 months; the due date is gone', async () => {
    const { familyId } = await bornFamily();
    const t = await timeline(s.sessions.healthVisitor, familyId);
    const born = dayOnClock(env, -1);
    expect(byKind(t, 'birth')).toEqual([
      expect.objectContaining({
        date: born,
        status: 'done',
        category: 'identity',
        params: expect.objectContaining({ childName: 'Pige' }),
      }),
    ]);
    expect(byKind(t, 'kindergarten_start')).toEqual([
      expect.objectContaining({ date: addMonths(born, 34), status: 'upcoming', category: 'identity' }),
    ]);
    expect(addMonths(born, 34)).toBe(addMonths(addMonths(born, 24), 10));
    expect(kinds(t)).not.toContain('due_date');
    expect(kinds(t)).toEqual(
      expect.arrayContaining(['pregnancy_week_16', 'pregnancy_week_26', 'coordinator_assigned']),
    );
    expect(t.stage).toMatchObject({ kind: 'child', birthDate: born });
  });

  it('the midwife sees the pregnancy entries of her region', async () => {
    const { familyId } = await registerFamily(env, s);
    const t = await timeline(s.sessions.midwife, familyId);
    expect(
      kinds(t)
        .filter((k) => pregnancyKinds.includes(k))
        .sort(),
    ).toEqual([...pregnancyKinds].sort());
  });

  it('from/to keep the entries within the range', async () => {
    const { familyId, body } = await registerFamily(env, s);
    // The health visitors' task to plan the pregnancy visit has a window from today: in every range.
    const from = await timeline(s.sessions.healthVisitor, familyId, `?from=${dayOnClock(env, 1)}`);
    expect(kinds(from)).toEqual(['task_plan_pregnancy_visit', 'pregnancy_week_26', 'due_date']);
    const to = await timeline(s.sessions.healthVisitor, familyId, `?to=${dayOnClock(env)}`);
    // The consent given at the registration (step 6) is an entry of today too.
    expect(kinds(to)).toEqual([
      'pregnancy_week_16',
      'consent_granted',
      'pregnancy_registered',
      'task_plan_pregnancy_visit',
    ]);
    const both = await timeline(
      s.sessions.healthVisitor,
      familyId,
      `?from=${dayOnClock(env, 1)}&to=${addDays(body.dueDate, -1)}`,
    );
    expect(kinds(both)).toEqual(['task_plan_pregnancy_visit', 'pregnancy_week_26']);
  });

  describe('NGO counsellors', () => {
    it('without an involvement: 403 and a denied audit event', async () => {
      const { familyId } = await registerFamily(env, s);
      const denied = (await deniedEventsOf(env.database.db, s.users.ngo.id)).length;
      const res = await s.sessions.ngo.request('GET', `/api/families/${familyId}/timeline`);
      expectProblem(res, 403, 'forbidden');
      const events = await deniedEventsOf(env.database.db, s.users.ngo.id);
      expect(events).toHaveLength(denied + 1);
      expect(events.at(-1)).toMatchObject({ entity_type: 'family_timeline', family_id: familyId });
    });

    it('with an involvement: who the family is (coordinator, birth), never the pregnancy', async () => {
      const { familyId } = await bornFamily();
      await addInvolvement(env.database.db, {
        familyId,
        familyOrgId: s.municipality.id,
        orgId: s.ngo.id,
        kind: 'consent',
        at: env.clock.now(),
      });
      const t = await timeline(s.sessions.ngo, familyId);
      expect(kinds(t)).toEqual(expect.arrayContaining(['coordinator_assigned', 'birth']));
      expect(t.entries.filter((e) => e.category === 'pregnancy')).toEqual([]);
      expect(kinds(t).filter((k) => k.startsWith('pregnancy') || k === 'due_date')).toEqual([]);
    });
  });

  describe('the parent’s own timeline', () => {
    it('shows the stage, the timeline, and the team with the coordinator first and the district', async () => {
      const { familyId, motherId, body } = await registerFamily(env, s);
      await assignHv(familyId);
      const parent = await loginAsParent(env.app, env.database.db, motherId);
      const res = await parent.request('GET', '/api/portal/timeline');
      expect(res.statusCode, res.body).toBe(200);
      const mine = res.json() as Timeline & {
        team: { role: string; name: string | null; unit: { id: string } | null; phone: string | null }[];
        children: unknown[];
      };
      expect(mine.familyId).toBe(familyId);
      expect(mine.stage).toMatchObject({ kind: 'pregnancy', week: 24, dueDate: body.dueDate });
      expect(mine.entries.map((e) => e.kind)).toEqual(
        expect.arrayContaining([...pregnancyKinds, 'coordinator_assigned']),
      );
      expect(mine.team[0]).toMatchObject({ role: 'coordinator', name: expect.stringMatching(/Medarbejder/) });
      expect(mine.team).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            role: 'health_visiting',
            unit: expect.objectContaining({ id: s.units.district.id }),
          }),
        ]),
      );
      expect(mine.children).toEqual([]);
      // Both parents, so either can sign the other up for an offer.
      const partner = (body.partner ?? {}) as { givenName?: string; familyName?: string };
      expect((mine as unknown as { parents: unknown[] }).parents).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ personId: motherId, role: 'mother' }),
          expect.objectContaining({ name: `${partner.givenName} ${partner.familyName}` }),
        ]),
      );
      expect((mine as unknown as { parents: unknown[] }).parents).toHaveLength(2);
      const audit = await auditOfRequest(env.database.db, res);
      expect(audit.length).toBeGreaterThan(0);
      for (const e of audit)
        expect(e).toMatchObject({ actor_kind: 'parent', actor_id: motherId, basis: 'self' });
    });

    it('after the birth the parent sees the child and the district’s health visiting in the team', async () => {
      const { motherId } = await bornFamily();
      const parent = await loginAsParent(env.app, env.database.db, motherId);
      const res = await parent.request('GET', '/api/portal/timeline');
      expect(res.statusCode, res.body).toBe(200);
      const mine = res.json();
      expect(mine.children).toEqual([{ givenName: 'Pige', birthDate: dayOnClock(env, -1) }]);
      expect(mine.team.map((m: { role: string }) => m.role)).toEqual(['coordinator', 'health_visiting']);
    });

    it('a parent asking for another family’s timeline → 403, audited', async () => {
      const mine = await registerFamily(env, s);
      const theirs = await registerFamily(env, s);
      const parent = await loginAsParent(env.app, env.database.db, mine.motherId);
      const denied = (await deniedEventsOf(env.database.db, mine.motherId)).length;
      expectProblem(
        await parent.request('GET', `/api/portal/timeline?familyId=${theirs.familyId}`),
        403,
        'forbidden',
      );
      expect(await deniedEventsOf(env.database.db, mine.motherId)).toHaveLength(denied + 1);
    });

    it('a parent calling the staff API for her own family → 403, audited', async () => {
      const { familyId, motherId } = await registerFamily(env, s);
      const parent = await loginAsParent(env.app, env.database.db, motherId);
      const denied = (await deniedEventsOf(env.database.db, motherId)).length;
      expectProblem(await parent.request('GET', `/api/families/${familyId}`), 403, 'forbidden');
      expectProblem(await parent.request('GET', `/api/families/${familyId}/timeline`), 403, 'forbidden');
      expect(await deniedEventsOf(env.database.db, motherId)).toHaveLength(denied + 2);
    });

    it('staff calling the portal → 403, audited', async () => {
      const denied = (await deniedEventsOf(env.database.db, s.users.healthVisitor.id)).length;
      expectProblem(await s.sessions.healthVisitor.request('GET', '/api/portal/timeline'), 403, 'forbidden');
      expect(await deniedEventsOf(env.database.db, s.users.healthVisitor.id)).toHaveLength(denied + 1);
    });
  });

  describe('bad input → 400 naming the parameter', () => {
    const cases: [string, string][] = [
      ['?from=i-går', 'from'],
      ['?to=2026-1-1', 'to'],
      ['?page=2', 'page'],
    ];
    for (const [query, path] of cases) {
      it(`${query} → ${path}`, async () => {
        const familyId = '00000000-0000-4000-8000-000000000000'; // the query is refused before any lookup
        const res = await s.sessions.healthVisitor.request(
          'GET',
          `/api/families/${familyId}/timeline${query}`,
        );
        expect(expectProblem(res, 400, 'validation').errors.map((e) => e.path)).toContain(path);
      });
    }

    it('a family id that is not a uuid → 400 familyId (staff and portal)', async () => {
      const staff = await s.sessions.healthVisitor.request('GET', '/api/families/abc/timeline');
      expect(expectProblem(staff, 400, 'validation').errors.map((e) => e.path)).toContain('familyId');
      const { motherId } = await registerFamily(env, s);
      const parent = await loginAsParent(env.app, env.database.db, motherId);
      const portal = await parent.request('GET', '/api/portal/timeline?familyId=abc');
      expect(expectProblem(portal, 400, 'validation').errors.map((e) => e.path)).toContain('familyId');
    });
  });
});
