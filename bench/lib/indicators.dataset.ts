/**
 * The data set of the `indicators` scenario: a country of 98 municipalities of skewed sizes (the
 * capital about a tenth, sizes from the planner's national year, `municipalitySizes`) with about
 * 400,000 children in families from the app's generator (generateFamilies), each child's visit plan
 * (planChildVisits of the `tasks` data set) and a year of the activity the indicators count
 * (`indicators-activity.dataset.ts`). Each step is recorded in app_meta (keys bench:indicators:*)
 * and skipped by a later run; an interrupted generation resumes after its last committed chunk.
 * The database is kept.
 */
import { copenhagenDate, defaultVisitProgramme } from '@familiespor/domain';
import { sql } from 'kysely';
import { systemClock } from '../../apps/server/src/clock';
import type { Config } from '../../apps/server/src/config';
import type { Database } from '../../apps/server/src/db/connect';
import { inScope, type Tx } from '../../apps/server/src/db/scope';
import { findDemoSetting } from '../../apps/server/src/seed/cli.repo';
import { seedDemo } from '../../apps/server/src/seed/demo-seed';
import { generateFamilies, type SyntheticSetting } from '../../apps/server/src/seed/synthetic-families';
import { buildStaffUser, testPassword } from '../../apps/server/test/factories';
import { activitySteps } from './indicators-activity.dataset';
import { municipalityCount, municipalitySizes } from './national-year.dataset';
import { metaValue, setMeta } from './tasks.dataset';
import { planChildVisits } from './tasks-visits.dataset';

export const defaultIndicatorChildren = 400_000;
/** generateFamilies: one family in five is expecting, so 0.8 children per family. */
const childrenPerFamily = 0.8;
/** Families per transaction at most; a chunk never spans two municipalities. */
const chunkSize = 5_000;
const familiesPerDistrict = 6_000;
const caseloadSize = 300;
const generatorSeed = 20_261_124;
export const indicatorLeadEmail = 'bench.programleder@familiespor.test';
/** Bench municipalities are found by this name prefix. */
export const municipalityPrefix = 'Indikatorkommune ';

const keys = {
  structure: 'bench:indicators:structure',
  chunks: 'bench:indicators:chunks',
  lead: 'bench:indicators:programme_lead',
};

export type IndicatorsDataset = {
  lead: { id: string; email: string; password: string; orgId: string; orgName: string };
  capitalOrgId: string;
  municipalities: number;
  families: number;
  children: number;
  childVisits: number;
  /** Rows per table of the year's activity. */
  activity: Record<string, number>;
  built: string[];
  seconds: { families: number; activity: number };
};

const system = <T>(database: Database, fn: (tx: Tx) => Promise<T>) =>
  inScope(database.db, { kind: 'system' }, fn);

type MunicipalityPlan = { n: number; name: string; code: string; families: number; districts: number };

/** The 98 municipalities and their families, largest first: the capital is number 01. */
export function planMunicipalities(children: number): MunicipalityPlan[] {
  const sizes = municipalitySizes(Math.ceil(children / childrenPerFamily));
  return sizes.map((families, i) => ({
    n: i + 1,
    name: `${municipalityPrefix}${String(i + 1).padStart(2, '0')}${i === 0 ? ' (hovedstaden)' : ''}`,
    code: String(600 + i + 1),
    families,
    districts: Math.min(10, Math.max(1, Math.round(families / familiesPerDistrict))),
  }));
}

/**
 * Municipalities, districts, postcodes, health visitors (about one per 300 families), a counsellor,
 * a FIV course and the visit programme, set-based: only the measured programme lead logs in.
 */
