import { randomUUID } from 'node:crypto';
import type { Enrollment, FamilyDetail, Offer } from '@familiespor/contracts';
import { addDays, copenhagenDate } from '@familiespor/domain';
import type { Kysely } from 'kysely';
import type { App } from '../src/app';
import type { DB } from '../src/db/schema';
import { inScope } from '../src/db/scope';
import { hashPassword } from '../src/modules/auth/passwords';
import {
  type BuiltStaff,
  buildOrganisation,
  buildStaffUser,
  buildUnit,
  testPassword,
  unique,
} from './factories';
import { login, type Session } from './http';

/** A municipality code no other test has taken (codes are unique; tests share PostgreSQL). */
async function freeMunicipalityCode(db: Kysely<DB>): Promise<string> {
  const taken = new Set(
    (
      await inScope(db, { kind: 'system' }, (tx) =>
        tx
          .selectFrom('organisation')
          .select('municipality_code')
          .where('municipality_code', 'is not', null)
          .execute(),
      )
    ).map((r) => r.municipality_code),
  );
  for (;;) {
    const code = String(100 + Math.floor(Math.random() * 890)); // 990–999 stay free for the demo (999)
    if (!taken.has(code)) return code;
  }
}

export type CareSetting = Awaited<ReturnType<typeof buildCareSetting>>;

/**
 * The organisations around one family: a municipality with health visiting (a department and
 * one district serving a postcode), a region with midwives, an NGO; and a logged-in user each.
 */
export async function buildCareSetting(app: App, db: Kysely<DB>) {
  let municipality: Awaited<ReturnType<typeof buildOrganisation>> | undefined;
  for (let attempt = 0; !municipality; attempt++) {
    try {
      municipality = await buildOrganisation(db, {
        kind: 'municipality',
        municipality_code: await freeMunicipalityCode(db),
      });
    } catch (error) {
      if (attempt > 5) throw error; // another test took the code at the same moment
    }
  }
  const region = await buildOrganisation(db, { kind: 'region', municipality_code: null });
  const ngo = await buildOrganisation(db, { kind: 'ngo', municipality_code: null });
  const hvDepartment = await buildUnit(db, municipality.id, {
    kind: 'department',
    name: unique('Sundhedsplejen'),
    service: 'health_visiting',
  });
  const district = await buildUnit(db, municipality.id, {
    kind: 'district',
    name: unique('Sundhedsplejen Nord'),
    service: 'health_visiting',
    parent_unit_id: hvDepartment.id,
    phone: '+45 70 10 20 30',
  });
  const otherDistrict = await buildUnit(db, municipality.id, {
    kind: 'district',
    name: unique('Sundhedsplejen Syd'),
    service: 'health_visiting',
  });
  const postcode = String(1000 + Math.floor(Math.random() * 8999));
  await inScope(db, { kind: 'system' }, (tx) =>
    tx
      .insertInto('district_postcode')
      .values({ org_id: municipality.id, postcode, unit_id: district.id })
      .execute(),
  );
  const midwifery = await buildUnit(db, region.id, {
    kind: 'team',
    name: unique('Jordemodercentret'),
    service: 'midwifery',
  });

  const users = {
    midwife: await buildStaffUser(db, region.id, { roles: ['midwife'], unitIds: [midwifery.id] }),
    healthVisitor: await buildStaffUser(db, municipality.id, {
      roles: ['health_visitor'],
      unitIds: [district.id],
    }),
    otherHealthVisitor: await buildStaffUser(db, municipality.id, {
      roles: ['health_visitor'],
      unitIds: [otherDistrict.id],
    }),
    programmeLead: await buildStaffUser(db, municipality.id, {
      roles: ['programme_lead'],
      unitIds: [hvDepartment.id],
    }),
    daycare: await buildStaffUser(db, municipality.id, { roles: ['daycare_educator'] }),
    ngo: await buildStaffUser(db, ngo.id, { roles: ['ngo_counsellor'] }),
  };
  const sessions = {} as Record<keyof typeof users, Session>;
  for (const [key, user] of Object.entries(users) as [keyof typeof users, BuiltStaff][]) {
    sessions[key] = await login(app, user.email, user.password);
  }
  return {
    municipality,
    region,
    ngo,
    units: { hvDepartment, district, otherDistrict, midwifery },
    postcode,
    users,
    sessions,
  };
}

let cprSequence = Math.floor(Math.random() * 50_000);

