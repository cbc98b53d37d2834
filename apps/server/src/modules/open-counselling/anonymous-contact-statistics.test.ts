import type { AnonymousContactStatistics, StatisticsOrganisation } from '@familiespor/contracts';
import type { Insertable } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditOfRequest, deniedEventsOf } from '../../../test/care-setting';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem } from '../../../test/http';
import { buildOpenCounsellingSetting, type OpenCounsellingSetting } from '../../../test/open-counselling';
import type { AnonymousContactTable } from '../../db/schema';
import { inScope } from '../../db/scope';

type Row = Insertable<AnonymousContactTable>;

/**
 * 26 conversations in September–November 2026 (the test clock stands on 23 November), made so
 * the expected suppression can be worked out by hand — see the test.
 */
function conversations(orgId: string): Row[] {
  const base = { org_id: orgId, duration_minutes: 30, child_age_band: 'under_1', note: null };
  const rows: Row[] = [];
  for (let i = 0; i < 12; i++)
    rows.push({
      ...base,
      contact_date: '2026-09-09',
      topics: i < 10 ? ['finances', ...(i < 3 ? ['divorce'] : [])] : ['housing'],
      channel: i < 3 ? 'phone' : 'walk_in',
      who: i < 3 ? 'father' : 'mother',
      child_age_band: i < 4 ? 'expecting' : 'under_1',
      outcomes: ['advice', ...(i < 2 ? ['pointed_to_offer'] : [])],
    });
  for (let i = 0; i < 8; i++)
    rows.push({
      ...base,
      contact_date: '2026-10-14',
      topics: ['child_wellbeing', ...(i < 6 ? ['finances'] : [])],
      channel: 'walk_in',
      who: 'mother',
      outcomes: ['advice'],
    });
  for (let i = 0; i < 6; i++)
    rows.push({
      ...base,
      contact_date: '2026-11-04',
      topics: ['finances', ...(i === 0 ? ['co_parenting'] : [])],
      channel: i === 0 ? 'chat' : 'walk_in',
      who: i < 3 ? 'father' : 'mother',
      outcomes: ['advice'],
    });
  // Outside the period: the day before it starts.
  rows.push({
    ...base,
    contact_date: '2026-08-31',
    topics: ['relationship'],
    channel: 'phone',
    who: 'other',
    outcomes: ['advice'],
  });
  return rows;
}