async function createStructure(tx: Tx, plans: MunicipalityPlan[], now: Date): Promise<void> {
  const json = JSON.stringify(plans);
  await sql`
    INSERT INTO organisation (kind, name, municipality_code)
    SELECT 'municipality', x.name, x.code FROM json_to_recordset(${json}::json) AS x(name text, code text)`.execute(
    tx,
  );
  await sql`
    INSERT INTO unit (org_id, kind, service, name)
    SELECT o.id, 'district', 'health_visiting', format('Sundhedsplejen distrikt %s', d)
    FROM json_to_recordset(${json}::json) AS x(code text, districts int)
    JOIN organisation o ON o.municipality_code = x.code AND o.kind = 'municipality'
    CROSS JOIN LATERAL generate_series(1, x.districts) d`.execute(tx);
  await sql`
    INSERT INTO unit (org_id, kind, name)
    SELECT o.id, 'department', 'Familierådgivningen' FROM organisation o WHERE o.name LIKE ${`${municipalityPrefix}%`}`.execute(
    tx,
  );
  await sql`
    INSERT INTO district_postcode (org_id, postcode, unit_id)
    SELECT u.org_id, (1000 + 10 * substring(u.name from '\\d+$')::int + p)::text, u.id
    FROM unit u JOIN organisation o ON o.id = u.org_id CROSS JOIN generate_series(1, 2) p
    WHERE o.name LIKE ${`${municipalityPrefix}%`} AND u.kind = 'district'`.execute(tx);
  await sql`
    INSERT INTO staff_user (org_id, email, name, title)
    SELECT u.org_id, format('hv.%s.%s@indicators.familiespor.test', u.id, h), format('Sundhedsplejerske %s', h),
      'Sundhedsplejerske'
    FROM json_to_recordset(${json}::json) AS x(code text, families int, districts int)
    JOIN organisation o ON o.municipality_code = x.code AND o.kind = 'municipality'
    JOIN unit u ON u.org_id = o.id AND u.kind = 'district'
    CROSS JOIN LATERAL generate_series(1, greatest(1, ceil(x.families::numeric / x.districts / ${caseloadSize})::int)) h`.execute(
    tx,
  );
  await sql`
    INSERT INTO staff_user (org_id, email, name, title)
    SELECT u.org_id, format('counsellor.%s@indicators.familiespor.test', u.id), 'Familierådgiver', 'Familierådgiver'
    FROM unit u JOIN organisation o ON o.id = u.org_id
    WHERE o.name LIKE ${`${municipalityPrefix}%`} AND u.kind = 'department'`.execute(tx);
  await sql`
    INSERT INTO staff_user_role (staff_user_id, org_id, role)
    SELECT s.id, s.org_id, CASE WHEN s.email LIKE 'hv.%' THEN 'health_visitor' ELSE 'family_counsellor' END
    FROM staff_user s WHERE s.email LIKE '%@indicators.familiespor.test'`.execute(tx);
  await sql`
    INSERT INTO staff_user_unit (staff_user_id, unit_id, org_id)
    SELECT s.id, substring(s.email from '^[a-z]+\\.([0-9a-f-]{36})')::uuid, s.org_id
    FROM staff_user s WHERE s.email LIKE '%@indicators.familiespor.test'`.execute(tx);
  await sql`
    INSERT INTO visit_programme (org_id, visit_types, updated_at)
    SELECT id, ${JSON.stringify(defaultVisitProgramme)}::jsonb, ${now}
    FROM organisation WHERE name LIKE ${`${municipalityPrefix}%`}`.execute(tx);
  await sql`
    INSERT INTO offer (org_id, name, description, kind, level, municipality_ids, capacity, legal_basis, fiv,
      created_at, updated_at)
    SELECT id, 'Familieiværksætterne', 'Forløb for førstegangsforældre', 'course', 'universal', ARRAY[id], NULL,
      'Sundhedsloven § 120', true, ${now}, ${now}
    FROM organisation WHERE name LIKE ${`${municipalityPrefix}%`}`.execute(tx);
}

/** The generator's setting per municipality code, with the demo region's midwives. */
async function settingsByCode(tx: Tx): Promise<Map<string, SyntheticSetting>> {
  const demo = await findDemoSetting(tx);
  if (!demo) throw new Error('the demo seed did not create Demo Kommune and Region Demo');
  const rows = await sql<{
    code: string;
    org_id: string;
    unit_id: string;
    postcodes: string[];
    hvs: string[];
  }>`
    SELECT o.municipality_code AS code, u.org_id, u.id AS unit_id,
      (SELECT array_agg(postcode ORDER BY postcode) FROM district_postcode p WHERE p.unit_id = u.id) AS postcodes,
      (SELECT array_agg(su.staff_user_id ORDER BY su.staff_user_id) FROM staff_user_unit su
        WHERE su.unit_id = u.id) AS hvs
    FROM unit u JOIN organisation o ON o.id = u.org_id
    WHERE o.name LIKE ${`${municipalityPrefix}%`} AND u.kind = 'district'
    ORDER BY o.municipality_code, u.name`.execute(tx);
  const byCode = new Map<string, SyntheticSetting>();
  for (const r of rows.rows) {
    let s = byCode.get(r.code);
    if (!s) {
      s = { ...demo, municipalityId: r.org_id, districts: [] };
      byCode.set(r.code, s);
    }
    s.districts.push({ unitId: r.unit_id, postcodes: r.postcodes, healthVisitorIds: r.hvs });
  }
  return byCode;
}

