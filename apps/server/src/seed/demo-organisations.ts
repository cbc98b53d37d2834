import type { UnitService } from '../db/schema';
import type { Tx } from '../db/scope';

// The organisations, units and staff of DESIGN §7: Demo Kommune and its partners.

export type OrgKey = 'kommune' | 'region' | 'bolig' | 'mhj';
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

/**
 * The organisations, their units (with the districts' postcodes), the staff with a password each,
 * and the municipality's partnerships. Returns the ids the later steps of part 0001 need.
 */
export async function seedOrganisations(
  tx: Tx,
  passwordHash: string,
): Promise<{ orgIds: Record<OrgKey, string>; unitIds: Record<string, string> }> {
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
  return { orgIds, unitIds };
}
