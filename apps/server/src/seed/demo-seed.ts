import { addDays, copenhagenDate, dateAtWeek } from '@familiespor/domain';
import { sql } from 'kysely';
import type { FamilyMemberRole, UnitService } from '../db/schema';
import { inScope, type Tx } from '../db/scope';
import { hashPassword } from '../modules/auth/passwords';
import { runTaskRulesForFamilies } from '../modules/tasks/task-rules-run';
import type { Deps } from '../use-case';
import { seedCounselling } from './demo-counselling';
import { seedOffers } from './demo-offers';
import { seedOpenCounselling } from './demo-open-counselling';
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

type OrgKey = 'kommune' | 'region' | 'bolig' | 'mhj';
const orgs: Record<
  OrgKey,
  { kind: 'municipality' | 'region' | 'ngo' | 'housing_social'; name: string; code: string | null }
> = {
  kommune: { kind: 'municipality', name: 'Demo Kommune', code: '999' },
  region: { kind: 'region', name: 'Region Demo', code: null },
  bolig: { kind: 'housing_social', name: 'Boligsocialt Sekretariat Demo', code: null },
  mhj: { kind: 'ngo', name: 'Mødrehjælpen Demo', code: null },
};

type UnitSpec = {
  key: string;
  org: OrgKey;
  kind: 'team' | 'district' | 'department' | 'birthplace' | 'daycare';
  name: string;
  service: UnitService;
  parent?: string;
  phone?: string;
  email?: string;
  postcodes?: string[];
};
const units: UnitSpec[] = [
  {
    key: 'sp',
    org: 'kommune',
    kind: 'department',
    name: 'Sundhedsplejen',
    service: 'health_visiting',
    phone: '+45 70 12 34 00',
    email: 'sundhedsplejen@demo.dk',
  },
  {
    key: 'sp-nord',
    org: 'kommune',
    kind: 'district',
    name: 'Sundhedsplejen Nord',
    service: 'health_visiting',
    parent: 'sp',
    phone: '+45 70 12 34 10',
    email: 'sundhedsplejen.nord@demo.dk',
    postcodes: ['9991', '9992', '9993'],
  },
  {
    key: 'sp-syd',
    org: 'kommune',
    kind: 'district',
    name: 'Sundhedsplejen Syd',
    service: 'health_visiting',
    parent: 'sp',
    phone: '+45 70 12 34 20',
    email: 'sundhedsplejen.syd@demo.dk',
    postcodes: ['9994', '9995', '9996'],
  },
  {
    key: 'bof',
    org: 'kommune',
    kind: 'department',
    name: 'Børn og Familie',
    service: 'social_services',
    phone: '+45 70 12 35 00',
  },
  { key: 'dt', org: 'kommune', kind: 'department', name: 'Dagtilbud', service: 'daycare' },
  {
    key: 'dt-maelk',
    org: 'kommune',
    kind: 'daycare',
    name: 'Børnehuset Mælkebøtten',
    service: 'daycare',
    parent: 'dt',
    phone: '+45 70 12 36 10',
  },
  {
    key: 'fod',
    org: 'region',
    kind: 'birthplace',
    name: 'Fødeafdelingen, Demo Hospital',
    service: 'birthplace',
    phone: '+45 78 45 00 00',
  },
  {
    key: 'jmc',
    org: 'region',
    kind: 'team',
    name: 'Jordemodercentret Demo',
    service: 'midwifery',
    phone: '+45 78 45 10 00',
    email: 'jordemodercentret@regiondemo.dk',
  },
  {
    key: 'frg',
    org: 'bolig',
    kind: 'team',
    name: 'Familierådgivningen i boligområdet',
    service: 'family_counselling',
    phone: '+45 61 10 20 30',
  },
  {
    key: 'aaben',
    org: 'mhj',
    kind: 'team',
    name: 'Åben anonym rådgivning',
    service: 'open_counselling',
    phone: '+45 33 45 43 00',
  },
];