describeEachDatabase('open counselling: getAnonymousContactStatistics', (kind) => {
  let env: TestEnv;
  let s: OpenCounsellingSetting;
  const period = 'from=2026-09&to=2026-11';

  beforeAll(async () => {
    env = await startTestApp(kind);
    s = await buildOpenCounsellingSetting(env);
    await inScope(env.database.db, { kind: 'system' }, (tx) =>
      tx.insertInto('anonymous_contact').values(conversations(s.ngo.id)).execute(),
    );
  });
  afterAll(() => env?.close());

  const statistics = (session = s.sessions.ngo, query = period) =>
    session.request('GET', `/api/open-counselling/statistics?${query}`);

  it('counts topics by month and hides every count of 1–4, and the cells that would give one away', async () => {
    const res = await statistics();
    expect(res.statusCode).toBe(200);
    const st = res.json() as AnonymousContactStatistics;
    expect(st.months).toEqual(['2026-09', '2026-10', '2026-11']);
    const row = (topic: string) => st.topicsByMonth.rows.find((r) => r.topic === topic);
    // divorce 3 / housing 2 / co-parenting 1: small, with their (small) totals.
    expect(row('divorce')).toEqual({ topic: 'divorce', counts: [null, 0, 0], total: null });
    expect(row('housing')).toEqual({ topic: 'housing', counts: [null, 0, 0], total: null });
    expect(row('co_parenting')).toEqual({ topic: 'co_parenting', counts: [0, 0, null], total: null });
    // November shows its total (6 contacts) with co-parenting hidden: finances' 6 goes too. That
    // leaves finances' row with one hidden cell: October's 6 goes. That leaves October's column
    // with one: child well-being's 8 goes, and its row has no other non-zero cell: its total goes.
    expect(row('finances')).toEqual({ topic: 'finances', counts: [10, null, null], total: 22 });
    expect(row('child_wellbeing')).toEqual({ topic: 'child_wellbeing', counts: [0, null, 0], total: null });
    expect(row('relationship')).toEqual({ topic: 'relationship', counts: [0, 0, 0], total: 0 });
    expect(st.topicsByMonth.contacts).toEqual([12, 8, 6]);
    expect(st.topicsByMonth.contactsTotal).toBe(26);
    const items = (d: { items: { key: string; count: number | null }[] }) =>
      Object.fromEntries(d.items.map((i) => [i.key, i.count]));
    expect(items(st.byChannel)).toEqual({ walk_in: 22, phone: null, chat: null });
    expect(items(st.byWho)).toEqual({ pregnant: 0, mother: 20, father: 6, other: 0 });
    // One small age band (4 expecting): the next-smallest, 22, is hidden with it.
    expect(items(st.byChildAgeBand)).toMatchObject({ expecting: null, under_1: null, no_child: 0 });
    expect(items(st.byOutcome)).toEqual({ advice: null, pointed_to_offer: null, follow_up_booked: 0 });
    expect(st.byOutcome.total).toBe(26);
    expect(st.threshold).toBe(5);
    expect(st.hiddenCells).toBe(16); // 10 in the topics (cells and totals), 2 each by channel, age, outcome
    // The raw small counts never leave the server.
    expect(res.body).not.toMatch(/"suppressed"|"count":[1-4][,}]/);
  });

  it('gives the partner municipality’s programme lead and analyst the same figures, audited', async () => {
    const own = (await statistics()).json() as AnonymousContactStatistics;
    for (const session of [s.sessions.programmeLead, s.more.municipalAnalyst]) {
      const res = await statistics(session, `${period}&orgId=${s.ngo.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(own);
      const [event] = await auditOfRequest(env.database.db, res);
      expect(event).toMatchObject({
        action: 'read',
        entity_type: 'anonymous_contact_statistics',
        data_org_id: s.ngo.id,
        purpose: 'statistics',
      });
    }
    const orgs = (
      await s.sessions.programmeLead.request('GET', '/api/open-counselling/statistics/organisations')
    ).json() as StatisticsOrganisation[];
    expect(orgs).toEqual([{ id: s.ngo.id, name: s.ngo.name, relation: 'partner' }]);
    const mine = (
      await s.sessions.ngo.request('GET', '/api/open-counselling/statistics/organisations')
    ).json() as StatisticsOrganisation[];
    expect(mine).toEqual([{ id: s.ngo.id, name: s.ngo.name, relation: 'own' }]);
    expect((await statistics(s.more.ngoAnalyst)).statusCode).toBe(200);
    expect((await statistics(s.more.ngoLead)).statusCode).toBe(200);
  });

  it('refuses an unrelated municipality, other roles and parents (403, audited as denied)', async () => {
    const cases = [
      [s.more.otherLead, s.users2.otherLead.id],
      [s.more.otherHealthVisitor, s.users2.otherHealthVisitor.id],
      [s.sessions.healthVisitor, s.users.healthVisitor.id], // the partner municipality, but not its lead
    ] as const;
    for (const [session, actorId] of cases) {
      expectProblem(await statistics(session, `${period}&orgId=${s.ngo.id}`), 403, 'forbidden');
      expect((await deniedEventsOf(env.database.db, actorId)).at(-1)).toMatchObject({
        entity_type: 'anonymous_contact_statistics',
        data_org_id: s.ngo.id,
      });
    }
    expectProblem(await statistics(s.sessions.healthVisitor), 403, 'forbidden'); // own org, not a reader
    expectProblem(await statistics(s.parent, `${period}&orgId=${s.ngo.id}`), 403, 'forbidden');
    expect(
      (await s.more.otherLead.request('GET', '/api/open-counselling/statistics/organisations')).json(),
    ).toEqual([]);
  });

  it('closes the figures to the municipality when the partnership ends', async () => {
    const setActive = (active: boolean) =>
      inScope(env.database.db, { kind: 'system' }, (tx) =>
        tx
          .updateTable('partnership')
          .set({ active })
          .where('municipality_org_id', '=', s.municipality.id)
          .where('partner_org_id', '=', s.ngo.id)
          .execute(),
      );
    await setActive(false);
    try {
      expectProblem(
        await statistics(s.sessions.programmeLead, `${period}&orgId=${s.ngo.id}`),
        403,
        'forbidden',
      );
    } finally {
      await setActive(true);
    }
  });

  it('refuses a period that ends before it starts, is longer than 24 months or is no month', async () => {
    const codes = async (query: string) =>
      expectProblem(await statistics(s.sessions.ngo, query), 400, 'validation').errors.map(
        (e) => `${e.path}:${e.code}`,
      );
    expect(await codes('from=2026-11&to=2026-09')).toEqual(['from:after_to']);
    expect(await codes('from=2024-01&to=2026-11')).toEqual(['from:too_long']);
    expect(await codes('from=2026-13')).toEqual(['from:invalid_format']);
    expect(await codes('orgId=nope')).toEqual(['orgId:invalid_format']);
  });
});