/** A replacement-style CPR for a birth date, unique within the test run. */
export function testCpr(birthDate: string, sex: 'female' | 'male'): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  cprSequence++;
  const yy = y % 100;
  const seventh = y >= 2000 ? 4 : 0;
  const middle = String(Math.floor(cprSequence / 5) % 100).padStart(2, '0');
  const last = ((cprSequence % 5) * 2 + (sex === 'male' ? 1 : 0)) % 10;
  return `${d + 60}${String(m).padStart(2, '0')}${String(yy).padStart(2, '0')}${seventh}${middle}${last}`;
}

/** A random adult birth date: with the CPR serial it keeps test CPR numbers from colliding. */
export function randomAdultBirthDate(): string {
  const start = Date.UTC(1980, 0, 1);
  const days = Math.floor(Math.random() * 365 * 22);
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}

/** A registration body the midwife could send; override what a test is about. */
export function pregnancyBody(
  setting: CareSetting,
  dueDate: string,
  overrides: Record<string, unknown> = {},
) {
  return {
    mother: {
      cpr: testCpr(randomAdultBirthDate(), 'female'),
      givenName: 'Amira',
      familyName: unique('Hansen').replace(' ', ''),
      preferredLanguage: 'ar',
      interpreterNeeded: true,
      phone: '+45 20 30 40 50',
      firstTimeParent: true,
    },
    partner: {
      role: 'co_parent',
      givenName: 'Sara',
      familyName: unique('Jensen').replace(' ', ''),
      birthDate: randomAdultBirthDate(),
      preferredLanguage: 'da',
      interpreterNeeded: false,
      firstTimeParent: true,
    },
    dueDate,
    careLevel: 2,
    address: {
      street: 'Bøgevej 12, 2. th.',
      postcode: setting.postcode,
      city: 'Demoby',
      municipalityCode: setting.municipality.municipality_code,
    },
    consent: { shareWithHealthVisiting: true, capturedHow: 'verbal' },
    ...overrides,
  };
}

// ---- Step 3 (families) helpers -------------------------------------------------------------

/** Today in Copenhagen on the app's clock, plus `days`: due dates and birth dates relative to it. */
export function dayOnClock(env: { clock: { now(): Date } }, days = 0): string {
  return addDays(copenhagenDate(env.clock.now()), days);
}

/** The rows one care setting owns, to show that a refused request wrote nothing (tests share PostgreSQL). */
export async function countSettingRows(
  db: Kysely<DB>,
  setting: CareSetting,
  people: { cprs?: readonly string[]; familyNames?: readonly string[] } = {},
) {
  const m = setting.municipality.id;
  return inScope(db, { kind: 'system' }, async (tx) => {
    const n = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
      Number((await q.executeTakeFirstOrThrow()).n);
    const cprs = (people.cprs ?? []).map((c) => c.replace('-', ''));
    const names = [...(people.familyNames ?? [])];
    return {
      persons:
        cprs.length + names.length === 0
          ? 0
          : await n(
              tx
                .selectFrom('person')
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where((eb) =>
                  eb.or([
                    ...(cprs.length ? [eb('cpr', 'in', cprs)] : []),
                    ...(names.length ? [eb('family_name', 'in', names)] : []),
                  ]),
                ),
            ),
      families: await n(
        tx
          .selectFrom('family')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', m),
      ),
      members: await n(
        tx
          .selectFrom('family_member')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', m),
      ),
      pregnancies: await n(
        tx
          .selectFrom('pregnancy')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', setting.region.id),
      ),
      births: await n(
        tx
          .selectFrom('birth')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('family_org_id', '=', m),
      ),
      involvements: await n(
        tx
          .selectFrom('involvement')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('family_org_id', '=', m),
      ),
      consents: await n(
        tx
          .selectFrom('consent')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('family_org_id', '=', m),
      ),
      tasks: await n(
        tx
          .selectFrom('task')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('org_id', '=', m),
      ),
      coordinators: await n(
        tx
          .selectFrom('coordinator_assignment')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('family_org_id', '=', m),
      ),
    };
  });
}

/**
 * A replacement-style CPR for a birth date that nobody in the database has yet. Children of a
 * test are born on a handful of dates near the test clock, and the PostgreSQL test database
 * keeps them between runs, so a fixed sequence would collide sooner or later.
 */
