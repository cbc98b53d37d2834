import { workingDayDeadline } from '../time/working-days';
import { defaultReferralAckWorkingDays } from './referral-status';

/**
 * The acknowledgement deadline of a referral: the partnership between the two organisations may
 * set its own number of working days (`partnership.ack_deadline_working_days`), else 5. Counted
 * in Danish working days from the day the referral was sent (that day itself does not count): one
 * sent on the Wednesday before Easter is due on the Monday a week after Easter Monday.
 */
export function referralAckDeadline(
  createdAt: Date,
  partnershipWorkingDays: number | null,
): { workingDays: number; dueOn: string } {
  const workingDays = partnershipWorkingDays ?? defaultReferralAckWorkingDays;
  return { workingDays, dueOn: workingDayDeadline(createdAt, workingDays) };
}
