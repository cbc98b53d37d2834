/**
 * The data set of the `tasks` scenario: a national-size population of small children for the
 * nightly task-rule run. On top of the demo seed (which gives the region, its midwives and Demo
 * Kommune), 20 bench municipalities of four health-visiting districts each, with enough health
 * visitors for caseloads of about 300; families from the app's generator (generateFamilies) until
 * the wanted number of children is reached; each child's visit plan from the municipality's
 * programme (the domain's planVisits); EPDS screenings at recent 2-month visits with the
 * follow-up tasks recordScreening would have made; and one health visitor with a caseload of
 * exactly 300. Each step is recorded in app_meta (keys bench:tasks:*) and skipped by a later run;
 * the database is kept.
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
import { insertEpdsScreenings, planChildVisits } from './tasks-visits.dataset';

export const defaultChildren = 400_000;
export const tasksCaseloadSize = 300;
export const benchMunicipalities = 20;
const districtsPerMunicipality = 4;
/** About 300 families each at 400,000 children (500,000 families over 80 districts). */
const healthVisitorsPerDistrict = 21;
/** Families per transaction; a chunk's births get their visit plans in the same transaction. */
const chunkSize = 5_000;
const generatorSeed = 20_261_201;
const benchEmail = 'bench.worklist@familiespor.test';

const keys = {
  structure: 'bench:tasks:structure',
  families: 'bench:tasks:families',
  children: 'bench:tasks:children',
  screenings: 'bench:tasks:screenings',
  healthVisitor: 'bench:tasks:health_visitor',
  caseload: 'bench:tasks:caseload',
};

export type TasksDataset = {
  healthVisitor: { id: string; email: string; password: string; orgId: string; districtUnitId: string };
  families: number;
  children: number;
  childVisits: number;
  screenings: number;
  municipalities: number;
  healthVisitors: number;
  built: string[];
  seconds: { generate: number; screenings: number };
};

export async function metaValue(tx: Tx, key: string): Promise<string | null> {
  const row = await tx.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setMeta(tx: Tx, key: string, value: string): Promise<void> {
  await tx
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql`now()` }))
    .execute();
}

const system = <T>(database: Database, fn: (tx: Tx) => Promise<T>) =>
  inScope(database.db, { kind: 'system' }, fn);

/**
 * Municipalities, districts, postcodes, health visitors and programmes, set-based in SQL: the
 * health visitors never log in, so they need no credential (only the measured one does).
 */
async function createStructure(tx: Tx, now: Date): Promise<void> {
  await sql`
    INSERT INTO organisation (kind, name, municipality_code)
    SELECT 'municipality', format('Benchkommune %s', lpad(m::text, 2, '0')), (900 + m)::text
    FROM generate_series(1, ${benchMunicipalities}::int) m`.execute(tx);
  await sql`
    INSERT INTO unit (org_id, kind, service, name)
    SELECT o.id, 'district', 'health_visiting', format('Sundhedsplejen distrikt %s', d)
    FROM organisation o CROSS JOIN generate_series(1, ${districtsPerMunicipality}::int) d
    WHERE o.name LIKE 'Benchkommune %'`.execute(tx);
  // Two postcodes per district, unique within the municipality (the primary key).
  await sql`
    INSERT INTO district_postcode (org_id, postcode, unit_id)
    SELECT u.org_id, (8000 + 10 * substring(u.name from '\\d+$')::int + p)::text, u.id
    FROM unit u JOIN organisation o ON o.id = u.org_id CROSS JOIN generate_series(1, 2) p
    WHERE o.name LIKE 'Benchkommune %'`.execute(tx);
  await sql`
    INSERT INTO staff_user (org_id, email, name, title)
    SELECT u.org_id, format('hv.%s.%s@bench.familiespor.test', u.id, h), format('Sundhedsplejerske %s', h),
      'Sundhedsplejerske'
    FROM unit u JOIN organisation o ON o.id = u.org_id
    CROSS JOIN generate_series(1, ${healthVisitorsPerDistrict}::int) h
    WHERE o.name LIKE 'Benchkommune %'`.execute(tx);
  await sql`
    INSERT INTO staff_user_role (staff_user_id, org_id, role)
    SELECT s.id, s.org_id, 'health_visitor' FROM staff_user s WHERE s.email LIKE 'hv.%@bench.familiespor.test'`.execute(
    tx,
  );
  await sql`
    INSERT INTO staff_user_unit (staff_user_id, unit_id, org_id)
    SELECT s.id, substring(s.email from '^hv\\.([0-9a-f-]{36})\\.')::uuid, s.org_id
    FROM staff_user s WHERE s.email LIKE 'hv.%@bench.familiespor.test'`.execute(tx);
  await sql`
    INSERT INTO visit_programme (org_id, visit_types, updated_at)
    SELECT id, ${JSON.stringify(defaultVisitProgramme)}::jsonb, ${now}
    FROM organisation WHERE name LIKE 'Benchkommune %'`.execute(tx);
}

