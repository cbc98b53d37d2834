import { pregnancyVisitKey, visitDueKey } from '@familiespor/domain';
import type { RequestContext } from '../../access/request-context';
import { asSystem, type Tx } from '../../db/scope';
import { runTaskRulesForFamilies } from './task-rules-run';
import * as repo from './tasks.repo';

/**
 * What other use cases call, in their own transaction, when they change what the task rules
 * read — so a week-1 visit planned at the birth is on the worklist at once, not the next night.
 * Returns the ids of the tasks created, for the use case's audit event.
 */
export async function runTaskRulesAfterChange(
  tx: Tx,
  ctx: RequestContext,
  familyId: string,
): Promise<string[]> {
  return (await runTaskRulesForFamilies(tx, ctx.now, [familyId])).createdIds;
}

const settledNotes = {
  done: 'Besøget er gennemført',
  missed: 'Besøget blev ikke gennemført',
  cancelled: 'Besøget er aflyst',
} as const;

/**
 * Recording a visit settles its `visit_due` task: done completes it, missed or cancelled cancels
 * it (the visit record holds the reason), and a visit moved to a new window keeps its task, with
 * the new window — it is still the same visit to make. The task belongs to the municipality whose
 * visit it is, so this is a consequence of the authorised write (asSystem).
 */
export async function settleVisitTask(
  tx: Tx,
  ctx: RequestContext,
  visit: { childPersonId: string; visitKey: string },
  outcome:
    | { kind: 'done' | 'missed' | 'cancelled' }
    | { kind: 'rescheduled'; window: { start: string; due: string; end: string } },
): Promise<void> {
  await asSystem(tx, async () => {
    const task = await repo.findOpenTaskByKey(tx, visitDueKey(visit.childPersonId, visit.visitKey));
    if (!task) return;
    const byUser = ctx.principal?.kind === 'staff' ? ctx.principal.userId : null;
    if (outcome.kind === 'rescheduled') {
      await repo.moveTaskWindow(tx, task, outcome.window, {
        at: ctx.now,
        byUser,
        note: `Besøget er flyttet til ${outcome.window.start}–${outcome.window.end}`,
      });
      return;
    }
    await repo.closeTask(tx, task, {
      state: outcome.kind === 'done' ? 'completed' : 'cancelled',
      at: ctx.now,
      byUser,
      note: settledNotes[outcome.kind],
    });
  });
}

/**
 * The pregnancy visit is planned before the birth; once the child is born it can no longer be
 * made, and the newborn's own visits take over. The task belongs to the municipality while the
 * birth may be registered by the region, so closing it is a consequence of the authorised write
 * (asSystem). Returns the id of the task it cancelled, if any.
 */
export async function settlePregnancyVisitTask(
  tx: Tx,
  ctx: RequestContext,
  pregnancyId: string,
): Promise<string | null> {
  return asSystem(tx, async () => {
    const task = await repo.findOpenTaskByKey(tx, pregnancyVisitKey(pregnancyId));
    if (!task) return null;
    const closed = await repo.closeTask(tx, task, {
      state: 'cancelled',
      at: ctx.now,
      byUser: ctx.principal?.kind === 'staff' ? ctx.principal.userId : null,
      note: 'Barnet er født: graviditetsbesøget bortfalder, og barnets besøg er planlagt',
    });
    return closed ? task.id : null;
  });
}
