import { randomUUID } from 'node:crypto';
import {
  addDays,
  copenhagenDate,
  copenhagenLocalToInstant,
  fivTemplate,
  sessionDate,
  type TemplateSession,
} from '@familiespor/domain';
import type { Tx } from '../db/scope';
import { mulberry32 } from './seeded-random';

type Ids = Map<string, string>;

const rng = mulberry32;

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

type Couple = { familyId: string; parents: { id: string; role: string }[]; due: string };

/**
 * Familieiværksætterne in every phase: a cohort before the birth, one after it, and one that
 * has ended and goes on as a parent network — with attendance per parent for held sessions —
 * and first-time parents signed up and waiting to be planned into a cohort.
 */
async function createCohorts(tx: Tx, offerId: string, orgId: string, staff: Ids, now: Date): Promise<void> {
  const today = copenhagenDate(now);
  const random = rng(4711);
  const site = await tx
    .selectFrom('offer_site')
    .select(['id', 'name', 'address'])
    .where('offer_id', '=', offerId)
    .orderBy('name', 'desc')
    .executeTakeFirstOrThrow();
  const candidates = async (
    dueFrom: string,
    dueTo: string,
    limit: number,
    born: boolean,
  ): Promise<Couple[]> => {
    const rows = await tx
      .selectFrom('pregnancy as p')
      .innerJoin('family as f', 'f.id', 'p.family_id')
      .select(['p.family_id', 'p.due_date'])
      .where('p.first_child', '=', true)
      .where('p.status', '=', born ? 'born' : 'active')
      .where('p.due_date', '>=', dueFrom)
      .where('p.due_date', '<=', dueTo)
      .where('f.org_id', '=', orgId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('family_member as fm')
              .innerJoin('parent_account as pa', 'pa.person_id', 'fm.person_id')
              .select('pa.person_id')
              .whereRef('fm.family_id', '=', 'p.family_id'),
          ),
        ),
      )
      .orderBy('p.due_date')
      .limit(limit)
      .execute();
    const out: Couple[] = [];
    for (const r of rows) {
      const parents = await tx
        .selectFrom('family_member')
        .select(['person_id as id', 'role'])
        .where('family_id', '=', r.family_id)
        .where('role', '<>', 'child')
        .execute();
      out.push({ familyId: r.family_id, parents, due: r.due_date });
    }
    return out;
  };
  const enroll = async (c: Couple, cohortId: string | null, signedUp: Date) => {
    const id = randomUUID();
    await tx
      .insertInto('enrollment')
      .values({
        id,
        offer_id: offerId,
        org_id: orgId,
        family_id: c.familyId,
        family_org_id: orgId,
        status: 'enrolled',
        due_date: c.due,
        cohort_id: cohortId,
        signed_up_at: signedUp,
        enrolled_at: signedUp,
        created_by_kind: 'staff',
        created_by: staff.get('jordemoder@demo.dk') as string,
      })
      .execute();
    await tx
      .insertInto('enrollment_participant')
      .values(c.parents.map((p) => ({ enrollment_id: id, person_id: p.id, org_id: orgId })))
      .execute();
    await tx
      .insertInto('enrollment_event')
      .values({
        enrollment_id: id,
        org_id: orgId,
        status: 'enrolled',
        at: signedUp,
        by_kind: 'staff',
        by_id: null,
        reason: null,
      })
      .execute();
    return id;
  };
  const phases = [
    {
      name: 'Hold Vinter',
      dueFrom: addDays(today, 20),
      dueTo: addDays(today, 70),
      born: false,
      facilitator: 'sundhedsplejerske@demo.dk',
      status: 'running' as const,
    },
    {
      name: 'Hold Efterår',
      dueFrom: addDays(today, -150),
      dueTo: addDays(today, -100),
      born: true,
      facilitator: 'sundhedsplejerske@demo.dk',
      status: 'running' as const,
    },
    {
      name: 'Hold Forår',
      dueFrom: addDays(today, -470),
      dueTo: addDays(today, -420),
      born: true,
      facilitator: 'lise.dam@demo.dk',
      status: 'network' as const,
    },
  ];
  for (const phase of phases) {
    const couples = await candidates(phase.dueFrom, phase.dueTo, 10, phase.born);
    if (couples.length === 0) continue;
    const dues = couples.map((c) => c.due).sort();
    const anchor = dues[Math.floor((dues.length - 1) / 2)] as string;
    const facilitator = staff.get(phase.facilitator) as string;
    const { id: cohortId } = await tx
      .insertInto('cohort')
      .values({
        offer_id: offerId,
        org_id: orgId,
        site_id: site.id,
        name: phase.name,
        language: 'da',
        facilitator_user_id: facilitator,
        due_from: dues[0] as string,
        due_to: dues.at(-1) as string,
        status: phase.status,
        created_at: new Date(`${addDays(anchor, -120)}T09:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enrollments = new Map<string, string>();
    for (const c of couples)
      enrollments.set(c.familyId, await enroll(c, cohortId, new Date(`${addDays(anchor, -130)}T09:00:00Z`)));
    for (const [k, t] of (fivTemplate as readonly TemplateSession[]).entries()) {
      const day = sessionDate(t.offset, anchor);
      const startsAt = copenhagenLocalToInstant(`${day} 17:00`) ?? new Date(`${day}T16:00:00Z`);
      const held = day < today;
      const { id: sessionId } = await tx
        .insertInto('course_session')
        .values({
          offer_id: offerId,
          org_id: orgId,
          cohort_id: cohortId,
          number: k + 1,
          template_key: t.key,
          title: t.title,
          theme: t.theme,
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + 2 * 3_600_000),
          place: `${site.name}, ${site.address}`,
          facilitator_user_id: facilitator,
          guest_presenters: JSON.stringify(
            t.key === 'network_leave'
              ? [
                  {
                    name: 'Jesper Kofoed',
                    organisation: 'Udbetaling Danmark',
                    topic: 'Barsel og orlov for begge forældre',
                  },
                ]
              : t.key === 'teeth_sickness'
                ? [
                    {
                      name: 'Tandlæge Rikke Bach',
                      organisation: 'Den kommunale tandpleje',
                      topic: 'Tænder fra første tand',
                    },
                  ]
                : [],
          ),
          status: held ? 'held' : 'planned',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (!held) continue;
      for (const c of couples) {
        for (const parent of c.parents) {
          await tx
            .insertInto('attendance')
            .values({
              session_id: sessionId,
              person_id: parent.id,
              enrollment_id: enrollments.get(c.familyId) as string,
              org_id: orgId,
              present: random() < (parent.role === 'mother' ? 0.85 : 0.72),
              recorded_by: facilitator,
              recorded_at: new Date(startsAt.getTime() + 2 * 3_600_000),
            })
            .execute();
        }
      }
    }
  }
  // Signed up, waiting for the programme lead to plan the next cohorts.
  for (const c of await candidates(addDays(today, 84), addDays(today, 180), 24, false)) {
    await enroll(c, null, new Date(`${addDays(today, -Math.floor(random() * 30))}T10:00:00Z`));
  }
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