type StaffSpec = {
  email: string;
  name: string;
  title: string;
  org: OrgKey;
  roles: string[];
  units: string[];
  phone?: string;
};
export const demoStaff: StaffSpec[] = [
  {
    email: 'jordemoder@demo.dk',
    name: 'Karen Holm',
    title: 'Jordemoder',
    org: 'region',
    roles: ['midwife'],
    units: ['jmc'],
    phone: '+45 78 45 10 11',
  },
  {
    email: 'sundhedsplejerske@demo.dk',
    name: 'Mette Sørensen',
    title: 'Sundhedsplejerske',
    org: 'kommune',
    roles: ['health_visitor'],
    units: ['sp-nord'],
    phone: '+45 24 60 11 22',
  },
  {
    email: 'ledende.sundhedsplejerske@demo.dk',
    name: 'Hanne Kristensen',
    title: 'Ledende sundhedsplejerske',
    org: 'kommune',
    roles: ['programme_lead'],
    units: ['sp'],
  },
  {
    email: 'familieraadgiver@demo.dk',
    name: 'Ahmed Hassan',
    title: 'Familierådgiver',
    org: 'bolig',
    roles: ['family_counsellor'],
    units: ['frg'],
    phone: '+45 61 10 20 31',
  },
  {
    email: 'raadgiver@moedrehjaelpen.demo.dk',
    name: 'Louise Berg',
    title: 'Rådgiver',
    org: 'mhj',
    roles: ['ngo_counsellor'],
    units: ['aaben'],
  },
  {
    email: 'socialraadgiver@demo.dk',
    name: 'Peter Nielsen',
    title: 'Socialrådgiver',
    org: 'kommune',
    roles: ['caseworker'],
    units: ['bof'],
  },
  {
    email: 'paedagog@demo.dk',
    name: 'Sofie Larsen',
    title: 'Pædagog',
    org: 'kommune',
    roles: ['daycare_educator'],
    units: ['dt-maelk'],
  },
  {
    email: 'analytiker@demo.dk',
    name: 'Jonas Madsen',
    title: 'Analytiker',
    org: 'kommune',
    roles: ['analyst'],
    units: [],
  },
  {
    email: 'admin@demo.dk',
    name: 'Birgitte Andersen',
    title: 'Systemadministrator',
    org: 'kommune',
    roles: ['org_admin'],
    units: [],
  },
  {
    email: 'drift@demo.dk',
    name: 'Drift Familiespor',
    title: 'Platformsdrift',
    org: 'kommune',
    roles: ['platform_admin'],
    units: [],
  },
  // Colleagues, so caseloads are shared as in a real health visiting service.
  {
    email: 'lise.dam@demo.dk',
    name: 'Lise Dam',
    title: 'Sundhedsplejerske',
    org: 'kommune',
    roles: ['health_visitor'],
    units: ['sp-nord'],
    phone: '+45 24 60 11 23',
  },
  {
    email: 'nadia.karimi@demo.dk',
    name: 'Nadia Karimi',
    title: 'Sundhedsplejerske',
    org: 'kommune',
    roles: ['health_visitor'],
    units: ['sp-syd'],
    phone: '+45 24 60 11 24',
  },
  {
    email: 'birthe.lund@demo.dk',
    name: 'Birthe Lund',
    title: 'Sundhedsplejerske',
    org: 'kommune',
    roles: ['health_visitor'],
    units: ['sp-syd'],
    phone: '+45 24 60 11 25',
  },
  {
    email: 'jordemoder2@demo.dk',
    name: 'Maja Friis',
    title: 'Jordemoder',
    org: 'region',
    roles: ['midwife'],
    units: ['jmc'],
  },
];

type ParentSpec = {
  email: string;
  given: string;
  family: string;
  cpr: string;
  birthDate: string;
  role: FamilyMemberRole;
};
// Replacement-style CPR numbers (day + 60), so they can never belong to a real person.
export const demoParents: ParentSpec[] = [
  {
    email: 'mor@demo.dk',
    given: 'Amira',
    family: 'Hansen',
    cpr: '7403954018',
    birthDate: '1995-03-14',
    role: 'mother',
  },
  {
    email: 'far@demo.dk',
    given: 'Mikkel',
    family: 'Hansen',
    cpr: '8209931013',
    birthDate: '1993-09-22',
    role: 'father',
  },
];