export async function freeCpr(db: Kysely<DB>, birthDate: string, sex: 'female' | 'male'): Promise<string> {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const yy = y % 100;
  // Seventh digits that give this century (DESIGN §5: the CPR office's table).
  const sevenths = y >= 2000 ? (yy <= 36 ? [4, 5, 6, 7, 8, 9] : [5, 6, 7, 8]) : [0, 1, 2, 3];
  for (let attempt = 0; ; attempt++) {
    if (attempt > 500) throw new Error(`no free test CPR for ${birthDate}: recreate the test database`);
    const seventh = sevenths[Math.floor(Math.random() * sevenths.length)] as number;
    const middle = String(Math.floor(Math.random() * 100)).padStart(2, '0');
    const last = Math.floor(Math.random() * 5) * 2 + (sex === 'male' ? 1 : 0);
    const cpr = `${d + 60}${String(m).padStart(2, '0')}${String(yy).padStart(2, '0')}${seventh}${middle}${last}`;
    const taken = await inScope(db, { kind: 'system' }, (tx) =>
      tx.selectFrom('person').select('id').where('cpr', '=', cpr).executeTakeFirst(),
    );
    if (!taken) return cpr;
  }
}

let parentPasswordHash: Promise<string> | undefined;

/** Gives a registered person (e.g. the mother a midwife registered) a portal login, and logs in. */
export async function loginAsParent(app: App, db: Kysely<DB>, personId: string): Promise<Session> {
  parentPasswordHash ??= hashPassword(testPassword);
  const hash = await parentPasswordHash;
  const email = `parent-${randomUUID().slice(0, 12)}@test.familiespor.dk`;
  await inScope(db, { kind: 'system' }, (tx) =>
    tx.insertInto('parent_account').values({ person_id: personId, email, password_hash: hash }).execute(),
  );
  return login(app, email, testPassword);
}

/** The audit events one HTTP request wrote (the response carries its request id). */
export async function auditOfRequest(db: Kysely<DB>, res: { headers: Record<string, unknown> }) {
  const requestId = String(res.headers['x-request-id']);
  return inScope(db, { kind: 'system' }, (tx) =>
    tx.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).orderBy('id').execute(),
  );
}

/** Denied attempts recorded for one actor (a staff user's id or a parent's person id). */
export async function deniedEventsOf(db: Kysely<DB>, actorId: string) {
  return inScope(db, { kind: 'system' }, (tx) =>
    tx
      .selectFrom('audit_event')
      .selectAll()
      .where('actor_id', '=', actorId)
      .where('action', '=', 'denied')
      .orderBy('id')
      .execute(),
  );
}

/** An organisation's involvement with a family, as another module (e.g. an NGO's case) would create it. */
export async function addInvolvement(
  db: Kysely<DB>,
  row: {
    familyId: string;
    familyOrgId: string;
    orgId: string;
    kind: 'consent' | 'enrollment' | 'referral';
    at: Date;
  },
) {
  await inScope(db, { kind: 'system' }, (tx) =>
    tx
      .insertInto('involvement')
      .values({
        family_id: row.familyId,
        family_org_id: row.familyOrgId,
        org_id: row.orgId,
        kind: row.kind,
        reason: 'Test: the organisation works with the family',
        started_at: row.at,
      })
      .execute(),
  );
}

/** The midwife registers a pregnancy due `dueInDays` from today (app clock); fails loudly otherwise. */
export async function registerFamily(
  env: { clock: { now(): Date }; database: { db: Kysely<DB> } },
  setting: CareSetting,
  options: { dueInDays?: number; overrides?: Record<string, unknown> } = {},
) {
  const body = pregnancyBody(setting, dayOnClock(env, options.dueInDays ?? 16 * 7), options.overrides);
  if (!options.overrides?.mother) {
    // A CPR nobody has: the PostgreSQL test database keeps the mothers of earlier runs.
    body.mother = { ...body.mother, cpr: await freeCpr(env.database.db, randomAdultBirthDate(), 'female') };
  }
  const res = await setting.sessions.midwife.request('POST', '/api/pregnancies', body);
  if (res.statusCode !== 201) throw new Error(`registerPregnancy: ${res.statusCode} ${res.body}`);
  const family = res.json() as FamilyDetail;
  const mother = family.members.find((m) => m.role === 'mother');
  const pregnancy = family.pregnancies[0];
  if (!mother || !pregnancy) throw new Error('the registration returned no mother or pregnancy');
  return { body, family, familyId: family.id, motherId: mother.personId, pregnancyId: pregnancy.id };
}

// ---- Step 4 (offers) helpers ---------------------------------------------------------------

/** A Familieiværksætterne course as a programme lead would add it; override what a test is about. */
export function fivOfferBody(overrides: Record<string, unknown> = {}) {
  return {
    name: unique('Familieiværksætterne'),
    description: 'Forløb for førstegangsforældre fra graviditetsuge 26',
    kind: 'course',
    level: 'universal',
    fiv: true,
    legalBasis: 'Sundhedsloven § 120 (forebyggende sundhedsydelser)',
    eligibility: { firstTimeParentsOnly: true },
    capacity: 40,
    sites: [{ name: unique('Sundhedshuset'), address: 'Byvej 1, 5000 Odense C', maxCohorts: 4 }],
    ...overrides,
  };
}

