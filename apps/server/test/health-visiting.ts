import type { ChildVisit, FamilyDetail } from '@familiespor/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema';
import { inScope } from '../src/db/scope';
import { type CareSetting, dayOnClock, freeCpr, registerFamily } from './care-setting';
import type { Session } from './http';

// ---- Step 5 (health visiting and early detection) helpers ----------------------------------

type Env = { clock: { now(): Date }; database: { db: Kysely<DB> } };

/**
 * A registered family whose child was born `daysAgo` days ago (14:30 Danish time), registered by
 * the district's health visitor; `dischargeHours` after the birth mother and child went home.
 */
export async function familyWithNewborn(
  env: Env,
  setting: CareSetting,
  options: { daysAgo?: number; dischargeHours?: number | null; overrides?: Record<string, unknown> } = {},
) {
  const born = dayOnClock(env, -(options.daysAgo ?? 1));
  const f = await registerFamily(env, setting, { dueInDays: 5, overrides: options.overrides });
  const birthTime = new Date(`${born}T14:30:00+01:00`);
  const hours = options.dischargeHours === undefined ? 96 : options.dischargeHours;
  const res = await setting.sessions.healthVisitor.request('POST', `/api/families/${f.familyId}/births`, {
    child: { cpr: await freeCpr(env.database.db, born, 'female') },
    birthTime: birthTime.toISOString(),
    ...(hours === null
      ? {}
      : { dischargeTime: new Date(birthTime.getTime() + hours * 3_600_000).toISOString() }),
  });
  if (res.statusCode !== 201) throw new Error(`registerBirth: ${res.statusCode} ${res.body}`);
  const family = res.json() as FamilyDetail;
  const child = family.members.find((m) => m.role === 'child');
  const father = family.members.find((m) => m.role !== 'child' && m.role !== 'mother');
  if (!child || !father) throw new Error('the birth returned no child or partner');
  return { ...f, family, born, childId: child.personId, partnerId: father.personId };
}

export async function visitsOf(session: Session, familyId: string): Promise<ChildVisit[]> {
  const res = await session.request('GET', `/api/families/${familyId}/visits`);
  if (res.statusCode !== 200) throw new Error(`listChildVisits: ${res.statusCode} ${res.body}`);
  return res.json() as ChildVisit[];
}

/** The rows step 5 writes for one family, to show that a refused request wrote nothing. */
export async function countHealthVisitRows(db: Kysely<DB>, familyId: string) {
  return inScope(db, { kind: 'system' }, async (tx) => {
    const visits = await tx
      .selectFrom('child_visit')
      .select(['id', 'status', 'weight_g'])
      .where('family_id', '=', familyId)
      .orderBy('id')
      .execute();
    const screenings = await tx
      .selectFrom('screening')
      .select('id')
      .where('family_id', '=', familyId)
      .execute();
    const tasks = await tx
      .selectFrom('task')
      .select(['id', 'state'])
      .where('family_id', '=', familyId)
      .orderBy('id')
      .execute();
    return { visits, screenings: screenings.length, tasks };
  });
}

/** The family's one task of `kind`, with its history oldest first. */
export async function taskWithHistory(db: Kysely<DB>, familyId: string, kind: string) {
  return inScope(db, { kind: 'system' }, async (tx) => {
    const task = await tx
      .selectFrom('task')
      .select(['id', 'state', 'key'])
      .where('family_id', '=', familyId)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow();
    const history = await tx
      .selectFrom('task_event')
      .select(['state', 'note', 'by_user'])
      .where('task_id', '=', task.id)
      .orderBy('id')
      .execute();
    return { ...task, history };
  });
}

/** Answers (option indexes) that give an EPDS total of `total` without touching item 10. */
export function epdsAnswers(total: number, item10 = 0): number[] {
  const a = [0, 0, 3, 0, 3, 3, 3, 3, 3, 3 - item10]; // every item scores 0, item 10 scores item10
  let left = total - item10;
  for (const i of [0, 1, 3]) {
    const take = Math.min(3, left);
    a[i] = take;
    left -= take;
  }
  for (const i of [2, 4, 5, 6, 7, 8]) {
    const take = Math.min(3, left);
    a[i] = 3 - take;
    left -= take;
  }
  return a;
}