const foundation: SeedPart = {
  key: '0001_organisations_staff_parents',
  async run(tx, { passwordHash }) {
    const orgIds = {} as Record<OrgKey, string>;
    for (const [key, o] of Object.entries(orgs) as [OrgKey, (typeof orgs)[OrgKey]][]) {
      const row = await tx
        .insertInto('organisation')
        .values({ kind: o.kind, name: o.name, municipality_code: o.code })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgIds[key] = row.id;
    }
    const unitIds: Record<string, string> = {};
    for (const u of units) {
      const row = await tx
        .insertInto('unit')
        .values({
          org_id: orgIds[u.org],
          kind: u.kind,
          name: u.name,
          service: u.service,
          phone: u.phone ?? null,
          email: u.email ?? null,
          parent_unit_id: u.parent ? (unitIds[u.parent] ?? null) : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitIds[u.key] = row.id;
      for (const postcode of u.postcodes ?? []) {
        await tx
          .insertInto('district_postcode')
          .values({ org_id: orgIds[u.org], postcode, unit_id: row.id })
          .execute();
      }
    }
    for (const s of demoStaff) {
      const orgId = orgIds[s.org];
      const { id } = await tx
        .insertInto('staff_user')
        .values({ org_id: orgId, email: s.email, name: s.name, title: s.title, phone: s.phone ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('staff_credential')
        .values({ staff_user_id: id, org_id: orgId, password_hash: passwordHash })
        .execute();
      await tx
        .insertInto('staff_user_role')
        .values(s.roles.map((role) => ({ staff_user_id: id, org_id: orgId, role })))
        .execute();
      if (s.units.length > 0) {
        await tx
          .insertInto('staff_user_unit')
          .values(s.units.map((u) => ({ staff_user_id: id, org_id: orgId, unit_id: unitIds[u] as string })))
          .execute();
      }
    }
    const partnerships: { partner: OrgKey; description: string; categories: string[] }[] = [
      {
        partner: 'region',
        description: 'Svangreomsorg: jordemødre og sundhedspleje',
        categories: ['identity', 'pregnancy', 'referral'],
      },
      {
        partner: 'bolig',
        description: 'Familierådgivning i boligområdet',
        categories: ['identity', 'referral', 'counselling', 'course'],
      },
      {
        partner: 'mhj',
        description: 'Åben anonym rådgivning hver onsdag og bro til kommunens tilbud',
        categories: ['referral'],
      },
    ];
    for (const p of partnerships) {
      await tx
        .insertInto('partnership')
        .values({
          municipality_org_id: orgIds.kommune,
          partner_org_id: orgIds[p.partner],
          description: p.description,
          record_categories: p.categories,
        })
        .execute();
    }
    const family = await tx
      .insertInto('family')
      .values({
        org_id: orgIds.kommune,
        district_unit_id: unitIds['sp-nord'] as string,
        street: 'Bøgevej 12, 1. tv.',
        postcode: '9991',
        city: 'Demoby',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const p of demoParents) {
      const person = await tx
        .insertInto('person')
        .values({
          cpr: p.cpr,
          given_name: p.given,
          family_name: p.family,
          birth_date: p.birthDate,
          email: p.email,
          sex: p.role === 'mother' ? 'female' : 'male',
          phone: p.role === 'mother' ? '+45 22 33 44 55' : '+45 22 33 44 66',
          // Amira reads Arabic best: the portal and the health visitor should know.
          preferred_language: p.role === 'mother' ? 'ar' : 'da',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('parent_account')
        .values({ person_id: person.id, email: p.email, password_hash: passwordHash })
        .execute();
      await tx
        .insertInto('family_member')
        .values({
          family_id: family.id,
          person_id: person.id,
          org_id: orgIds.kommune,
          role: p.role,
          custody: true,
          first_time_parent: true,
        })
        .execute();
    }
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

    const mor = await tx
      .selectFrom('person')
      .select('id')
      .where('cpr', '=', demoParents[0]?.cpr as string)
      .executeTakeFirstOrThrow();
    const fam = await tx
      .selectFrom('family_member')
      .select('family_id')
      .where('person_id', '=', mor.id)
      .executeTakeFirstOrThrow();
    const dueDate = addDays(today, 16 * 7); // week 24 today
    const registered = new Date(`${dateAtWeek(dueDate, 10)}T09:30:00Z`);
    await tx
      .insertInto('pregnancy')
      .values({
        family_id: fam.family_id,
        org_id: region,
        unit_id: jmc,
        mother_person_id: mor.id,
        due_date: dueDate,
        care_level: 1,
        first_child: true,
        registered_by: midwife,
        registered_at: registered,
      })
      .execute();
    await tx
      .insertInto('involvement')
      .values({
        family_id: fam.family_id,
        family_org_id: kommune,
        org_id: region,
        unit_id: jmc,
        staff_user_id: midwife,
        kind: 'pregnancy_care',
        reason: 'Svangreomsorg: graviditeten er registreret af jordemoderen',
        started_at: registered,
      })
      .execute();
    await tx
      .insertInto('consent')
      .values({
        family_id: fam.family_id,
        family_org_id: kommune,
        granted_by_person_id: mor.id,
        categories: ['identity', 'pregnancy'],
        from_org_id: region,
        to_org_id: kommune,
        purpose: 'Sundhedsplejen planlægger graviditetsbesøg og tilbud til familien',
        valid_from: registered,
        valid_to: new Date(`${addDays(dueDate, 365)}T00:00:00Z`),
        captured_how: 'verbal',
        captured_by: midwife,
        captured_at: registered,
      })
      .execute();
    await tx
      .insertInto('coordinator_assignment')
      .values({
        family_id: fam.family_id,
        family_org_id: kommune,
        coordinator_org_id: kommune,
        staff_user_id: mette,
        started_at: new Date(registered.getTime() + 6 * 86_400_000),
        assigned_by: mette,
      })
      .execute();

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

export const demoSeedParts: SeedPart[] = [
  foundation,
  families,
  offersPart,
  visitsPart,
  taskRulesPart,
  counsellingPart,
  openCounsellingPart,
  surveysPart,
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
