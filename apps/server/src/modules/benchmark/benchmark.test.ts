import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deniedEventsOf } from '../../../test/care-setting';
import { buildOrganisation, buildStaffUser } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, login, type Session } from '../../../test/http';
import { inScope } from '../../db/scope';

type Row = {
  orgId: string;
  own: boolean;
  numerator: number | null;
  denominator: number | null;
  sharedFrom: string | null;
};

describeEachDatabase('shareBenchmark / getBenchmark: the municipalities side by side', (kind) => {
  let env: TestEnv;
  const orgs: Record<'a' | 'b' | 'c', { id: string }> = {} as never;
  const leads: Record<'a' | 'b' | 'c', Session> = {} as never;
  let analystA: Session;
  let healthVisitorA: { id: string; session: Session };
  let regionLead: { id: string; session: Session };

  const system = <T>(fn: Parameters<typeof inScope<T>>[2]) =>
    inScope(env.database.db, { kind: 'system' }, fn);
  /** Pre-aggregated readmission cells as the refresh would write them. */
  const cells = (orgId: string, months: Record<string, [number, number]>) =>
    system((tx) =>
      tx
        .insertInto('indicator_cell')
        .values(
          Object.entries(months).map(([month, [numerator, denominator]]) => ({
            org_id: orgId,
            indicator: 'readmissions',
            month: `${month}-01`,
            dimension: 'total',
            value: '',
            numerator,
            denominator,
            refreshed_at: new Date(),
          })),
        )
        .execute(),
    );
  const share = (s: Session, body: Record<string, unknown>) =>
    s.request('PUT', '/api/benchmark/shares', body);
  const bench = (s: Session, from = '2026-01', to = '2026-03', indicator = 'readmissions') =>
    s.request('GET', `/api/benchmark?indicator=${indicator}&from=${from}&to=${to}`);
  const rowsOf = async (s: Session) => {
    const res = await bench(s);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { rows: Row[]; others: { numerator: number | null; denominator: number | null } };
  };
  const shareRows = () =>
    system((tx) =>
      tx
        .selectFrom('benchmark_share')
        .selectAll()
        .where(
          'org_id',
          'in',
          Object.values(orgs).map((o) => o.id),
        )
        .execute(),
    );

  beforeAll(async () => {
    env = await startTestApp(kind);
    const db = env.database.db;
    // PostgreSQL is shared between runs: earlier runs' shares would join the table.
    await system((tx) =>
      tx
        .updateTable('benchmark_share')
        .set({ stopped_at: new Date(), stopped_by: sql`started_by` })
        .where('stopped_at', 'is', null)
        .where('indicator', '=', 'readmissions')
        .execute(),
    );
    for (const k of ['a', 'b', 'c'] as const) {
      orgs[k] = await buildOrganisation(db);
      const u = await buildStaffUser(db, orgs[k].id, { roles: ['programme_lead'] });
      leads[k] = await login(env.app, u.email, u.password);
    }
    const an = await buildStaffUser(db, orgs.a.id, { roles: ['analyst'] });
    analystA = await login(env.app, an.email, an.password);
    const hv = await buildStaffUser(db, orgs.a.id, { roles: ['health_visitor'] });
    healthVisitorA = { id: hv.id, session: await login(env.app, hv.email, hv.password) };
    const region = await buildOrganisation(db, { kind: 'region' });
    const rl = await buildStaffUser(db, region.id, { roles: ['programme_lead'] });
    regionLead = { id: rl.id, session: await login(env.app, rl.email, rl.password) };
    await cells(orgs.a.id, { '2026-01': [4, 15], '2026-02': [4, 12], '2026-03': [4, 13] }); // 12 of 40
    await cells(orgs.b.id, { '2026-01': [9, 20], '2026-02': [1, 14], '2026-03': [2, 16] }); // from Feb: 3 of 30
    await cells(orgs.c.id, { '2026-01': [3, 20], '2026-02': [3, 15], '2026-03': [4, 15] }); // 10 of 50
  });
  afterAll(() => env?.close());

  it('shares from a month; the settings list what is shared', async () => {
    const a = await share(leads.a, { indicator: 'readmissions', share: true, from: '2026-01' });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject([{ indicator: 'readmissions', sharedFrom: '2026-01' }]);
    const b = await share(leads.b, { indicator: 'readmissions', share: true, from: '2026-02' });
    expect(b.statusCode, b.body).toBe(200);
    const listed = await analystA.request('GET', '/api/benchmark/shares');
    expect(listed.json()).toMatchObject([{ indicator: 'readmissions', sharedFrom: '2026-01' }]);
  });

  it('a municipality that does not share is not shown, and its figures are never in another’s answer', async () => {
    const seen = await rowsOf(leads.a);
    expect(seen.rows.map((r) => r.orgId).sort()).toEqual([orgs.a.id, orgs.b.id].sort());
    expect(JSON.stringify(seen)).not.toContain(orgs.c.id);
    // The analyst sees the same aggregates.
    expect((await rowsOf(analystA)).rows.map((r) => r.orgId).sort()).toEqual([orgs.a.id, orgs.b.id].sort());
  });

  it('shows the viewer’s own figures as they are, and hides the others’ small counts with a complement', async () => {
    const seen = await rowsOf(leads.c); // C does not share, but compares itself with A and B
    const by = (id: string) => seen.rows.find((r) => r.orgId === id) as Row;
    expect(by(orgs.c.id)).toMatchObject({ own: true, numerator: 10, denominator: 50, sharedFrom: null });
    // B shares from February: 3 of 30. 3 is hidden, and so is A's 12 in the same column, since
    // the others' total (15) minus A's would give B's back.
    expect(by(orgs.b.id)).toMatchObject({
      numerator: null,
      denominator: 30,
      sharedFrom: '2026-02',
      suppressed: true,
    });
    expect(by(orgs.a.id)).toMatchObject({ numerator: null, denominator: 40, suppressed: true });
    expect(seen.others).toMatchObject({ numerator: 15, denominator: 70 });
  });

  it('with one other municipality, its small count hides the others’ total too', async () => {
    const seen = await rowsOf(leads.a);
    expect(seen.rows.find((r) => r.orgId === orgs.b.id)).toMatchObject({ numerator: null, denominator: 30 });
    expect(seen.rows.find((r) => r.own)).toMatchObject({ numerator: 12, denominator: 40 });
    expect(seen.others).toMatchObject({ numerator: null });
  });

  it('stopping takes the municipality out at once', async () => {
    const res = await share(leads.b, { indicator: 'readmissions', share: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([]);
    expect((await rowsOf(leads.c)).rows.map((r) => r.orgId).sort()).toEqual([orgs.a.id, orgs.c.id].sort());
    expect((await shareRows()).filter((r) => r.org_id === orgs.b.id && r.stopped_at !== null)).toHaveLength(
      1,
    );
    // A is now the only one sharing: it sees its own row and nobody else's.
    const alone = await rowsOf(leads.a);
    expect(alone.rows.map((r) => r.orgId)).toEqual([orgs.a.id]);
    expect(alone.others).toMatchObject({ numerator: null, denominator: null });
  });

  it('refuses staff who are not a municipality’s programme lead (403, audited) and writes nothing', async () => {
    const before = await shareRows();
    expectProblem(
      await share(healthVisitorA.session, { indicator: 'readmissions', share: true, from: '2026-01' }),
      403,
    );
    expectProblem(await bench(healthVisitorA.session), 403);
    expectProblem(await share(analystA, { indicator: 'readmissions', share: false }), 403);
    expectProblem(await bench(regionLead.session), 403);
    expect(await deniedEventsOf(env.database.db, healthVisitorA.id)).toHaveLength(2);
    expect((await deniedEventsOf(env.database.db, regionLead.id))[0]).toMatchObject({
      entity_type: 'benchmark',
    });
    expect(await shareRows()).toEqual(before);
  });

  it('keeps the list of what is shared to the municipality’s programme lead and analyst (403, audited)', async () => {
    const before = (await deniedEventsOf(env.database.db, healthVisitorA.id)).length;
    expectProblem(await healthVisitorA.session.request('GET', '/api/benchmark/shares'), 403);
    expect(await deniedEventsOf(env.database.db, healthVisitorA.id)).toHaveLength(before + 1);
  });

  it('refuses bad input (400) and writes nothing', async () => {
    const before = await shareRows();
    expectProblem(await bench(leads.a, '2026-03', '2026-01'), 400);
    expectProblem(await bench(leads.a, '2026-01', '2026-03', 'no_such_indicator'), 400);
    expectProblem(await share(leads.c, { indicator: 'readmissions', share: true }), 400);
    expectProblem(await share(leads.c, { indicator: 'nope', share: true, from: '2026-01' }), 400);
    expectProblem(await share(leads.c, { indicator: 'readmissions', share: true, from: '2026-13' }), 400);
    expect(await shareRows()).toEqual(before);
  });
});
