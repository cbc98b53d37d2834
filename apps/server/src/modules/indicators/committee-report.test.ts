import type { CommitteeReport } from '@familiespor/contracts';
import {
  committeeReportKeys,
  type IndicatorCell,
  type IndicatorDimension,
  type IndicatorId,
} from '@familiespor/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOfRequest, deniedEventsOf } from '../../../test/care-setting';
import { testPassword } from '../../../test/factories';
import { describeEachDatabase, startTestApp, type TestEnv } from '../../../test/harness';
import { expectProblem, login, type Session } from '../../../test/http';
import { buildIndicatorSetting, countIndicatorRows } from '../../../test/indicators';
import { inScope } from '../../db/scope';
import { insertRefreshRun, replaceIndicatorCells } from './indicators.repo';

type Setting = Awaited<ReturnType<typeof buildIndicatorSetting>>;

const cell = (
  month: string,
  numerator: number,
  denominator: number,
  dimension: IndicatorDimension | 'total' = 'total',
  value: string | null = null,
): IndicatorCell => ({ month, dimension, value, numerator, denominator, stock: 0, histogram: {} });

/**
 * Hand-built pre-aggregates for the other municipality, large enough to be shown: this year's and
 * last year's figures are known answers, whatever the records say.
 */
const handBuilt: [IndicatorId, IndicatorCell[]][] = [
  ['reach', [cell('2026-03', 40, 50), cell('2025-03', 30, 50)]],
  ['readmissions', [cell('2026-02', 6, 200), cell('2025-02', 10, 190)]],
  ['epds_follow_up', [cell('2026-05', 3, 20), cell('2025-05', 15, 20)]],
  [
    'attendance',
    [
      cell('2026-04', 40, 5, 'parent_role', 'mother'),
      cell('2026-04', 21, 3, 'parent_role', 'father'),
      cell('2026-04', 14, 2, 'parent_role', 'co_parent'),
      cell('2025-04', 32, 4, 'parent_role', 'father'),
      cell('2025-04', 45, 6, 'parent_role', 'mother'),
    ],
  ],
  ['between_chairs', [cell('2026-10', 7, 0), cell('2025-10', 9, 0)]],
  ['satisfaction', [cell('2026-06', 90, 20), cell('2025-06', 88, 20)]],
];

async function writeHandBuilt(env: TestEnv, orgId: string) {
  await inScope(env.database.db, { kind: 'system' }, async (tx) => {
    const refreshedAt = new Date('2026-11-23T02:00:00Z');
    for (const [indicator, cells] of handBuilt)
      await replaceIndicatorCells(
        tx,
        { orgId, indicator, fromMonth: '2024-12', toMonth: '2026-11', refreshedAt },
        cells,
      );
    await insertRefreshRun(tx, {
      orgId,
      trigger: 'nightly',
      requestedBy: null,
      fromMonth: '2024-12',
      toMonth: '2026-11',
      startedAt: refreshedAt,
      finishedAt: refreshedAt,
      cellsWritten: handBuilt.reduce((n, [, c]) => n + c.length, 0),
      errors: [],
    });
  });
}