/** The generator's setting for each bench municipality, with the demo region's midwives. */
async function benchSettings(tx: Tx): Promise<SyntheticSetting[]> {
  const demo = await findDemoSetting(tx);
  if (!demo) throw new Error('the demo seed did not create Demo Kommune and Region Demo');
  const rows = await sql<{ org_id: string; unit_id: string; postcodes: string[]; hvs: string[] }>`
    SELECT u.org_id, u.id AS unit_id,
      (SELECT array_agg(postcode ORDER BY postcode) FROM district_postcode p WHERE p.unit_id = u.id) AS postcodes,
      (SELECT array_agg(su.staff_user_id ORDER BY su.staff_user_id) FROM staff_user_unit su
        JOIN staff_user s ON s.id = su.staff_user_id
        WHERE su.unit_id = u.id AND s.email LIKE 'hv.%@bench.familiespor.test') AS hvs
    FROM unit u JOIN organisation o ON o.id = u.org_id
    WHERE o.name LIKE 'Benchkommune %'
    ORDER BY o.name, u.name`.execute(tx);
  const byOrg = new Map<string, SyntheticSetting>();
  for (const r of rows.rows) {
    let s = byOrg.get(r.org_id);
    if (!s) {
      s = { ...demo, municipalityId: r.org_id, districts: [] };
      byOrg.set(r.org_id, s);
    }
    s.districts.push({ unitId: r.unit_id, postcodes: r.postcodes, healthVisitorIds: r.hvs });
  }
  return [...byOrg.values()];
}

