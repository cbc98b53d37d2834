import {
  addDays,
  copenhagenDate,
  type FamilySnapshot,
  runTaskRules,
  type TaskDraft,
  visitDueHorizon,
} from '@familiespor/domain';
import type { Kysely } from 'kysely';
import { systemContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import type { DB } from '../../db/schema';
import { asSystem, inScope, type Tx } from '../../db/scope';
import * as repo from './task-rules-run.repo';

export type RulesRunResult = { families: number; drafts: number; created: number; createdIds: string[] };

/** Families per batch: large enough that the per-statement cost vanishes, small enough to keep memory flat. */
export const defaultBatchSize = 1000;

/**
 * Builds the snapshots of one batch of families from a few set-based queries. Screenings are
 * left out on purpose: their follow-ups are written by `recordScreening` in the screening's own
 * transaction (with the same rule and keys), so there is nothing for a later run to catch up on.
 */
async function snapshots(tx: Tx, ids: readonly string[], now: Date): Promise<FamilySnapshot[]> {
  const today = copenhagenDate(now);
  const [facts, visits, consents, referrals] = await Promise.all([
    repo.familyFacts(tx, ids),
    repo.plannedVisits(
      tx,
      ids,
      addDays(today, visitDueHorizon.daysAhead),
      addDays(today, -visitDueHorizon.daysOverdue),
    ),
    repo.endingConsents(tx, ids, now),
    repo.unacknowledgedReferrals(tx, ids, today),
  ]);
  const byFamily = new Map<string, FamilySnapshot>();
  for (const f of facts) {
    byFamily.set(f.id, {
      familyId: f.id,
      orgId: f.org_id,
      districtUnitId: f.district_unit_id,
      coordinatorUserId: f.coordinator_user_id,
      openInvolvementSince: f.open_since,
      children: [],
      screenings: [],
      consents: [],
      referrals: [],
    });
  }
  for (const v of visits) {
    const f = byFamily.get(v.family_id);
    if (!f) continue;
    let child = f.children.find((c) => c.personId === v.child_person_id);
    if (!child) {
      child = { personId: v.child_person_id, visits: [] };
      f.children.push(child);
    }
    child.visits.push({
      key: v.visit_key,
      name: v.name,
      kind: v.kind,
      start: v.window_start,
      due: v.due,
      end: v.window_end,
      status: 'planned',
    });
  }
  for (const c of consents) {
    byFamily.get(c.family_id)?.consents.push({ id: c.id, validTo: c.valid_to, withdrawn: false });
  }
  for (const r of referrals) {
    byFamily.get(r.family_id)?.referrals?.push({
      id: r.id,
      senderOrgId: r.org_id,
      senderUserId: r.sender_user_id,
      receiverOrgId: r.to_org_id,
      receivingUnitId: r.to_unit_id,
      ackDueOn: r.ack_due_on,
    });
  }
  return [...byFamily.values()];
}

async function runBatch(tx: Tx, ids: readonly string[], now: Date) {
  const today = copenhagenDate(now);
  const drafts: (TaskDraft & { orgId: string })[] = [];
  for (const s of await snapshots(tx, ids, now)) {
    for (const d of runTaskRules(s, today)) drafts.push({ ...d, orgId: d.orgId ?? s.orgId });
  }
  const createdIds: string[] = [];
  // A few thousand rows per INSERT keeps each statement far below PostgreSQL's parameter limit.
  for (let i = 0; i < drafts.length; i += 2000) {
    createdIds.push(...(await repo.insertDrafts(tx, drafts.slice(i, i + 2000), now)));
  }
  return { drafts: drafts.length, createdIds };
}

function isTransaction(db: Kysely<DB> | Tx): db is Tx {
  return db.isTransaction;
}

/**
 * Runs the task rules (DESIGN §5) for some families, or for all of them, and inserts the tasks
 * whose key is new. Nothing is closed here: the domain's rules only say what is due, and the use
 * cases that settle a task's cause (a visit recorded, a screening repeated) close it.
 *
 * Inside a use case's transaction (after a change to one family) it runs there, as a consequence
 * of the authorised write; given the database it runs batch by batch, each batch a transaction of
 * its own, so the nightly run over the country never holds one transaction (or PGlite's only
 * connection) for minutes, and a failure loses at most one batch, which the next run redoes.
 */
export async function runTaskRulesForFamilies(
  db: Kysely<DB> | Tx,
  now: Date,
  familyIds?: readonly string[],
  options: {
    batchSize?: number;
    /** Only this municipality's families (an operator's run for one organisation). */
    orgId?: string | undefined;
    onBatch?: ((done: number) => void) | undefined;
  } = {},
): Promise<RulesRunResult> {
  const size = options.batchSize ?? defaultBatchSize;
  const total: RulesRunResult = { families: 0, drafts: 0, created: 0, createdIds: [] };
  const add = (ids: readonly string[], r: { drafts: number; createdIds: string[] }) => {
    total.families += ids.length;
    total.drafts += r.drafts;
    total.created += r.createdIds.length;
    // The ids are for the caller of a small run (a use case's audit); the nightly run only counts.
    if (familyIds) total.createdIds.push(...r.createdIds);
    options.onBatch?.(total.families);
  };

  if (isTransaction(db)) {
    const tx = db;
    const ids = familyIds ?? [];
    for (let i = 0; i < ids.length; i += size) {
      const chunk = ids.slice(i, i + size);
      add(chunk, await asSystem(tx, () => runBatch(tx, chunk, now)));
    }
    return total;
  }

  const ctx = systemContext(now, 'task-rules');
  const batch = (chunk: readonly string[]) =>
    inScope(db, { kind: 'system' }, async (tx) => {
      const r = await runBatch(tx, chunk, now);
      if (r.createdIds.length > 0) {
        await writeAudit(tx, ctx, {
          action: 'create',
          entityType: 'task',
          purpose: 'task_rules',
          detail: { families: chunk.length, created: r.createdIds.length },
        });
      }
      return r;
    });

  if (familyIds) {
    for (let i = 0; i < familyIds.length; i += size) {
      const chunk = familyIds.slice(i, i + size);
      add(chunk, await batch(chunk));
    }
    return total;
  }
  let after: string | null = null;
  for (;;) {
    const ids: string[] = await inScope(db, { kind: 'system' }, (tx) =>
      repo.nextFamilyIds(tx, after, size, options.orgId ?? null),
    );
    if (ids.length === 0) return total;
    add(ids, await batch(ids));
    after = ids[ids.length - 1] as string;
  }
}
