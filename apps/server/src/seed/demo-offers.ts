import { fivTemplate } from '@familiespor/domain';
import type { Tx } from '../db/scope';
import { createCohorts } from './demo-fiv-cohorts';

type Ids = Map<string, string>;

type OfferSpec = {
  key: string;
  org: string;
  name: string;
  description: string;
  kind: 'course' | 'group' | 'home_visits' | 'counselling' | 'open_counselling' | 'event';
  level: 'universal' | 'extended' | 'targeted' | 'specialised';
  eligibility: Record<string, unknown>;
  capacity: number | null;
  languages: string[];
  legalBasis: string;
  referralOnly?: boolean;
  fiv?: boolean;
  schedule?: string;
  sites?: { name: string; address: string; maxCohorts: number; languages: string[] }[];
};

/** The offers of DESIGN §1, as Demo Kommune and its partners would describe them. */
const offers: OfferSpec[] = [
  {
    key: 'fiv',
    org: 'Demo Kommune',
    name: 'Familieiværksætterne',
    description:
      'Forløb for alle førstegangsforældre: 16 gange fra omkring 26. graviditetsuge, til barnet er godt et år. I mødes i et hold med andre forældre, der venter barn på samme tid, og med den samme sundhedsplejerske hele vejen.',
    kind: 'course',
    level: 'universal',
    eligibility: { firstTimeParentsOnly: true, pregnancyWeeks: { from: 12, to: 30 } },
    capacity: 120,
    languages: ['da', 'ar'],
    legalBasis: 'Sundhedsloven § 120 (sundhedsfremme og forebyggelse for børn og unge)',
    fiv: true,
    sites: [
      {
        name: 'Sundhedshuset Nord',
        address: 'Nørregade 4, 9991 Demoby',
        maxCohorts: 6,
        languages: ['da', 'ar'],
      },
      { name: 'Familiehuset Syd', address: 'Sydvej 20, 9994 Demoby', maxCohorts: 4, languages: ['da'] },
    ],
  },
  {
    key: 'klar',
    org: 'Demo Kommune',
    name: 'Klar til baby',
    description:
      'Et lille hold for gravide, der har brug for ekstra støtte før fødslen. Sundhedsplejersken eller jordemoderen henviser.',
    kind: 'group',
    level: 'targeted',
    eligibility: { pregnancyWeeks: { from: 16, to: 34 } },
    capacity: 12,
    languages: ['da'],
    legalBasis: 'Sundhedsloven § 120 og barnets lov § 32 (forebyggende tilbud)',
    referralOnly: true,
  },
  {
    key: 'baby',
    org: 'Demo Kommune',
    name: 'Forældreuddannelse for babyforældre',
    description: 'Fire aftener om søvn, gråd, leg og samspil med jeres baby.',
    kind: 'course',
    level: 'universal',
    eligibility: { childAgeMonths: { from: 0, to: 12 } },
    capacity: 30,
    languages: ['da'],
    legalBasis: 'Sundhedsloven § 120',
  },
  {
    key: 'tumling',
    org: 'Demo Kommune',
    name: 'Forældreuddannelse for tumlingeforældre',
    description: 'Om grænser, trods, sprog og hverdag med et barn på 1–3 år.',
    kind: 'course',
    level: 'universal',
    eligibility: { childAgeMonths: { from: 12, to: 36 } },
    capacity: 30,
    languages: ['da'],
    legalBasis: 'Sundhedsloven § 120',
  },
  {
    key: 'moedre',
    org: 'Demo Kommune',
    name: 'Mødregruppe',
    description: 'Sundhedsplejen samler nye mødre i samme område, så I kan støtte hinanden.',
    kind: 'group',
    level: 'universal',
    eligibility: { childAgeMonths: { from: 0, to: 6 } },
    capacity: null,
    languages: ['da', 'ar', 'en'],
    legalBasis: 'Sundhedsloven § 120',
  },
  {
    key: 'faedre',
    org: 'Demo Kommune',
    name: 'Fædregruppe',
    description: 'For fædre med et barn under et år: seks aftener om at være far, med tid til spørgsmål.',
    kind: 'group',
    level: 'universal',
    eligibility: { childAgeMonths: { from: 0, to: 12 } },
    capacity: 16,
    languages: ['da'],
    legalBasis: 'Sundhedsloven § 120',
  },
  {
    key: 'tema',
    org: 'Demo Kommune',
    name: 'Temaaften: søvn og gråd',
    description: 'En åben aften med sundhedsplejen. Alle forældre til børn under et år er velkomne.',
    kind: 'event',
    level: 'universal',
    eligibility: { childAgeMonths: { from: 0, to: 12 } },
    capacity: 60,
    languages: ['da'],
    legalBasis: 'Sundhedsloven § 120',
    schedule: 'Anden tirsdag i måneden kl. 19–21, Sundhedshuset Nord',
  },
  {
    key: 'hjemmebesoeg',
    org: 'Demo Kommune',
    name: 'Udvidede hjemmebesøg',
    description: 'Ekstra besøg af sundhedsplejersken til alle nye familier: ved 3 uger og ved 12 måneder.',
    kind: 'home_visits',
    level: 'extended',
    eligibility: {},
    capacity: null,
    languages: ['da', 'en', 'ar'],
    legalBasis: 'Sundhedsloven § 121',
  },
  {
    key: 'familieraadgivning',
    org: 'Boligsocialt Sekretariat Demo',
    name: 'Familierådgivning i boligområdet',
    description:
      'En familierådgiver i jeres boligområde hjælper med det, der fylder — i jeres eget tempo og i et langt forløb.',
    kind: 'counselling',
    level: 'targeted',
    eligibility: {},
    capacity: 40,
    languages: ['da', 'ar', 'so'],
    legalBasis: 'Boligsocial helhedsplan i samarbejde med Demo Kommune',
  },
  {
    key: 'aaben',
    org: 'Mødrehjælpen Demo',
    name: 'Åben anonym rådgivning',
    description:
      'Kom forbi uden aftale. Du behøver ikke sige dit navn. Vi taler om det, der fylder: skilsmisse, økonomi, bekymring for barnet, parforholdet.',
    kind: 'open_counselling',
    level: 'universal',
    eligibility: {},
    capacity: null,
    languages: ['da', 'en'],
    legalBasis: 'Barnets lov § 29 (anonym rådgivning)',
    schedule: 'Hver onsdag kl. 15–18, Kirkegade 3, 9991 Demoby',
  },
];

