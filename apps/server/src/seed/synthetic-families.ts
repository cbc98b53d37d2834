import { randomUUID } from 'node:crypto';
import { addDays, dateAtWeek, kindergartenStartMonths, syntheticCpr } from '@familiespor/domain';
import type { Tx } from '../db/scope';
import { mulberry32 } from './seeded-random';
import { babyBoys, babyGirls, femaleNames, languages, maleNames, streets, surnames } from './synthetic-names';

/**
 * Realistic synthetic families for the demo and for benchmarks: Danish and immigrant names,
 * replacement-style CPR numbers (never a real person's), every stage from early pregnancy to
 * kindergarten, most with a coordinator and some "between chairs". Deterministic for a seed
 * and a date, so the demo looks the same each time it is created — and always current.
 */

export type SyntheticSetting = {
  municipalityId: string;
  districts: { unitId: string; postcodes: string[]; healthVisitorIds: string[] }[];
  regionId: string;
  midwiferyUnitId: string | null;
  midwifeIds: string[];
  birthplace: string;
};

export type GenerateOptions = {
  count: number;
  seed: number;
  today: string;
  now: Date;
  onProgress?: (done: number) => void;
};

/** mulberry32: small, fast and good enough to make the same demo twice. */
function rng(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
  };
}

type Rows = {
  persons: Record<string, unknown>[];
  families: Record<string, unknown>[];
  members: Record<string, unknown>[];
  pregnancies: Record<string, unknown>[];
  births: Record<string, unknown>[];
  involvements: Record<string, unknown>[];
  coordinators: Record<string, unknown>[];
  consents: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  taskEvents: Record<string, unknown>[];
};
const emptyRows = (): Rows => ({
  persons: [],
  families: [],
  members: [],
  pregnancies: [],
  births: [],
  involvements: [],
  coordinators: [],
  consents: [],
  tasks: [],
  taskEvents: [],
});

/** Next free serial per birth date, so every generated CPR number is unique. */
async function cprCounters(tx: Tx): Promise<Map<string, number>> {
  const rows = await tx
    .selectFrom('person')
    .select(['birth_date', (eb) => eb.fn.countAll<number>().as('n')])
    .where('cpr', 'is not', null)
    .where('birth_date', 'is not', null)
    .groupBy('birth_date')
    .execute();
  return new Map(rows.map((r) => [r.birth_date as string, Number(r.n) * 2 + 1]));
}

