import { copenhagenDate } from '@familiespor/domain';
import { registerTimelineSource } from '../timeline/timeline.registry';
import { timelineHandovers } from './handovers.repo';

// Handovers in the red thread: the sender's record, category 'handover', dated the day it was
// sent; the start date and the receiver are its params.
registerTimelineSource({
  kind: 'handover',
  categories: ['handover'],
  async entries(tx, familyId) {
    return (await timelineHandovers(tx, familyId)).map((h) => ({
      id: `handover:${h.id}`,
      kind: `handover_${h.transition}`,
      date: copenhagenDate(h.sent_at),
      window: null,
      orgId: h.org_id,
      category: 'handover' as const,
      status: 'done' as const,
      params: {
        childName: h.identity.child.givenName,
        to: h.to_unit_name,
        startDate: h.start_date,
        handoverStatus: h.status,
      },
    }));
  },
});
