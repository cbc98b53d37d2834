import { copenhagenDate, referralTimelineStatus } from '@familiespor/domain';
import { registerTimelineSource } from '../timeline/timeline.registry';
import { timelineReferrals } from './referrals.repo';

// Referrals in the red thread: the sender's record, category 'referral', dated the day it was
// sent; the receiver and where it stands are its params (never the reason, which is the
// professionals' words about the family). It is open until completed (referralTimelineStatus):
// an accepted referral is being worked on, not finished.
registerTimelineSource({
  kind: 'referral',
  categories: ['referral'],
  async entries(tx, familyId, today) {
    return (await timelineReferrals(tx, familyId)).map((r) => ({
      id: `referral:${r.id}`,
      kind: 'referral',
      date: copenhagenDate(r.created_at),
      window: null,
      orgId: r.org_id,
      category: 'referral' as const,
      status: referralTimelineStatus({ status: r.status, ackDueOn: r.ack_due_on }, today),
      params: {
        to: r.to_offer_name ?? r.to_unit_name ?? r.to_org_name,
        toOrganisation: r.to_org_name,
        referralStatus: r.status,
        urgency: r.urgency,
        ackDueOn: r.ack_due_on,
      },
    }));
  },
});
