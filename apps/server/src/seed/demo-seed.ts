import { copenhagenDate } from '@familiespor/domain';
import { sql } from 'kysely';
import { inScope, type Tx } from '../db/scope';
import { hashPassword } from '../modules/auth/passwords';
import { runTaskRulesForFamilies } from '../modules/tasks/task-rules-run';
import type { Deps } from '../use-case';
import { seedCounselling } from './demo-counselling';
import { seedOffers } from './demo-offers';
import { seedOpenCounselling } from './demo-open-counselling';
import { demoStaff, seedOrganisations } from './demo-organisations';
import { seedOutcomes } from './demo-outcomes';
import { seedDemoParents, seedDemoPregnancy } from './demo-parents';
import { seedSurveys } from './demo-surveys';
import { seedVisits } from './demo-visits';
import { generateFamilies } from './synthetic-families';

/**
 * Demo data of DESIGN §7. Each part runs once per database (recorded in app_meta), under a
 * transaction-level advisory lock, so two processes starting at once seed it once. Later
 * steps add parts; a part never changes after it has shipped.
 */
type SeedPart = { key: string; run: (tx: Tx, ctx: SeedContext) => Promise<void> };
type SeedContext = { now: Date; passwordHash: string };

const seedLockKey = 7_401_552_002;
export const demoPassword = 'demo';
// The demo accounts, where the tests and the benchmarks have always found them.
export { demoStaff } from './demo-organisations';
export { demoParents } from './demo-parents';

const foundation: SeedPart = {
  key: '0001_organisations_staff_parents',
  async run(tx, { passwordHash }) {
    const { orgIds, unitIds } = await seedOrganisations(tx, passwordHash);
    await seedDemoParents(tx, {
      municipalityId: orgIds.kommune,
      districtUnitId: unitIds['sp-nord'] as string,
      passwordHash,
    });
  },
};

/**
 * The red thread: the demo parents expect their first child (week 24 today), registered by the
 * midwife with consent, coordinated by the health visitor; and a few hundred families at every
 * stage from early pregnancy to kindergarten.
 */
const families: SeedPart = {
  key: '0002_families',
  async run(tx, { now }) {
    const today = copenhagenDate(now);
    const ids = async (table: 'organisation' | 'unit' | 'staff_user', column: 'name' | 'email') =>
      new Map(
        (await tx.selectFrom(table).select(['id', column]).execute()).map((r) => [
          r[column as keyof typeof r] as string,
          r.id,
        ]),
      );
    const orgIds = await ids('organisation', 'name');
    const unitIds = await ids('unit', 'name');
    const staffIds = await ids('staff_user', 'email');
    const kommune = orgIds.get('Demo Kommune') as string;
    const region = orgIds.get('Region Demo') as string;
    const jmc = unitIds.get('Jordemodercentret Demo') as string;
    const nord = unitIds.get('Sundhedsplejen Nord') as string;
    const midwife = staffIds.get('jordemoder@demo.dk') as string;
    const mette = staffIds.get('sundhedsplejerske@demo.dk') as string;

    await seedDemoPregnancy(tx, today, { kommune, region, jmc, midwife, mette });

    const hv = (unit: string) =>
      demoStaff
        .filter((s) => s.roles.includes('health_visitor') && s.units.includes(unit))
        .map((s) => staffIds.get(s.email) as string);
    await generateFamilies(
      tx,
      {
        municipalityId: kommune,
        regionId: region,
        midwiferyUnitId: jmc,
        midwifeIds: [midwife, staffIds.get('jordemoder2@demo.dk') as string],
        birthplace: 'Fødeafdelingen, Demo Hospital',
        districts: [
          { unitId: nord, postcodes: ['9991', '9992', '9993'], healthVisitorIds: hv('sp-nord') },
          {
            unitId: unitIds.get('Sundhedsplejen Syd') as string,
            postcodes: ['9994', '9995', '9996'],
            healthVisitorIds: hv('sp-syd'),
          },
        ],
      },
      { count: demoFamilyCount, seed: 20261123, today, now },
    );
  },
};

/** "A few hundred families at every stage" (DESIGN §7). */
export const demoFamilyCount = 300;

const offersPart: SeedPart = { key: '0003_offers', run: (tx, { now }) => seedOffers(tx, now) };

const visitsPart: SeedPart = { key: '0004_visits', run: (tx, { now }) => seedVisits(tx, now) };

/** The tasks the nightly run would have made by now, so "I dag" is not empty until 02:00. */
const taskRulesPart: SeedPart = {
  key: '0005_task_rules',
  run: async (tx, { now }) => {
    const ids = await tx
      .selectFrom('family as f')
      .innerJoin('organisation as o', 'o.id', 'f.org_id')
      .select('f.id')
      .where('o.name', '=', 'Demo Kommune')
      .orderBy('f.id')
      .execute();
    await runTaskRulesForFamilies(
      tx,
      now,
      ids.map((r) => r.id),
    );
  },
};

/** Step 7: the housing secretariat's family counselling, last year like Vollsmose 2017. */
const counsellingPart: SeedPart = {
  key: '0006_counselling_cases',
  run: (tx, { now }) => seedCounselling(tx, now),
};

/** Step 7: Mødrehjælpen's open anonymous counselling — its slots and a year of conversations. */
const openCounsellingPart: SeedPart = {
  key: '0007_open_counselling',
  run: (tx, { now }) => seedOpenCounselling(tx, now),
};

/** Step 8: satisfaction surveys after the Familieiværksætterne cohorts, partly answered. */
const surveysPart: SeedPart = { key: '0008_surveys', run: (tx, { now }) => seedSurveys(tx, now) };

/** Step 8: the outcome figures' activity — cohorts of two years, EPDS for both parents, readmissions. */
const outcomesPart: SeedPart = { key: '0009_outcomes', run: (tx, { now }) => seedOutcomes(tx, now) };

export const demoSeedParts: SeedPart[] = [
  foundation,
  families,
  offersPart,
  visitsPart,
  taskRulesPart,
  counsellingPart,
  openCounsellingPart,
  surveysPart,
  outcomesPart,
];

export async function seedDemo(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<string[]> {
  if (deps.config.production) throw new Error('Demo data is refused when NODE_ENV=production');
  const passwordHash = await hashPassword(demoPassword);
  return inScope(deps.db, { kind: 'system' }, async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(${seedLockKey})`.execute(tx);
    const done = new Set(
      (await tx.selectFrom('app_meta').select('key').where('key', 'like', 'demo_seed:%').execute()).map(
        (r) => r.key,
      ),
    );
    const applied: string[] = [];
    for (const part of demoSeedParts) {
      const marker = `demo_seed:${part.key}`;
      if (done.has(marker)) continue;
      await part.run(tx, { now: deps.clock.now(), passwordHash });
      await tx
        .insertInto('app_meta')
        .values({ key: marker, value: deps.clock.now().toISOString() })
        .execute();
      applied.push(part.key);
    }
    return applied;
  });
}
