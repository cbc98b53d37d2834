import { copenhagenDate } from '@familiespor/domain';
import { registerTimelineSource, statusOf } from '../timeline/timeline.registry';
import { timelineVisits } from './visits.repo';

// The child's home visits: the municipality's health-visiting records, category 'health_visit'.
// A planned visit with a booked time stands on the booked day, with the time and place as
// params (`time` as course sessions have it), so the family sees when the health visitor comes.
registerTimelineSource({
  kind: 'child_visit',
  categories: ['health_visit'],
  async entries(tx, familyId, today) {
    return (await timelineVisits(tx, familyId)).map((v) => {
      const window = { start: v.window_start, end: v.window_end };
      const booked = v.status === 'planned' && v.booked_at ? copenhagenDate(v.booked_at) : null;
      const status =
        v.status === 'done'
          ? ('done' as const)
          : v.status === 'planned'
            ? booked
              ? booked < today
                ? ('overdue' as const) // the booked day has passed and nothing is recorded
                : statusOf(today, booked, null)
              : v.window_end < today
                ? ('overdue' as const)
                : statusOf(today, null, window)
            : ('cancelled' as const); // missed, rescheduled or cancelled: not going to happen as planned
      return {
        id: `child_visit:${v.id}`,
        kind: `visit_${v.status}`,
        date: v.done_on ?? booked,
        window: v.done_on ? null : window,
        orgId: v.org_id,
        category: 'health_visit' as const,
        status,
        params: {
          name: v.name,
          visitKind: v.kind,
          childName: v.given_name,
          place: booked ? v.booked_place : v.place,
          ...(booked && v.booked_at ? { time: v.booked_at.toISOString() } : {}),
        },
      };
    });
  },
});
