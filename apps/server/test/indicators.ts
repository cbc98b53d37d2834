import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema';
import { inScope } from '../src/db/scope';
import {
  type BuiltFamily,
  buildFamily,
  buildOrganisation,
  buildStaffUser,
  buildUnit,
  unique,
} from './factories';

/**
 * Hand-built records for the indicator tests, written straight into the real tables (as the
 * system) so the known answers do not depend on the other modules' workflows. The answers:
 * reach 2026-03: 2 of 3; attendance 2026-04: fathers (3 + 1) / 2 = 2, mothers (3 + 2) / 2 = 2.5;
 * EPDS follow-up 2026-05: 1 of 2 positives; referrals on time 2026-06: 1 of 3; counselling
 * closed 2026-07 as no longer needing special support: 2 of 3; anonymous contacts 2026-08: 3,
 * of which 2 about finances; early visit 2026-01: 1 of 2; visits on time 2026-03: 1 of 2 early and
 * 1 of 2 8-week visits; EPDS coverage 2026-03: 2 of 4 parents (mothers 2 of 2, fathers 0 of 2);
 * no development concern 2026-09–10: 1 of 2; today coordinator coverage 1 of 3, between chairs 2.
 */
export async function buildIndicatorSetting(db: Kysely<DB>) {
  const municipality = await buildOrganisation(db);
  const district = await buildUnit(db, municipality.id, { name: unique('Vest') });
  const team = await buildUnit(db, municipality.id, { kind: 'team', name: unique('Familierådgivning') });
  const lead = await buildStaffUser(db, municipality.id, { roles: ['programme_lead'] });
  const analyst = await buildStaffUser(db, municipality.id, { roles: ['analyst'] });
  const healthVisitor = await buildStaffUser(db, municipality.id, {
    roles: ['health_visitor'],
    unitIds: [district.id],
  });
  const counsellor = await buildStaffUser(db, municipality.id, { roles: ['family_counsellor'] });
  const other = await buildOrganisation(db);
  const otherLead = await buildStaffUser(db, other.id, { roles: ['programme_lead'] });
  const ngo = await buildOrganisation(db, { kind: 'ngo' });
  const ngoLead = await buildStaffUser(db, ngo.id, { roles: ['programme_lead'] });

  const families: BuiltFamily[] = [];
  for (let i = 0; i < 3; i++)
    families.push(await buildFamily(db, municipality.id, { districtUnitId: district.id }));
  const [f1, f2, f3] = families as [BuiltFamily, BuiltFamily, BuiltFamily];
  const mother = (f: BuiltFamily) => f.parents[0]?.personId as string;
  const father = (f: BuiltFamily) => f.parents[1]?.personId as string;

  const offer = await inScope(db, { kind: 'system' }, async (tx) => {
    // Reach: three first-time pregnancies due in March 2026; two families go on the FIV course.
    for (const f of families)
      await tx
        .insertInto('pregnancy')
        .values({
          family_id: f.id,
          org_id: municipality.id,
          unit_id: district.id,
          mother_person_id: mother(f),
          due_date: '2026-03-15',
          care_level: 1,
          first_child: true,
          status: 'born',
          registered_at: new Date('2025-09-01T10:00:00Z'),
        })
        .execute();
    const offer = await tx
      .insertInto('offer')
      .values({
        org_id: municipality.id,
        name: unique('Familieiværksætterne'),
        kind: 'course',
        level: 'universal',
        eligibility: '{}',
        legal_basis: 'Sundhedsloven § 120',
        fiv: true,
        created_at: new Date('2025-01-01T09:00:00Z'),
        updated_at: new Date('2025-01-01T09:00:00Z'),
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    const cohort = await tx
      .insertInto('cohort')
      .values({
        offer_id: offer.id,
        org_id: municipality.id,
        name: unique('Hold'),
        language: 'da',
        facilitator_user_id: healthVisitor.id,
        due_from: '2026-03-01',
        due_to: '2026-03-31',
        created_at: new Date('2025-01-01T09:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sessions: string[] = [];
    for (const n of [1, 2, 3]) {
      const s = await tx
        .insertInto('course_session')
        .values({
          offer_id: offer.id,
          org_id: municipality.id,
          cohort_id: cohort.id,
          number: n,
          title: `Gang ${n}`,
          starts_at: new Date(`2026-04-0${n * 2}T15:00:00Z`),
          ends_at: new Date(`2026-04-0${n * 2}T17:00:00Z`),
          place: 'Sundhedshuset',
          status: 'held',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      sessions.push(s.id);
    }
    // Sessions attended: f1 mother 3, father 3; f2 mother 2, father 1.
    const attended: [BuiltFamily, number, number][] = [
      [f1, 3, 3],
      [f2, 2, 1],
    ];
    for (const [f, mothers, fathers] of attended) {
      const e = await tx
        .insertInto('enrollment')
        .values({
          offer_id: offer.id,
          org_id: municipality.id,
          family_id: f.id,
          family_org_id: municipality.id,
          status: 'completed',
          cohort_id: cohort.id,
          due_date: '2026-03-15',
          signed_up_at: new Date('2025-12-01T10:00:00Z'),
          enrolled_at: new Date('2025-12-01T10:00:00Z'),
          created_by_kind: 'staff',
          created_by: healthVisitor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [person, count] of [
        [mother(f), mothers],
        [father(f), fathers],
      ] as const) {
        await tx
          .insertInto('enrollment_participant')
          .values({ enrollment_id: e.id, person_id: person, org_id: municipality.id })
          .execute();
        for (const [i, session] of sessions.entries())
          await tx
            .insertInto('attendance')
            .values({
              session_id: session,
              person_id: person,
              enrollment_id: e.id,
              org_id: municipality.id,
              present: i < count,
              recorded_by: healthVisitor.id,
              recorded_at: new Date('2026-04-10T10:00:00Z'),
            })
            .execute();
      }
    }

    // EPDS: f1's and f2's mothers screen positive in May; only f1's mother is screened again
    // within 14 days (the follow-up). f3's mother screens below the cut-off.
    const epds = (f: BuiltFamily, on: string, positive: boolean) =>
      tx
        .insertInto('screening')
        .values({
          org_id: municipality.id,
          family_id: f.id,
          respondent_person_id: mother(f),
          respondent_role: 'mother',
          instrument: 'epds',
          answers: positive ? [2, 2, 2, 2, 2, 1, 1, 1, 0, 0] : [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
          total: positive ? 13 : 0,
          cutoff: 11,
          band: positive ? 'at_or_above_cutoff' : 'below_cutoff',
          observed_on: on,
          in_pregnancy: false,
          entered_by_kind: 'staff',
          recorded_by: healthVisitor.id,
          created_at: new Date(`${on}T10:00:00Z`),
        })
        .execute();
    await epds(f1, '2026-05-04', true);
    await epds(f2, '2026-05-06', true);
    await epds(f3, '2026-05-07', false);
    await epds(f1, '2026-05-12', false);

    // Referrals to the municipality in June: one acknowledged in time, one late, one never.
    const referrals: [BuiltFamily, string, string, string | null][] = [
      [f1, '2026-06-01', '2026-06-08', '2026-06-03'],
      [f2, '2026-06-02', '2026-06-09', '2026-06-12'],
      [f3, '2026-06-03', '2026-06-10', null],
    ];
    for (const [f, sent, due, received] of referrals)
      await tx
        .insertInto('referral')
        .values({
          org_id: municipality.id,
          family_id: f.id,
          family_org_id: municipality.id,
          sender_user_id: healthVisitor.id,
          to_org_id: municipality.id,
          reason: 'Behov for støtte',
          urgency: 'normal',
          status: received ? 'received' : 'requested',
          ack_working_days: 5,
          ack_due_on: due,
          created_at: new Date(`${sent}T09:00:00Z`),
          received_at: received ? new Date(`${received}T09:00:00Z`) : null,
          received_by: received ? healthVisitor.id : null,
          updated_at: new Date(`${received ?? sent}T09:00:00Z`),
        })
        .execute();

    // Counselling cases closed in July: two no longer need special support, one moved.
    const outcomes = ['no_special_support', 'no_special_support', 'moved'] as const;
    for (const [i, f] of families.entries()) {
      const inv = await tx
        .insertInto('involvement')
        .values({
          family_id: f.id,
          family_org_id: municipality.id,
          org_id: municipality.id,
          unit_id: team.id,
          staff_user_id: counsellor.id,
          kind: 'counselling',
          reason: 'Familierådgivning',
          started_at: new Date('2026-02-01T09:00:00Z'),
          ended_at: new Date('2026-07-10T09:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('counselling_case')
        .values({
          org_id: municipality.id,
          unit_id: team.id,
          family_id: f.id,
          family_org_id: municipality.id,
          counsellor_id: counsellor.id,
          family_copy: JSON.stringify({ parents: [], children: [] }),
          reason: 'Familien ønsker støtte',
          opened_from: 'own_request',
          requested_by_person_id: mother(f),
          request_how: 'verbal',
          involvement_id: inv.id,
          opened_on: '2026-02-01',
          opened_at: new Date('2026-02-01T09:00:00Z'),
          opened_by: counsellor.id,
          status: 'closed',
          closed_on: '2026-07-10',
          closed_at: new Date('2026-07-10T09:00:00Z'),
          closed_by: counsellor.id,
          outcome: outcomes[i] ?? 'moved',
        })
        .execute();
    }

    // Births in January 2026: f1 is visited 8 days after discharge, f2 only after 26 days. Their
    // 8-week visits (the EPDS visit) fall due in March: f1's inside the window, f2's after it.
    // At the 8–10-month visit f1's child develops as expected, f2's gives concern.
    const births: [BuiltFamily, string, string, string, 'age_appropriate' | 'concern', string][] = [
      [f1, '2026-01-10', '2026-01-20', '2026-03-10', 'age_appropriate', '2026-09-15'],
      [f2, '2026-01-15', '2026-02-10', '2026-03-25', 'concern', '2026-10-01'],
    ];
    for (const [f, born, firstVisit, eightWeeks, development, eightMonths] of births) {
      const child = await tx
        .insertInto('person')
        .values({ given_name: 'Barn', family_name: unique('Familie'), birth_date: born })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('family_member')
        .values({ family_id: f.id, person_id: child.id, org_id: municipality.id, role: 'child' })
        .execute();
      await tx
        .insertInto('birth')
        .values({
          family_id: f.id,
          family_org_id: municipality.id,
          org_id: municipality.id,
          child_person_id: child.id,
          birth_time: new Date(`${born}T08:00:00Z`),
          discharge_time: new Date(`${born}T08:00:00Z`),
          source: 'manual',
          created_at: new Date(`${born}T09:00:00Z`),
        })
        .execute();
      const visits: [string, string, string, string, string, string | null][] = [
        ['early', born, firstVisit, firstVisit, firstVisit, null],
        ['month2', '2026-03-01', '2026-03-10', '2026-03-20', eightWeeks, null],
        ['month8_10', '2026-09-01', '2026-09-20', '2026-11-15', eightMonths, development],
      ];
      for (const [key, start, due, end, done, dev] of visits)
        await tx
          .insertInto('child_visit')
          .values({
            org_id: municipality.id,
            family_id: f.id,
            child_person_id: child.id,
            visit_key: key,
            name: key,
            kind: 'statutory',
            window_start: start,
            due,
            window_end: end,
            status: 'done',
            done_on: done,
            place: 'home',
            development: dev as 'age_appropriate' | 'concern' | null,
            created_at: new Date(`${born}T09:00:00Z`),
          })
          .execute();
    }
    // Today all three families have an open referral; only f1 has a coordinator.
    await tx
      .insertInto('coordinator_assignment')
      .values({
        family_id: f1.id,
        family_org_id: municipality.id,
        coordinator_org_id: municipality.id,
        staff_user_id: healthVisitor.id,
        started_at: new Date('2026-06-05T09:00:00Z'),
      })
      .execute();

    // The NGO's drop-in in August: three contacts, two about finances.
    const topics = [['finances'], ['finances', 'housing'], ['divorce']];
    for (const t of topics)
      await tx
        .insertInto('anonymous_contact')
        .values({
          org_id: ngo.id,
          contact_date: '2026-08-12',
          channel: 'walk_in',
          who: 'mother',
          child_age_band: 'under_1',
          topics: t,
          duration_minutes: 30,
          outcomes: ['advice'],
        })
        .execute();
    return offer;
  });

  return {
    municipality,
    district,
    lead,
    analyst,
    healthVisitor,
    other,
    otherLead,
    ngo,
    ngoLead,
    families,
    father,
    offer,
  };
}

export async function countIndicatorRows(db: Kysely<DB>, orgId: string) {
  return inScope(db, { kind: 'system' }, async (tx) => {
    const cells = await tx
      .selectFrom('indicator_cell')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    const runs = await tx
      .selectFrom('indicator_refresh_run')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', orgId)
      .executeTakeFirstOrThrow();
    return { cells: Number(cells.n), runs: Number(runs.n) };
  });
}
