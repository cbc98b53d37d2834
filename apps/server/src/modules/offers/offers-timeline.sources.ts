import { copenhagenDate } from '@familiespor/domain';
import { registerTimelineSource, statusOf } from '../timeline/timeline.registry';
import { timelineEnrollments, timelineSessions } from './offers-timeline.repo';

// Sign-ups and course sessions: the provider's course records, category 'course'.
registerTimelineSource({
  kind: 'enrollment',
  categories: ['course'],
  async entries(tx, familyId) {
    return (await timelineEnrollments(tx, familyId)).map((e) => ({
      id: `enrollment:${e.id}`,
      kind: `enrollment_${e.status}`,
      date: copenhagenDate(e.signed_up_at),
      window: null,
      orgId: e.org_id,
      category: 'course' as const,
      status: 'done' as const,
      params: { offerName: e.offer_name },
    }));
  },
});

registerTimelineSource({
  kind: 'course_session',
  categories: ['course'],
  async entries(tx, familyId, today) {
    return (await timelineSessions(tx, familyId)).map((s) => {
      const date = copenhagenDate(s.starts_at);
      return {
        id: `course_session:${s.id}`,
        kind: 'course_session',
        date,
        window: null,
        orgId: s.org_id,
        category: 'course' as const,
        status: s.status === 'cancelled' ? ('cancelled' as const) : statusOf(today, date, null),
        params: {
          offerName: s.offer_name,
          title: s.title,
          number: s.number,
          time: s.starts_at.toISOString(),
          place: s.place,
        },
      };
    });
  },
});