const report = (s: Session, query = '') => s.request('GET', `/api/indicators/committee-report${query}`);
const reportOf = async (s: Session, query = '') => {
  const res = await report(s, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CommitteeReport;
};
const row = (r: CommitteeReport, key: string) => {
  const found = r.rows.find((x) => x.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};

describeEachDatabase('the committee report (getCommitteeReport)', (kind) => {
  let env: TestEnv;
  let s: Setting;
  let lead: Session;
  let otherLead: Session;

  beforeAll(async () => {
    env = await startTestApp(kind); // the clock stands at 2026-11-23
    s = await buildIndicatorSetting(env.database.db);
    lead = await login(env.app, s.lead.email, testPassword);
    otherLead = await login(env.app, s.otherLead.email, testPassword);
    // The municipality's figures come from its records; the other municipality's are hand-built.
    expect((await lead.request('POST', '/api/indicators/refresh')).statusCode).toBe(200);
    await writeHandBuilt(env, s.other.id);
  });
  afterAll(async () => {
    await env?.close();
  });

  describe('known answers', () => {
    it('defaults to the last 12 whole months, compared with the same months a year before', async () => {
      const r = await reportOf(otherLead);
      expect(r).toMatchObject({
        organisation: { id: s.other.id, name: s.other.name },
        period: { from: '2025-11', to: '2026-10' },
        previousPeriod: { from: '2024-11', to: '2025-10' },
        generatedAt: '2026-11-23T09:00:00.000Z',
        refreshedAt: '2026-11-23T02:00:00.000Z',
      });
      // The lines and their order are the domain's (unit-tested there).
      expect(r.rows.map((x) => x.key)).toEqual(committeeReportKeys);
    });

    it('reach 80 % against 60 %: 20 points better; readmissions 3 % against 5 %: fewer is better', async () => {
      const r = await reportOf(otherLead, '?from=2026-01&to=2026-10');
      expect(r.previousPeriod).toEqual({ from: '2025-01', to: '2025-10' });
      expect(row(r, 'reach')).toMatchObject({
        unit: 'share',
        current: { numerator: 40, denominator: 50, result: 0.8, suppressed: false },
        previous: { numerator: 30, denominator: 50, result: 0.6, suppressed: false },
        change: 20,
        direction: 'better',
      });
      expect(row(r, 'readmissions')).toMatchObject({
        better: 'lower',
        current: { numerator: 6, denominator: 200, result: 0.03, suppressed: false },
        previous: { numerator: 10, denominator: 190, suppressed: false },
        change: -2,
        direction: 'better',
      });
      expect(row(r, 'between_chairs')).toMatchObject({
        current: { result: 7 },
        previous: { result: 9 },
        change: -2,
        direction: 'better',
      });
      expect(row(r, 'satisfaction')).toMatchObject({
        current: { result: 4.5 },
        previous: { result: 4.4 },
        change: 0.1,
        direction: 'better',
      });
      // Mothers 40 sessions / 5; partners are fathers and co-mothers: (21 + 14) / (3 + 2) = 7.
      expect(row(r, 'attendance_mothers')).toMatchObject({
        current: { result: 8 },
        previous: { result: 7.5 },
        direction: 'better',
      });
      expect(row(r, 'attendance_partners').current).toEqual({
        numerator: 35,
        denominator: 5,
        result: 7,
        suppressed: false,
      });
      // No records, no figure: not a zero.
      expect(row(r, 'completion')).toMatchObject({
        current: { result: null, suppressed: false },
        direction: null,
      });
    });
  });

  describe('small counts leave as "<5"', () => {
    it('3 of 20 positives followed up: the count and the share hidden, no direction', async () => {
      const r = await reportOf(otherLead, '?from=2026-01&to=2026-10');
      expect(row(r, 'epds_follow_up')).toMatchObject({
        current: { numerator: null, denominator: 20, result: null, suppressed: true },
        previous: { numerator: 15, denominator: 20, result: 0.75, suppressed: false },
        change: null,
        direction: null,
      });
      // Last year's partners were 4 fathers: hidden too.
      expect(row(r, 'attendance_partners').previous).toEqual({
        numerator: null,
        denominator: null,
        result: null,
        suppressed: true,
      });
    });

    it('from real records: reach 2 of 3 and 2 families between chairs are hidden', async () => {
      const r = await reportOf(lead, '?from=2026-01&to=2026-12');
      expect(r.organisation).toEqual({ id: s.municipality.id, name: s.municipality.name });
      expect(row(r, 'reach').current).toEqual({
        numerator: null,
        denominator: null,
        result: null,
        suppressed: true,
      });
      expect(row(r, 'between_chairs').current).toMatchObject({ result: null, suppressed: true });
      // Nothing below 5 anywhere in the answer.
      for (const x of r.rows)
        for (const f of [x.current, x.previous])
          for (const n of [f.numerator, f.denominator])
            expect(n === null || n === 0 || n >= 5, x.key).toBe(true);
    });
  });

  describe('access', () => {
    it('the programme lead and the analyst read it, audited as an aggregate read', async () => {
      const res = await report(otherLead);
      expect(await auditOfRequest(env.database.db, res)).toEqual([
        expect.objectContaining({
          action: 'read',
          entity_type: 'committee_report',
          purpose: 'statistics',
          family_id: null,
          person_id: null,
        }),
      ]);
      const analyst = await login(env.app, s.analyst.email, testPassword);
      expect((await reportOf(analyst)).organisation.id).toBe(s.municipality.id);
    });

    it("each municipality's lead sees only its own figures", async () => {
      const own = await reportOf(lead, '?from=2026-01&to=2026-10');
      expect(own.organisation.id).toBe(s.municipality.id);
      // Its own two January births (none readmitted), not the other municipality's 200.
      expect(row(own, 'readmissions').current).toEqual({
        numerator: 0,
        denominator: null,
        result: null,
        suppressed: true,
      });
      expect(row(own, 'satisfaction').current.result).toBeNull();
      const other = await reportOf(otherLead, '?from=2026-01&to=2026-12');
      expect(row(other, 'reach').current.denominator).toBe(50);
    });

    it('a health visitor gets 403, audited as denied', async () => {
      const hv = await login(env.app, s.healthVisitor.email, testPassword);
      const res = await report(hv);
      expectProblem(res, 403, 'forbidden');
      expect((await deniedEventsOf(env.database.db, s.healthVisitor.id)).at(-1)).toMatchObject({
        entity_type: 'committee_report',
        family_id: null,
      });
    });
  });

  describe('bad input: 400, nothing written', () => {
    const bad: [string, string][] = [
      ['a bad month', '?from=2026-13&to=2026-12'],
      ['an end before the start', '?from=2026-05&to=2026-02'],
      ['more than 12 months', '?from=2025-01&to=2026-01'],
      ['one month without the other', '?from=2026-01'],
      ['an unknown field', '?from=2026-01&to=2026-02&indicator=reach'],
    ];
    for (const [what, query] of bad)
      it(what, async () => {
        const before = await countIndicatorRows(env.database.db, s.municipality.id);
        const res = await report(lead, query);
        const p = expectProblem(res, 400, 'validation');
        expect(p.errors.length).toBeGreaterThan(0);
        expect(await auditOfRequest(env.database.db, res)).toEqual([]);
        expect(await countIndicatorRows(env.database.db, s.municipality.id)).toEqual(before);
      });
  });
});
