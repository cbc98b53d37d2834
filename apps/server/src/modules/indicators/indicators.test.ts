import type {
  IndicatorCatalogueResponse,
  IndicatorFigures,
  RefreshIndicatorsResult,
} from '@familiespor/contracts';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOfRequest, deniedEventsOf } from '../../../test/care-setting';
import { testPassword } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, login, type Session } from '../../../test/http';
import { buildIndicatorSetting, countIndicatorRows } from '../../../test/indicators';
import { inScope } from '../../db/scope';
import { indicatorFactSource, registerIndicatorFacts } from './indicator-facts.registry';
import { refreshAllIndicators } from './indicator-refresh';
import { readIndicatorCells } from './indicators.repo';

type Setting = Awaited<ReturnType<typeof buildIndicatorSetting>>;

const figures = (s: Session, query: string) => s.request('GET', `/api/indicators/figures?${query}`);
const resultOf = async (s: Session, query: string) => {
  const res = await figures(s, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as IndicatorFigures;
};
const period = (month: string) => `from=${month}&to=${month}`;

describeEachDatabase('indicators: pre-aggregates, refresh and the indicator API', (kind) => {
  let env: TestEnv;
  let s: Setting;
  let lead: Session;
  let analyst: Session;
  let ngoLead: Session;

  beforeAll(async () => {
    env = await startTestApp(kind); // the clock stands at 2026-11-23
    s = await buildIndicatorSetting(env.database.db);
    lead = await login(env.app, s.lead.email, testPassword);
    analyst = await login(env.app, s.analyst.email, testPassword);
    ngoLead = await login(env.app, s.ngoLead.email, testPassword);
  });
  afterAll(async () => {
    await env?.close();
  });

  describe('refresh', () => {
    it('the programme lead refreshes her organisation: cells written, run logged, audited', async () => {
      const res = await lead.request('POST', '/api/indicators/refresh');
      expect(res.statusCode, res.body).toBe(200);
      const run = res.json() as RefreshIndicatorsResult;
      expect(run).toMatchObject({ from: '2024-12', to: '2026-11', errors: [] });
      expect(run.cellsWritten).toBeGreaterThan(0);
      const audit = await auditOfRequest(env.database.db, res);
      expect(audit).toEqual([
        expect.objectContaining({ action: 'execute', entity_type: 'indicator_refresh', family_id: null }),
      ]);
      expect(await countIndicatorRows(env.database.db, s.municipality.id)).toEqual({
        cells: run.cellsWritten,
        runs: 1,
      });
      expect((await ngoLead.request('POST', '/api/indicators/refresh')).statusCode).toBe(200);
    });

    it('is idempotent: the nightly run writes the same cells again', async () => {
      const before = await countIndicatorRows(env.database.db, s.municipality.id);
      const first = await resultOf(lead, `indicator=reach&${period('2026-03')}`);
      await refreshAllIndicators(env.database.db, env.clock.now(), { orgId: s.municipality.id });
      const after = await countIndicatorRows(env.database.db, s.municipality.id);
      expect(after).toEqual({ cells: before.cells, runs: before.runs + 1 });
      expect(await resultOf(lead, `indicator=reach&${period('2026-03')}`)).toEqual(first);
    });

    it('an indicator whose facts cannot be read keeps its old cells; the others are refreshed', async () => {
      const original = indicatorFactSource('anonymous_contacts');
      if (!original) throw new Error('anonymous_contacts has no fact source');
      registerIndicatorFacts({
        indicator: 'anonymous_contacts',
        facts: async (tx) => {
          await sql`SELECT 1 / 0`.execute(tx); // a failing statement aborts what it is part of
          return [];
        },
      });
      try {
        const res = await ngoLead.request('POST', '/api/indicators/refresh');
        expect(res.statusCode, res.body).toBe(200);
        const run = res.json() as RefreshIndicatorsResult;
        expect(run.errors).toEqual([{ indicator: 'anonymous_contacts', message: expect.any(String) }]);
        const kept = await resultOf(ngoLead, `indicator=anonymous_contacts&${period('2026-08')}`);
        expect(kept.points[0]).toMatchObject({ result: 3 });
      } finally {
        registerIndicatorFacts(original);
      }
    });

    it('the analyst and a health visitor may not refresh (403, audited)', async () => {
      const res = await analyst.request('POST', '/api/indicators/refresh');
      expectProblem(res, 403, 'forbidden');
      const denied = await deniedEventsOf(env.database.db, s.analyst.id);
      expect(denied.at(-1)).toMatchObject({ entity_type: 'indicator_refresh', family_id: null });
    });
  });

  describe('known answers', () => {
    it('reach: 2 of 3 first-time pregnancies due in March 2026 are on the course', async () => {
      const r = await resultOf(lead, `indicator=reach&${period('2026-03')}`);
      expect(r.points).toEqual([
        { bucket: '2026-03', value: null, label: null, numerator: 2, denominator: 3, result: 2 / 3 },
      ]);
    });

    it('attendance by parent role: fathers 2 sessions each, mothers 2.5', async () => {
      const fathers = await resultOf(
        lead,
        `indicator=attendance&${period('2026-04')}&breakdown=parent_role&only=father`,
      );
      expect(fathers.points).toEqual([
        { bucket: '2026-04', value: 'father', label: null, numerator: 4, denominator: 2, result: 2 },
      ]);
      const all = await resultOf(
        lead,
        `indicator=attendance&from=2026-01&to=2026-12&grain=year&breakdown=parent_role`,
      );
      expect(all.points.map((p) => [p.value, p.result])).toEqual([
        ['father', 2],
        ['mother', 2.5],
      ]);
    });

    it('an offer breakdown names the offer, not its id', async () => {
      const r = await resultOf(
        lead,
        'indicator=attendance&from=2026-01&to=2026-12&grain=period&breakdown=offer',
      );
      expect(r.points.map((p) => [p.value, p.label])).toEqual([[s.offer.id, s.offer.name]]);
    });

    it('EPDS follow-up within 14 days: 1 of 2 positives', async () => {
      const r = await resultOf(lead, `indicator=epds_follow_up&${period('2026-05')}`);
      expect(r.points[0]).toMatchObject({ numerator: 1, denominator: 2, result: 0.5 });
    });

    it('referrals acknowledged before the deadline: 1 of 3', async () => {
      const r = await resultOf(lead, `indicator=referral_on_time&${period('2026-06')}`);
      expect(r.points[0]).toMatchObject({ numerator: 1, denominator: 3 });
    });

    it('counselling closed as no longer needing special support: 2 of 3', async () => {
      const r = await resultOf(
        lead,
        `indicator=counselling_no_special_support&from=2026-07&to=2026-09&grain=period`,
      );
      expect(r.points).toEqual([
        { bucket: '2026-07–2026-09', value: null, label: null, numerator: 2, denominator: 3, result: 2 / 3 },
      ]);
    });

    it('anonymous contacts of the NGO: 3 in August, 2 about finances', async () => {
      const total = await resultOf(ngoLead, `indicator=anonymous_contacts&${period('2026-08')}`);
      expect(total.points[0]).toMatchObject({ numerator: 3, result: 3 });
      const finances = await resultOf(
        ngoLead,
        `indicator=anonymous_contacts&${period('2026-08')}&breakdown=topic&only=finances`,
      );
      expect(finances.points[0]).toMatchObject({ value: 'finances', result: 2 });
    });
  });

  describe('known answers: health visiting and open needs', () => {
    it('early visit within 14 days of discharge: 1 of 2 births in January', async () => {
      const r = await resultOf(lead, `indicator=early_visit&${period('2026-01')}`);
      expect(r.points[0]).toMatchObject({ numerator: 1, denominator: 2 });
    });

    it('visit timeliness by visit type: 1 of 2 eight-week visits inside the window', async () => {
      const r = await resultOf(
        lead,
        `indicator=visit_timeliness&${period('2026-03')}&breakdown=visit_type&only=month2`,
      );
      expect(r.points[0]).toMatchObject({ value: 'month2', numerator: 1, denominator: 2 });
    });

    it('EPDS coverage by parent role: mothers 2 of 2, fathers 0 of 2', async () => {
      const r = await resultOf(lead, `indicator=epds_coverage&${period('2026-03')}&breakdown=parent_role`);
      expect(r.points.map((p) => [p.value, p.numerator, p.denominator])).toEqual([
        ['father', 0, 2],
        ['mother', 2, 2],
      ]);
    });

    it('no development concern at the 8–10-month visit: 1 of 2', async () => {
      const r = await resultOf(lead, 'indicator=development_no_concern&from=2026-09&to=2026-10&grain=period');
      expect(r.points[0]).toMatchObject({ numerator: 1, denominator: 2, result: 0.5 });
    });

    it('measured today: coordinator coverage 1 of 3, 2 families between chairs', async () => {
      const coverage = await resultOf(lead, `indicator=coordinator_coverage&${period('2026-11')}`);
      expect(coverage.points[0]).toMatchObject({ numerator: 1, denominator: 3 });
      const chairs = await resultOf(lead, 'indicator=between_chairs&from=2026-01&to=2026-12&grain=year');
      expect(chairs.points).toEqual([
        { bucket: '2026', value: null, label: null, numerator: 2, denominator: null, result: 2 },
      ]);
    });
  });

  describe('access', () => {
    it('the analyst reads aggregates (audited, no family) and gets 403 on the family (audited)', async () => {
      const res = await figures(analyst, `indicator=reach&${period('2026-03')}`);
      expect(res.statusCode).toBe(200);
      expect(await auditOfRequest(env.database.db, res)).toEqual([
        expect.objectContaining({
          action: 'read',
          entity_type: 'indicator',
          family_id: null,
          person_id: null,
        }),
      ]);
      const family = s.families[0]?.id as string;
      const denied = await analyst.request('GET', `/api/families/${family}`);
      expectProblem(denied, 403);
      expect(await auditOfRequest(env.database.db, denied)).toEqual([
        expect.objectContaining({ action: 'denied', outcome: 'failure' }),
      ]);
    });

    it('lists the catalogue with the last refresh time', async () => {
      const res = await analyst.request('GET', '/api/indicators');
      expect(res.statusCode).toBe(200);
      const c = res.json() as IndicatorCatalogueResponse;
      expect(c.lastRefreshAt).not.toBeNull();
      expect(c.indicators.find((i) => i.id === 'reach')).toMatchObject({
        unit: 'share',
        available: true,
        refreshedAt: expect.any(String),
      });
    });

    it("another municipality's programme lead never sees this municipality's cells", async () => {
      const other = await login(env.app, s.otherLead.email, testPassword);
      const r = await resultOf(other, `indicator=reach&${period('2026-03')}`);
      expect(r.points).toEqual([
        { bucket: '2026-03', value: null, label: null, numerator: 0, denominator: 0, result: null },
      ]);
      // Row-level security keeps the cells in: asked for by id from the other municipality's scope, none come back.
      const leaked = await inScope(env.database.db, { kind: 'orgs', orgIds: [s.other.id] }, (tx) =>
        readIndicatorCells(tx, {
          orgIds: [s.municipality.id],
          indicator: 'reach',
          fromMonth: '2026-01',
          toMonth: '2026-12',
          dimension: 'total',
        }),
      );
      expect(leaked).toEqual([]);
      const own = await inScope(env.database.db, { kind: 'orgs', orgIds: [s.municipality.id] }, (tx) =>
        readIndicatorCells(tx, {
          orgIds: [s.municipality.id],
          indicator: 'reach',
          fromMonth: '2026-01',
          toMonth: '2026-12',
          dimension: 'total',
        }),
      );
      expect(own).toEqual([
        expect.objectContaining({ orgId: s.municipality.id, month: '2026-03', numerator: 2 }),
      ]);
    });

    it('a health visitor gets 403 on every indicator endpoint, audited as denied', async () => {
      const hv = await login(env.app, s.healthVisitor.email, testPassword);
      for (const url of ['/api/indicators', `/api/indicators/figures?indicator=reach&${period('2026-03')}`])
        expectProblem(await hv.request('GET', url), 403, 'forbidden');
      expect((await deniedEventsOf(env.database.db, s.healthVisitor.id)).length).toBeGreaterThanOrEqual(2);
    });
  });

  describe('bad input: 400, nothing written', () => {
    const bad: [string, string][] = [
      ['unknown indicator', 'indicator=happiness&from=2026-01&to=2026-02'],
      ['bad month', 'indicator=reach&from=2026-13&to=2026-12'],
      ['end before start', 'indicator=reach&from=2026-05&to=2026-02'],
      ['a breakdown the indicator lacks', 'indicator=reach&from=2026-01&to=2026-02&breakdown=topic'],
      ['one value with no breakdown', 'indicator=reach&from=2026-01&to=2026-02&only=father'],
    ];
    for (const [what, query] of bad)
      it(what, async () => {
        const before = await countIndicatorRows(env.database.db, s.municipality.id);
        const p = expectProblem(await figures(lead, query), 400, 'validation');
        expect(p.errors.length).toBeGreaterThan(0);
        expect(await countIndicatorRows(env.database.db, s.municipality.id)).toEqual(before);
        expectProblem(await lead.request('GET', `/api/indicators/export?${query}&format=csv`), 400);
      });
  });

  describe('export', () => {
    const query = 'indicator=attendance&from=2026-01&to=2026-12&grain=quarter&breakdown=parent_role';

    it('XLSX holds exactly the points getIndicator returns, under a Danish header', async () => {
      const shown = await resultOf(lead, query);
      const res = await lead.request('GET', `/api/indicators/export?${query}&format=xlsx`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      const rows: unknown[][] = [];
      sheet?.eachRow((row) => rows.push([1, 2, 3, 4, 5, 6, 7].map((i) => row.getCell(i).value)));
      expect(rows[0]).toEqual(['Indikator', 'Periode', 'Opdeling', 'Værdi', 'Tæller', 'Nævner', 'Resultat']);
      expect(rows.slice(1)).toEqual(
        shown.points.map((p) => [
          'Fremmøde pr. tilmeldt forælder',
          p.bucket,
          'Forælder',
          { mother: 'Mor', father: 'Far', co_parent: 'Medmor/medforælder' }[p.value ?? ''],
          p.numerator,
          p.denominator,
          p.result,
        ]),
      );
      expect(rows.slice(1).find((r) => r[1] === '2026-Q2' && r[3] === 'Far')?.[6]).toBe(2);
      expect(await auditOfRequest(env.database.db, res)).toEqual([
        expect.objectContaining({ action: 'read', entity_type: 'indicator_export', family_id: null }),
      ]);
    });

    it('CSV is UTF-8 with a BOM, semicolon-separated, with decimal commas', async () => {
      const res = await lead.request('GET', `/api/indicators/export?${query}&format=csv`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const lines = res.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
      expect(lines[0]).toBe('Indikator;Periode;Opdeling;Værdi;Tæller;Nævner;Resultat');
      expect(lines).toContain('Fremmøde pr. tilmeldt forælder;2026-Q2;Forælder;Mor;5;2;2,5');
    });
  });
});
