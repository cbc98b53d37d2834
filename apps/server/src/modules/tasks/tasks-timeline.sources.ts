import {
  addDays,
  type Category,
  copenhagenDate,
  followUpOfKey,
  type TaskKind,
  taskKinds,
} from '@familiespor/domain';
import { registerTimelineSource, type TimelineDraft } from '../timeline/timeline.registry';
import { timelineTasks } from './tasks.repo';

/** Each task is decided as the record it follows up: the alert is screening data, a visit task a visit. */
const categoryOf: Record<TaskKind, Category> = {
  visit_due: 'health_visit',
  plan_pregnancy_visit: 'health_visit',
  self_harm_alert: 'screening',
  epds_repeat: 'screening',
  epds_referral: 'screening',
  adbb_repeat: 'screening',
  course_dropout_risk: 'course',
  assign_coordinator: 'identity',
  consent_expiring: 'identity',
  referral_unacknowledged: 'referral',
};
const isTaskKind = (k: string): k is TaskKind => (taskKinds as readonly string[]).includes(k);

/** How long a closed task stays in the timeline: the recent work, not the whole history. */
const closedShownForDays = 90;

// Staff work items: what the professionals around the family are to do, or just did. Parents
// see the visits and screenings themselves, never the worklist behind them.
registerTimelineSource({
  kind: 'task',
  audience: 'staff',
  categories: [...new Set(Object.values(categoryOf))],
  async entries(tx, familyId, today) {
    const rows = await timelineTasks(tx, familyId, addDays(today, -closedShownForDays));
    // The copies of one follow-up (the item-10 alert to the coordinator and the district) are
    // one piece of work: one entry, naming everyone who holds it, the personal copy first.
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const key = followUpOfKey(r.key) ?? r.key;
      const group = groups.get(key) ?? [];
      group.push(r);
      groups.set(key, group);
    }
    const out: TimelineDraft[] = [];
    for (const group of groups.values()) {
      group.sort((a, b) => Number(b.assignee_user_id !== null) - Number(a.assignee_user_id !== null));
      const t = group.find((r) => r.state === 'ready') ?? group[0];
      if (!t || !isTaskKind(t.kind)) continue; // a kind this code does not know is not shown
      const open = t.state === 'ready';
      out.push({
        id: `task:${t.id}`,
        kind: `task_${t.kind}`,
        date: open ? null : copenhagenDate(t.updated_at),
        window: open ? { start: t.window_start, end: t.window_end } : null,
        orgId: t.org_id,
        category: categoryOf[t.kind],
        status: open
          ? t.due < today
            ? 'overdue'
            : t.window_start <= today
              ? 'due'
              : 'upcoming'
          : t.state === 'completed'
            ? 'done'
            : 'cancelled',
        params: {
          taskKind: t.kind,
          reason: t.reason,
          due: t.due,
          assignee: [...new Set(group.map((r) => r.user_name ?? r.unit_name ?? ''))]
            .filter(Boolean)
            .join(', '),
          closedBy: open ? null : t.closed_by,
        },
      });
    }
    return out;
  },
});