export async function generateFamilies(
  tx: Tx,
  setting: SyntheticSetting,
  options: GenerateOptions,
): Promise<number> {
  const r = rng(options.seed);
  const counters = await cprCounters(tx);
  const cpr = (birthDate: string, sex: 'female' | 'male') => {
    const n = (counters.get(birthDate) ?? 0) + 1;
    counters.set(birthDate, n);
    return syntheticCpr(birthDate, n, sex);
  };
  const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
  const language = () => {
    let x = r.next();
    for (const [code, share] of languages) {
      x -= share;
      if (x < 0) return code;
    }
    return 'da';
  };

  let rows = emptyRows();
  const flush = async () => {
    const chunk = 500;
    const insert = async (table: string, values: Record<string, unknown>[]) => {
      for (let i = 0; i < values.length; i += chunk) {
        // Bulk rows built above match the table's columns; Kysely's typing cannot follow a dynamic table name.
        await tx
          .insertInto(table as 'person')
          .values(values.slice(i, i + chunk) as never)
          .execute();
      }
    };
    await insert('person', rows.persons);
    await insert('family', rows.families);
    await insert('family_member', rows.members);
    await insert('pregnancy', rows.pregnancies);
    await insert('birth', rows.births);
    await insert('involvement', rows.involvements);
    await insert('coordinator_assignment', rows.coordinators);
    await insert('consent', rows.consents);
    await insert('task', rows.tasks);
    await insert('task_event', rows.taskEvents);
    rows = emptyRows();
  };

  const today = options.today;
  for (let i = 0; i < options.count; i++) {
    const district = r.pick(setting.districts);
    const familyId = randomUUID();
    const surname = r.pick(surnames);
    const lang = language();
    const interpreter = !['da', 'en'].includes(lang) && r.chance(0.4);
    const motherBirth = addDays(today, -r.int(19 * 365, 42 * 365));
    const motherId = randomUUID();
    const mother = {
      id: motherId,
      cpr: cpr(motherBirth, 'female'),
      given_name: r.pick(femaleNames),
      family_name: surname,
      birth_date: motherBirth,
      sex: 'female',
      preferred_language: lang,
      interpreter_needed: interpreter,
      phone: `+45 ${r.int(20, 61)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`,
    };
    rows.persons.push(mother);
    const partnerRole = r.chance(0.82) ? 'father' : r.chance(0.3) ? 'co_parent' : null;
    const firstTime = r.chance(0.55);
    rows.families.push({
      id: familyId,
      org_id: setting.municipalityId,
      district_unit_id: district.unitId,
      street: `${r.pick(streets)} ${r.int(1, 120)}`,
      postcode: r.pick(district.postcodes),
      city: 'Demoby',
      created_at: options.now,
      updated_at: options.now,
    });
    rows.members.push({
      family_id: familyId,
      person_id: motherId,
      org_id: setting.municipalityId,
      role: 'mother',
      custody: true,
      first_time_parent: firstTime,
    });
    if (partnerRole) {
      const sex = partnerRole === 'father' ? 'male' : 'female';
      const birth = addDays(today, -r.int(20 * 365, 48 * 365));
      const partnerId = randomUUID();
      rows.persons.push({
        id: partnerId,
        cpr: r.chance(0.9) ? cpr(birth, sex) : null,
        given_name: r.pick(sex === 'male' ? maleNames : femaleNames),
        family_name: r.chance(0.7) ? surname : r.pick(surnames),
        birth_date: birth,
        sex,
        preferred_language: lang,
        interpreter_needed: interpreter && r.chance(0.7),
      });
      rows.members.push({
        family_id: familyId,
        person_id: partnerId,
        org_id: setting.municipalityId,
        role: partnerRole,
        custody: true,
        first_time_parent: firstTime,
      });
    }

    // One in five is expecting (weeks 8–39); the rest have a child up to kindergarten age.
    const expecting = r.chance(0.2);
    const pregnancyId = randomUUID();
    const midwife = setting.midwifeIds.length > 0 ? r.pick(setting.midwifeIds) : null;
    let dueDate: string;
    let childBirth: string | null = null;
    if (expecting) {
      dueDate = addDays(today, r.int(7, 32 * 7));
    } else {
      const ageDays = r.int(0, kindergartenStartMonths * 30);
      childBirth = addDays(today, -ageDays);
      dueDate = addDays(childBirth, r.int(-21, 14));
    }
    const registeredDate = [dateAtWeek(dueDate, r.int(8, 12)), today].sort()[0] as string;
    const consent = r.chance(0.9);
    rows.pregnancies.push({
      id: pregnancyId,
      family_id: familyId,
      org_id: setting.regionId,
      unit_id: setting.midwiferyUnitId,
      mother_person_id: motherId,
      due_date: dueDate,
      care_level: r.chance(0.6) ? 1 : r.int(2, 4),
      first_child: firstTime,
      status: expecting ? 'active' : 'born',
      registered_by: midwife,
      registered_at: at(registeredDate),
      ended_at: childBirth ? at(childBirth, 4) : null,
      end_reason: childBirth ? 'birth' : null,
    });
    rows.involvements.push({
      id: randomUUID(),
      family_id: familyId,
      family_org_id: setting.municipalityId,
      org_id: setting.regionId,
      unit_id: setting.midwiferyUnitId,
      staff_user_id: midwife,
      kind: 'pregnancy_care',
      reason: 'Svangreomsorg: graviditeten er registreret af jordemoderen',
      started_at: at(registeredDate),
      ended_at: childBirth ? at(childBirth, 4) : null,
    });
    if (consent) {
      rows.consents.push({
        id: randomUUID(),
        family_id: familyId,
        family_org_id: setting.municipalityId,
        granted_by_person_id: motherId,
        categories: ['identity', 'pregnancy'],
        from_org_id: setting.regionId,
        to_org_id: setting.municipalityId,
        purpose: 'Sundhedsplejen planlægger graviditetsbesøg og tilbud til familien',
        valid_from: at(registeredDate),
        valid_to: at(addDays(dueDate, 365)),
        captured_how: r.chance(0.8) ? 'verbal' : 'paper',
        captured_by: midwife,
        captured_at: at(registeredDate),
      });
    }
    if (childBirth) {
      const sex = r.chance(0.5) ? 'female' : 'male';
      const childId = randomUUID();
      const named = addDays(childBirth, 30) <= today;
      rows.persons.push({
        id: childId,
        cpr: cpr(childBirth, sex),
        given_name: named
          ? r.pick(sex === 'female' ? babyGirls : babyBoys)
          : sex === 'female'
            ? 'Pige'
            : 'Dreng',
        family_name: surname,
        birth_date: childBirth,
        sex,
        preferred_language: lang,
        interpreter_needed: false,
      });
      rows.members.push({
        family_id: familyId,
        person_id: childId,
        org_id: setting.municipalityId,
        role: 'child',
        custody: false,
        first_time_parent: false,
      });
      const birthTime = at(childBirth, r.int(0, 23));
      rows.births.push({
        id: randomUUID(),
        family_id: familyId,
        family_org_id: setting.municipalityId,
        pregnancy_id: pregnancyId,
        org_id: setting.regionId,
        child_person_id: childId,
        birth_time: birthTime,
        discharge_time: new Date(birthTime.getTime() + r.int(6, 96) * 3_600_000),
        birthplace: setting.birthplace,
        source: 'import',
        registered_by: null,
        created_at: birthTime,
      });
      rows.involvements.push({
        id: randomUUID(),
        family_id: familyId,
        family_org_id: setting.municipalityId,
        org_id: setting.municipalityId,
        unit_id: district.unitId,
        staff_user_id: null,
        kind: 'statutory',
        reason: 'Sundhedsloven § 120: sundhedspleje til alle nyfødte i kommunen',
        started_at: birthTime,
        ended_at: null,
      });
    } else if (consent && dueDate > addDays(today, 8 * 7)) {
      const taskId = randomUUID();
      const due = [dateAtWeek(dueDate, 26), addDays(today, 7)].sort().at(-1) as string;
      const end = [dateAtWeek(dueDate, 32), addDays(due, 7)].sort().at(-1) as string;
      rows.tasks.push({
        id: taskId,
        org_id: setting.municipalityId,
        family_id: familyId,
        assignee_unit_id: district.unitId,
        assignee_user_id: null,
        kind: 'plan_pregnancy_visit',
        key: `plan_pregnancy_visit:${pregnancyId}`,
        window_start: registeredDate,
        due,
        window_end: end,
        state: 'ready',
        reason: 'Ny graviditet registreret af jordemoderen: planlæg graviditetsbesøget',
        rule: 'pregnancy_registered',
        created_at: at(registeredDate),
        updated_at: at(registeredDate),
      });
      rows.taskEvents.push({
        task_id: taskId,
        org_id: setting.municipalityId,
        state: 'ready',
        at: at(registeredDate),
        note: 'Oprettet ved registrering',
      });
    }
    // Most families the health visitors know have a coordinator; some are between chairs.
    const known = childBirth !== null || consent;
    if (known && district.healthVisitorIds.length > 0 && r.chance(0.85)) {
      const since = [addDays(childBirth ?? registeredDate, r.int(1, 10)), today].sort()[0] as string;
      rows.coordinators.push({
        id: randomUUID(),
        family_id: familyId,
        family_org_id: setting.municipalityId,
        coordinator_org_id: setting.municipalityId,
        staff_user_id: r.pick(district.healthVisitorIds),
        started_at: at(since),
        ended_at: null,
        handover_note: null,
        assigned_by: null,
      });
    }
    if (rows.families.length >= 1000) {
      await flush();
      options.onProgress?.(i + 1);
    }
  }
  await flush();
  options.onProgress?.(options.count);
  return options.count;
}