async function createOffers(
  tx: Tx,
  orgIds: Ids,
  municipality: string,
  now: Date,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const o of offers) {
    const orgId = orgIds.get(o.org) as string;
    const { id } = await tx
      .insertInto('offer')
      .values({
        org_id: orgId,
        name: o.name,
        description: o.description,
        kind: o.kind,
        level: o.level,
        municipality_ids: [municipality],
        eligibility: JSON.stringify({ ...o.eligibility, ...(o.referralOnly ? { referralOnly: true } : {}) }),
        capacity: o.capacity,
        languages: o.languages,
        legal_basis: o.legalBasis,
        referral_only: o.referralOnly ?? false,
        fiv: o.fiv ?? false,
        schedule: o.schedule ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(o.key, id);
    for (const s of o.sites ?? []) {
      await tx
        .insertInto('offer_site')
        .values({
          offer_id: id,
          org_id: orgId,
          name: s.name,
          address: s.address,
          max_cohorts: s.maxCohorts,
          languages: s.languages,
        })
        .execute();
    }
    if (o.fiv) {
      await tx
        .insertInto('course_template')
        .values({ offer_id: id, org_id: orgId, sessions: JSON.stringify(fivTemplate), updated_at: now })
        .execute();
    }
  }
  return ids;
}

export async function seedOffers(tx: Tx, now: Date): Promise<void> {
  const orgIds = new Map(
    (await tx.selectFrom('organisation').select(['id', 'name']).execute()).map((o) => [o.name, o.id]),
  );
  const staff = new Map(
    (await tx.selectFrom('staff_user').select(['id', 'email']).execute()).map((s) => [s.email, s.id]),
  );
  const municipality = orgIds.get('Demo Kommune') as string;
  const ids = await createOffers(tx, orgIds, municipality, now);
  await createCohorts(tx, ids.get('fiv') as string, municipality, staff, now);
}
