import { addDays, dateAtWeek } from '@familiespor/domain';
import type { FamilyMemberRole } from '../db/schema';
import type { Tx } from '../db/scope';

// The demo parents of DESIGN §7 (mor@demo.dk and far@demo.dk) and the red thread of their pregnancy.

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

/** The demo parents' family in Sundhedsplejen Nord, both parents with a portal account. */
export async function seedDemoParents(
  tx: Tx,
  q: { municipalityId: string; districtUnitId: string; passwordHash: string },
): Promise<void> {
  const { passwordHash } = q;
  const family = await tx
    .insertInto('family')
    .values({
      org_id: q.municipalityId,
      district_unit_id: q.districtUnitId,
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
        org_id: q.municipalityId,
        role: p.role,
        custody: true,
        first_time_parent: true,
      })
      .execute();
  }
}

/**
 * The red thread: the demo parents expect their first child (week 24 today), registered by the
 * midwife with consent, coordinated by the health visitor.
 */
export async function seedDemoPregnancy(
  tx: Tx,
  today: string,
  ids: { kommune: string; region: string; jmc: string; midwife: string; mette: string },
): Promise<void> {
  const { kommune, region, jmc, midwife, mette } = ids;
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
}
