import type { Task } from '../../api/api.types';

export type WorklistSection = 'alerts' | 'today' | 'overdue' | 'upcoming';
export const worklistSections: readonly WorklistSection[] = ['alerts', 'today', 'overdue', 'upcoming'];

/** Which section a task stands in: alerts first whatever their date, then by the due day. */
export function sectionOf(task: Pick<Task, 'alert' | 'window'>, today: string): WorklistSection {
  if (task.alert) return 'alerts';
  if (task.window.due === today) return 'today';
  if (task.window.due < today) return 'overdue';
  return 'upcoming';
}

/** The worklist in its sections, each in the API's order (alerts first, then by due date). */
export function worklistSectionsOf<T extends Pick<Task, 'alert' | 'window'>>(
  tasks: readonly T[],
  today: string,
): Record<WorklistSection, T[]> {
  const out: Record<WorklistSection, T[]> = { alerts: [], today: [], overdue: [], upcoming: [] };
  for (const task of tasks) out[sectionOf(task, today)].push(task);
  return out;
}

/** Task kinds the app has words for; a later kind is shown by its reason only. */
export const knownTaskKinds = [
  'visit_due',
  'self_harm_alert',
  'epds_repeat',
  'epds_referral',
  'adbb_repeat',
  'assign_coordinator',
  'consent_expiring',
  'plan_pregnancy_visit',
  'course_dropout_risk',
  'referral_unacknowledged',
] as const;
export type KnownTaskKind = (typeof knownTaskKinds)[number] | 'other';
export const taskKindOf = (kind: string): KnownTaskKind =>
  (knownTaskKinds as readonly string[]).includes(kind) ? (kind as KnownTaskKind) : 'other';