/** The programme lead adds an offer (an FIV course by default); fails loudly otherwise. */
export async function createTestOffer(setting: CareSetting, overrides: Record<string, unknown> = {}) {
  const res = await setting.sessions.programmeLead.request('POST', '/api/offers', fivOfferBody(overrides));
  if (res.statusCode !== 201) throw new Error(`createOffer: ${res.statusCode} ${res.body}`);
  return res.json() as Offer;
}

/** The parents of a registered family (mother first), as participantIds for a sign-up. */
export function parentIdsOf(family: FamilyDetail): string[] {
  return family.members
    .filter((m) => m.role !== 'child')
    .sort((a, b) => (a.role === 'mother' ? -1 : b.role === 'mother' ? 1 : 0))
    .map((m) => m.personId);
}

/** A health visitor (or any staff session) signs a family up with both parents; fails loudly otherwise. */
export async function enrollAsStaff(
  session: Session,
  offerId: string,
  family: FamilyDetail,
  extra: Record<string, unknown> = {},
) {
  const res = await session.request('POST', `/api/offers/${offerId}/enrollments`, {
    familyId: family.id,
    participantIds: parentIdsOf(family),
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`enrollInOffer: ${res.statusCode} ${res.body}`);
  return res.json() as Enrollment;
}

/**
 * A portal account for a registered person that can log in again (e.g. after the test clock
 * has moved past the idle timeout). Create it once per person.
 */
export async function parentAccount(app: App, db: Kysely<DB>, personId: string) {
  parentPasswordHash ??= hashPassword(testPassword);
  const hash = await parentPasswordHash;
  const email = `parent-${randomUUID().slice(0, 12)}@test.familiespor.dk`;
  await inScope(db, { kind: 'system' }, (tx) =>
    tx.insertInto('parent_account').values({ person_id: personId, email, password_hash: hash }).execute(),
  );
  return { email, login: () => login(app, email, testPassword) };
}

/** The rows an offer owns, to show that a refused request wrote nothing. */
export async function countOfferRows(db: Kysely<DB>, offerId: string) {
  return inScope(db, { kind: 'system' }, async (tx) => {
    const enrollments = await tx
      .selectFrom('enrollment')
      .select(['id', 'status', 'cohort_id'])
      .where('offer_id', '=', offerId)
      .execute();
    const ids = enrollments.map((e) => e.id);
    const n = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
      Number((await q.executeTakeFirstOrThrow()).n);
    const none = ids.length === 0;
    return {
      enrollments: enrollments.length,
      enrolled: enrollments.filter((e) => e.status === 'enrolled').length,
      inCohorts: enrollments.filter((e) => e.cohort_id !== null).length,
      participants: none
        ? 0
        : await n(
            tx
              .selectFrom('enrollment_participant')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('enrollment_id', 'in', ids),
          ),
      events: none
        ? 0
        : await n(
            tx
              .selectFrom('enrollment_event')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('enrollment_id', 'in', ids),
          ),
      cohorts: await n(
        tx
          .selectFrom('cohort')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('offer_id', '=', offerId),
      ),
      sessions: await n(
        tx
          .selectFrom('course_session')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('offer_id', '=', offerId),
      ),
      attendance: none
        ? 0
        : await n(
            tx
              .selectFrom('attendance')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('enrollment_id', 'in', ids),
          ),
    };
  });
}

/**
 * The midwife registers a couple, with changes to the mother or the partner (e.g. a father, or
 * second-time parents); `partner: null` registers the mother alone.
 */
export async function registerCouple(
  env: { clock: { now(): Date }; database: { db: Kysely<DB> } },
  setting: CareSetting,
  options: {
    dueInDays?: number;
    mother?: Record<string, unknown>;
    partner?: Record<string, unknown> | null;
  } = {},
) {
  const base = pregnancyBody(setting, dayOnClock(env));
  const overrides: Record<string, unknown> = {};
  if (options.mother) {
    const cpr = await freeCpr(env.database.db, randomAdultBirthDate(), 'female');
    overrides.mother = { ...base.mother, cpr, ...options.mother };
  }
  if (options.partner !== undefined)
    overrides.partner = options.partner === null ? null : { ...base.partner, ...options.partner };
  return registerFamily(env, setting, { dueInDays: options.dueInDays ?? 16 * 7, overrides });
}
