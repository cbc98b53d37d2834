import { registerTimelineSource, statusOf } from '../timeline/timeline.registry';
import { timelineVisits } from './visits.repo';

// The child's home visits: the municipality's health-visiting records, category 'health_visit'.
registerTimelineSource({
  kind: 'child_visit',
  categories: ['health_visit'],
  async entries(tx, familyId, today) {
    return (await timelineVisits(tx, familyId)).map((v) => {
      const window = { start: v.window_start, end: v.window_end };
      const status =
        v.status === 'done'
          ? ('done' as const)
          : v.status === 'planned'
            ? v.window_end < today
              ? ('overdue' as const)
              : statusOf(today, null, window)
            : ('cancelled' as const); // missed, rescheduled or cancelled: not going to happen as planned
      return {
        id: `child_visit:${v.id}`,
        kind: `visit_${v.status}`,
        date: v.done_on,
        window: v.done_on ? null : window,
        orgId: v.org_id,
        category: 'health_visit' as const,
        status,
        params: { name: v.name, visitKind: v.kind, childName: v.given_name, place: v.place },
      };
    });
  },
});
