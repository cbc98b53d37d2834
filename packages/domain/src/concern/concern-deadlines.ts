import { copenhagenDate } from '../time/calendar';
import { workingDayDeadline } from '../time/working-days';

/**
 * The legal deadlines of a concern report (underretning, Barnets lov § 133), counted from its
 * receipt by the municipality:
 * - the urgent assessment — is the child's health or development in danger so that something
 *   must be done at once — "inden for 24 timer" (§ 133 stk. 3): 24 hours on the clock, so a
 *   report received on Friday afternoon is assessed by Saturday afternoon, holidays or not;
 * - the receipt to a professional sender within 6 working days (§ 133 stk. 4), Danish public
 *   holidays and the public sector's days off excluded, counted from the day after receipt.
 *
 * Imported as `@familiespor/domain/concern` (like working-days, outside the package index) so
 * the web bundle does not carry the holiday data: the server computes, the web shows.
 */

export const assessmentHours = 24;
export const receiptWorkingDays = 6;

export function assessmentDeadline(receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + assessmentHours * 3_600_000);
}

/** The last Danish date on which the receipt is on time. */
export function receiptDeadline(receivedAt: Date): string {
  return workingDayDeadline(receivedAt, receiptWorkingDays);
}

/** open: not done, not yet late; overdue: not done and late; done / done_late once recorded. */
export type DeadlineState = 'open' | 'overdue' | 'done' | 'done_late';

export type ConcernDeadlines = {
  assessment: { dueAt: Date; state: DeadlineState };
  receipt: { dueOn: string; state: DeadlineState };
  /** Either deadline is passed with the work not done: the inbox shows the report first. */
  overdue: boolean;
};

/**
 * Where a report stands against both deadlines at `now`. An assessment is late when it was
 * recorded after the 24 hours (to the millisecond); a receipt when it was sent on a Danish date
 * after its deadline date.
 */
export function concernDeadlines(
  receivedAt: Date,
  now: Date,
  done: { assessedAt: Date | null; receiptSentAt: Date | null },
): ConcernDeadlines {
  const dueAt = assessmentDeadline(receivedAt);
  const dueOn = receiptDeadline(receivedAt);
  const assessment: DeadlineState = done.assessedAt
    ? done.assessedAt.getTime() > dueAt.getTime()
      ? 'done_late'
      : 'done'
    : now.getTime() > dueAt.getTime()
      ? 'overdue'
      : 'open';
  const receipt: DeadlineState = done.receiptSentAt
    ? copenhagenDate(done.receiptSentAt) > dueOn
      ? 'done_late'
      : 'done'
    : copenhagenDate(now) > dueOn
      ? 'overdue'
      : 'open';
  return {
    assessment: { dueAt, state: assessment },
    receipt: { dueOn, state: receipt },
    overdue: assessment === 'overdue' || receipt === 'overdue',
  };
}
