/**
 * The data set of the `timeline` scenario: the demo seed, 100,000 synthetic families in the demo
 * municipality and one health visitor with a caseload of exactly 300 of them. Generating takes
 * a minute or two, so each step is recorded in app_meta and skipped when a later run finds it
 * done; an interrupted generation resumes where its last committed chunk ended.
 */
import { copenhagenDate } from '@familiespor/domain';
import { sql } from 'kysely';
import { systemClock } from '../../apps/server/src/clock';
import type { Config } from '../../apps/server/src/config';
import type { Database } from '../../apps/server/src/db/connect';
import { inScope, type Tx } from '../../apps/server/src/db/scope';
import { findDemoSetting } from '../../apps/server/src/seed/cli.repo';
import { seedDemo } from '../../apps/server/src/seed/demo-seed';
import { generateFamilies } from '../../apps/server/src/seed/synthetic-families';
import { buildStaffUser, testPassword } from '../../apps/server/test/factories';

export const syntheticFamilyCount = 100_000;
export const caseloadSize = 300;
/** Families per transaction, as `npm run cli -- generate` does. */
const chunkSize = 5_000;
/** Fixed, so a data set made again has the same families (ids and CPR serials aside). */
const generatorSeed = 20_261_124;
const benchEmail = 'bench.sundhedsplejerske@familiespor.test';
/** Her district: one of the demo municipality's two. */
const districtName = 'Sundhedsplejen Nord';

const keys = {
  generated: 'bench:families:generated',
  healthVisitor: 'bench:families:health_visitor',
  caseload: 'bench:families:caseload',
};

export type FamiliesDataset = {
  healthVisitor: { id: string; email: string; password: string; orgId: string; districtUnitId: string };
  /** The health visitor's caseload, ordered by family id. */
  caseloadFamilyIds: string[];
  familyCount: number;
  /** What this run had to do; an empty list means the data set was reused as it was. */
  built: string[];
  /** Seconds spent generating families in this run (0 when reused). */
  generateSeconds: number;
};

async function metaValue(tx: Tx, key: string): Promise<string | null> {
  const row = await tx.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

async function setMeta(tx: Tx, key: string, value: string): Promise<void> {
  await tx
    .insertInto('app_meta')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: sql`now()` }))
    .execute();
}

/**
 * Makes (or finds) the data set. `config` is the app's configuration; the demo seed refuses
 * production, so it runs with production switched off (it only writes rows).
 */
