import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { DB } from '../db/schema';
import { runTaskRulesForFamilies } from '../modules/tasks/task-rules-run';

export type TaskRulesJobResult = { families: number; drafts: number; created: number };
/** What a task-rules job may carry: nothing (every family), or one municipality's id. */
export type TaskRulesJobData = { orgId?: string | undefined };

/**
 * The nightly run of every task rule over every family: what the pg-boss worker and the command
 * line (`npm run cli -- tasks run-rules`) both call. Re-running it creates nothing twice.
 */
export async function runNightlyTaskRules(
  db: Kysely<DB>,
  clock: Clock,
  data: TaskRulesJobData = {},
  onBatch?: (families: number) => void,
): Promise<TaskRulesJobResult> {
  const r = await runTaskRulesForFamilies(db, clock.now(), undefined, { orgId: data.orgId, onBatch });
  return { families: r.families, drafts: r.drafts, created: r.created };
}