/** Makes (or finds, or extends) the data set up to `wantedChildren` children. */
export async function prepareTasksDataset(
  database: Database,
  config: Config,
  wantedChildren: number,
  log: (message: string) => void,
): Promise<TasksDataset> {
  const built: string[] = [];
  const now = new Date();
  const today = copenhagenDate(now);
  const seeded = await seedDemo({
    db: database.db,
    clock: systemClock,
    config: { ...config, production: false },
  });
  if (seeded.length > 0) built.push(`demo seed (${seeded.join(', ')})`);

  if (!(await system(database, (tx) => metaValue(tx, keys.structure)))) {
    await system(database, async (tx) => {
      await createStructure(tx, now);
      await setMeta(tx, keys.structure, String(benchMunicipalities));
    });
    built.push(`${benchMunicipalities} municipalities with ${districtsPerMunicipality} districts each`);
  }
  const settings = await system(database, benchSettings);

  const started = Date.now();
  let families = Number(await system(database, (tx) => metaValue(tx, keys.families)));
  let children = Number(await system(database, (tx) => metaValue(tx, keys.children)));
  if (children < wantedChildren) {
    log(
      `generating families until ${wantedChildren} children (${children} so far), ${chunkSize} per transaction`,
    );
  }
  const before = children;
  while (children < wantedChildren) {
    const chunk = families / chunkSize;
    const setting = settings[chunk % settings.length] as SyntheticSetting;
    const offset = families;
    const born = await system(database, async (tx) => {
      await generateFamilies(tx, setting, { count: chunkSize, seed: generatorSeed + offset, today, now });
      const planned = await planChildVisits(tx, now);
      // Same transaction: the counts can never disagree with the rows that exist.
      await setMeta(tx, keys.families, String(offset + chunkSize));
      await setMeta(tx, keys.children, String(children + planned));
      return planned;
    });
    families = offset + chunkSize;
    children += born;
    log(
      `  ${children} / ${wantedChildren} children, ${families} families (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  if (children > before)
    built.push(`${families} families with ${children - before} children and their visit plans`);
  const generateSeconds = children > before ? (Date.now() - started) / 1000 : 0;

  const screeningsStarted = Date.now();
  // Again whenever families were added since: their 2-month visits get screenings too.
  if ((await system(database, (tx) => metaValue(tx, keys.screenings))) !== String(families)) {
    log('EPDS screenings at recent 2-month visits, with their follow-up tasks');
    const n = await system(database, async (tx) => {
      const count = await insertEpdsScreenings(tx, now);
      await setMeta(tx, keys.screenings, String(families));
      return count;
    });
    built.push(`${n} EPDS screenings`);
  }
  const screeningSeconds = built.some((b) => b.includes('EPDS'))
    ? (Date.now() - screeningsStarted) / 1000
    : 0;

  // Her district: the first bench municipality's first district.
  const first = settings[0]?.districts[0];
  const orgId = settings[0]?.municipalityId;
  if (!first || !orgId) throw new Error('no bench municipality');
  let hvId = await system(database, (tx) => metaValue(tx, keys.healthVisitor));
  if (!hvId) {
    const staff = await buildStaffUser(database.db, orgId, {
      roles: ['health_visitor'],
      unitIds: [first.unitId],
      email: benchEmail,
      name: 'Birthe Bench',
    });
    hvId = staff.id;
    await system(database, (tx) => setMeta(tx, keys.healthVisitor, staff.id));
    built.push('the health visitor');
  }
  const healthVisitorId = hvId;
  if (!(await system(database, (tx) => metaValue(tx, keys.caseload)))) {
    await system(database, async (tx) => {
      // Families of her district with a child or on the way, in an order unrelated to their making.
      const picked = await tx
        .selectFrom('family')
        .select('id')
        .where('district_unit_id', '=', first.unitId)
        .orderBy(sql`md5(id::text)`)
        .limit(tasksCaseloadSize)
        .execute();
      if (picked.length < tasksCaseloadSize)
        throw new Error(`only ${picked.length} families in her district`);
      const ids = picked.map((f) => f.id);
      await tx
        .updateTable('coordinator_assignment')
        .set({ ended_at: now, handover_note: 'Overdraget til Birthe Bench (benchmark)' })
        .where('family_id', 'in', ids)
        .where('ended_at', 'is', null)
        .execute();
      await tx
        .insertInto('coordinator_assignment')
        .values(
          ids.map((family_id) => ({
            family_id,
            family_org_id: orgId,
            coordinator_org_id: orgId,
            staff_user_id: healthVisitorId,
            started_at: now,
            assigned_by: null,
          })),
        )
        .execute();
      // Tasks already held by their earlier coordinators move with the families, as a handover would.
      await tx
        .updateTable('task')
        .set({ assignee_user_id: healthVisitorId, updated_at: now })
        .where('family_id', 'in', ids)
        .where('state', '=', 'ready')
        .where('assignee_user_id', 'is not', null)
        .execute();
      await setMeta(tx, keys.caseload, String(tasksCaseloadSize));
    });
    built.push(`a caseload of ${tasksCaseloadSize}`);
  }

  const counts = await system(database, async (tx) => {
    const r = await sql<{
      families: number;
      children: number;
      visits: number;
      screenings: number;
      hvs: number;
    }>`
      SELECT (SELECT count(*) FROM family)::int AS families, (SELECT count(*) FROM birth)::int AS children,
        (SELECT count(*) FROM child_visit)::int AS visits, (SELECT count(*) FROM screening)::int AS screenings,
        (SELECT count(*) FROM staff_user_role WHERE role = 'health_visitor')::int AS hvs`.execute(tx);
    return r.rows[0] as {
      families: number;
      children: number;
      visits: number;
      screenings: number;
      hvs: number;
    };
  });
  return {
    healthVisitor: {
      id: healthVisitorId,
      email: benchEmail,
      password: testPassword,
      orgId,
      districtUnitId: first.unitId,
    },
    families: counts.families,
    children: counts.children,
    childVisits: counts.visits,
    screenings: counts.screenings,
    municipalities: settings.length + 1,
    healthVisitors: counts.hvs,
    built,
    seconds: { generate: generateSeconds, screenings: screeningSeconds },
  };
}