/** Makes (or finds) the data set for `wantedChildren` children. */
export async function prepareIndicatorsDataset(
  database: Database,
  config: Config,
  wantedChildren: number,
  now: Date,
  log: (message: string) => void,
): Promise<IndicatorsDataset> {
  const built: string[] = [];
  const today = copenhagenDate(now);
  const seeded = await seedDemo({
    db: database.db,
    clock: systemClock,
    config: { ...config, production: false },
  });
  if (seeded.length > 0) built.push(`demo seed (${seeded.join(', ')})`);

  const existing = await system(database, (tx) => metaValue(tx, keys.structure));
  if (existing && Number(existing) !== wantedChildren)
    throw new Error(
      `familiespor_bench_indicators was made for ${existing} children; drop it to make ${wantedChildren}`,
    );
  const plans = planMunicipalities(wantedChildren);
  if (!existing) {
    await system(database, async (tx) => {
      await createStructure(tx, plans, now);
      await setMeta(tx, keys.structure, String(wantedChildren));
    });
    built.push(`${municipalityCount} municipalities (${plans[0]?.families} families in the capital)`);
  }
  const settings = await system(database, settingsByCode);

  // Every municipality's families in chunks, in a fixed order, so a resumed run continues exactly.
  const chunks = plans.flatMap((p) =>
    Array.from({ length: Math.ceil(p.families / chunkSize) }, (_, i) => ({
      code: p.code,
      count: Math.min(chunkSize, p.families - i * chunkSize),
    })),
  );
  const familiesStarted = Date.now();
  let done = Number(await system(database, (tx) => metaValue(tx, keys.chunks)));
  if (done < chunks.length)
    log(`generating families: ${chunks.length - done} chunks of up to ${chunkSize} to go`);
  const firstChunk = done;
  let generated = 0;
  for (; done < chunks.length; done++) {
    const chunk = chunks[done] as (typeof chunks)[number];
    const setting = settings.get(chunk.code);
    if (!setting) throw new Error(`no municipality ${chunk.code}`);
    const index = done;
    await system(database, async (tx) => {
      await generateFamilies(tx, setting, { count: chunk.count, seed: generatorSeed + index, today, now });
      await planChildVisits(tx, now);
      await setMeta(tx, keys.chunks, String(index + 1));
    });
    generated += chunk.count;
    if (done % 10 === 9 || done === chunks.length - 1)
      log(`  chunk ${done + 1} / ${chunks.length} (${((Date.now() - familiesStarted) / 1000).toFixed(0)} s)`);
  }
  if (done > firstChunk) built.push(`${generated} families with their children's visit plans`);
  const familiesSeconds = generated > 0 ? (Date.now() - familiesStarted) / 1000 : 0;

  const activityStarted = Date.now();
  for (const step of activitySteps) {
    const key = `bench:indicators:${step.name}`;
    if (await system(database, (tx) => metaValue(tx, key))) continue;
    log(`activity: ${step.name}`);
    const rows = await system(database, async (tx) => {
      const n = await step.run(tx, now);
      await setMeta(tx, key, String(n));
      return n;
    });
    built.push(`${step.name} (${rows} rows)`);
  }
  const activitySeconds = built.some((b) => activitySteps.some((s) => b.startsWith(s.name)))
    ? (Date.now() - activityStarted) / 1000
    : 0;

  const capital = plans[0] as MunicipalityPlan;
  const capitalOrgId = settings.get(capital.code)?.municipalityId;
  if (!capitalOrgId) throw new Error('no capital');
  let leadId = await system(database, (tx) => metaValue(tx, keys.lead));
  if (!leadId) {
    const lead = await buildStaffUser(database.db, capitalOrgId, {
      roles: ['programme_lead'],
      email: indicatorLeadEmail,
      name: 'Pia Programleder',
    });
    leadId = lead.id;
    await system(database, (tx) => setMeta(tx, keys.lead, lead.id));
    built.push('the programme lead');
  }

  const counts = await system(database, async (tx) => {
    const r = await sql<{ families: number; children: number; visits: number }>`
      SELECT (SELECT count(*) FROM family)::int AS families, (SELECT count(*) FROM birth)::int AS children,
        (SELECT count(*) FROM child_visit)::int AS visits`.execute(tx);
    const activity: Record<string, number> = {};
    for (const step of activitySteps)
      activity[step.name] = Number(await metaValue(tx, `bench:indicators:${step.name}`));
    return { ...(r.rows[0] as { families: number; children: number; visits: number }), activity };
  });
  return {
    lead: {
      id: leadId,
      email: indicatorLeadEmail,
      password: testPassword,
      orgId: capitalOrgId,
      orgName: capital.name,
    },
    capitalOrgId,
    municipalities: plans.length,
    families: counts.families,
    children: counts.children,
    childVisits: counts.visits,
    activity: counts.activity,
    built,
    seconds: { families: familiesSeconds, activity: activitySeconds },
  };
}