export async function prepareFamiliesDataset(
  database: Database,
  config: Config,
  log: (message: string) => void,
): Promise<FamiliesDataset> {
  const db = database.db;
  const built: string[] = [];
  const now = new Date();
  const seeded = await seedDemo({
    db,
    clock: systemClock,
    config: { ...config, production: false },
  });
  if (seeded.length > 0) built.push(`demo seed (${seeded.join(', ')})`);

  const setting = await inScope(db, { kind: 'system' }, (tx) => findDemoSetting(tx));
  if (!setting) throw new Error('the demo seed did not create Demo Kommune and Region Demo');
  let done = Number(await inScope(db, { kind: 'system' }, (tx) => metaValue(tx, keys.generated)));
  const started = Date.now();
  if (done < syntheticFamilyCount) {
    log(
      `generating ${syntheticFamilyCount - done} synthetic families (${done} done before), ${chunkSize} per transaction`,
    );
    built.push(`${syntheticFamilyCount - done} synthetic families`);
  }
  while (done < syntheticFamilyCount) {
    const n = Math.min(chunkSize, syntheticFamilyCount - done);
    const offset = done;
    await inScope(db, { kind: 'system' }, async (tx) => {
      await generateFamilies(tx, setting, {
        count: n,
        seed: generatorSeed + offset,
        today: copenhagenDate(now),
        now,
      });
      // Same transaction: the count can never disagree with the families that exist.
      await setMeta(tx, keys.generated, String(offset + n));
    });
    done = offset + n;
    log(`  ${done} / ${syntheticFamilyCount} families (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  const generateSeconds = built.some((b) => b.includes('synthetic')) ? (Date.now() - started) / 1000 : 0;

  const nord = await inScope(db, { kind: 'system' }, (tx) =>
    tx
      .selectFrom('unit')
      .select('id')
      .where('org_id', '=', setting.municipalityId)
      .where('name', '=', districtName)
      .executeTakeFirst(),
  );
  const district = setting.districts.find((d) => d.unitId === nord?.id);
  if (!district) throw new Error(`the demo municipality has no district ${districtName} with postcodes`);
  // Created after the families, so the generator never gives her families of its own.
  let hvId = await inScope(db, { kind: 'system' }, (tx) => metaValue(tx, keys.healthVisitor));
  if (!hvId) {
    const staff = await buildStaffUser(db, setting.municipalityId, {
      roles: ['health_visitor'],
      unitIds: [district.unitId],
      email: benchEmail,
      name: 'Bente Bench',
    });
    hvId = staff.id;
    await inScope(db, { kind: 'system' }, (tx) => setMeta(tx, keys.healthVisitor, staff.id));
    built.push('the health visitor');
  }
  const healthVisitorId = hvId;

  const hasCaseload = await inScope(db, { kind: 'system' }, (tx) => metaValue(tx, keys.caseload));
  if (!hasCaseload) {
    await inScope(db, { kind: 'system' }, async (tx) => {
      // A spread of stages: families of her district in an order unrelated to when they were made.
      const picked = await tx
        .selectFrom('family')
        .select('id')
        .where('district_unit_id', '=', district.unitId)
        .orderBy(sql`md5(id::text)`)
        .limit(caseloadSize)
        .execute();
      if (picked.length < caseloadSize) throw new Error(`only ${picked.length} families in her district`);
      const ids = picked.map((f) => f.id);
      // One active coordinator per family (unique index): hand over from whoever had them.
      await tx
        .updateTable('coordinator_assignment')
        .set({ ended_at: now, handover_note: 'Overdraget til Bente Bench (benchmark)' })
        .where('family_id', 'in', ids)
        .where('ended_at', 'is', null)
        .execute();
      await tx
        .insertInto('coordinator_assignment')
        .values(
          ids.map((family_id) => ({
            family_id,
            family_org_id: setting.municipalityId,
            coordinator_org_id: setting.municipalityId,
            staff_user_id: healthVisitorId,
            started_at: now,
            assigned_by: null,
          })),
        )
        .execute();
      await setMeta(tx, keys.caseload, String(caseloadSize));
    });
    built.push(`a caseload of ${caseloadSize}`);
  }

  return inScope(db, { kind: 'system' }, async (tx) => {
    const caseload = await tx
      .selectFrom('coordinator_assignment')
      .select('family_id')
      .where('staff_user_id', '=', healthVisitorId)
      .where('ended_at', 'is', null)
      .orderBy('family_id')
      .execute();
    if (caseload.length !== caseloadSize) {
      throw new Error(`the health visitor coordinates ${caseload.length} families, not ${caseloadSize}`);
    }
    const families = await tx
      .selectFrom('family')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', setting.municipalityId)
      .executeTakeFirstOrThrow();
    return {
      healthVisitor: {
        id: healthVisitorId,
        email: benchEmail,
        password: testPassword,
        orgId: setting.municipalityId,
        districtUnitId: district.unitId,
      },
      caseloadFamilyIds: caseload.map((c) => c.family_id),
      familyCount: Number(families.n),
      built,
      generateSeconds,
    };
  });
}

/**
 * VACUUM (ANALYZE) as the owner: fresh statistics and visibility maps for every run, so a
 * run right after generating and one a day later plan and scan the same way.
 */
export async function vacuumAnalyze(database: Database): Promise<number> {
  const started = Date.now();
  await database.withOwnerClient((client) => client.query('VACUUM (ANALYZE)'));
  return (Date.now() - started) / 1000;
}
