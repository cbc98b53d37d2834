/**
 * A referral of a person the receiver does not know yet (issue #8, the identified bridge from
 * open anonymous counselling). Like a referral it is acknowledged and then accepted or rejected;
 * accepting links it to a family, after which it lives on as an ordinary, accepted referral — so
 * "completed" belongs to that referral, not to the intake.
 */
export const referralIntakeStatuses = ['requested', 'received', 'accepted', 'rejected'] as const;
export type ReferralIntakeStatus = (typeof referralIntakeStatuses)[number];

export const referralIntakeActions = ['acknowledge', 'accept', 'reject'] as const;
export type ReferralIntakeAction = (typeof referralIntakeActions)[number];

const intakeTransitions: Record<ReferralIntakeAction, ReferralIntakeStatus> = {
  acknowledge: 'requested',
  accept: 'received',
  reject: 'received',
};
const intakeTargets: Record<ReferralIntakeAction, ReferralIntakeStatus> = {
  acknowledge: 'received',
  accept: 'accepted',
  reject: 'rejected',
};

/** The status an action leads to, or null when the intake is not where the action starts. */
export function nextReferralIntakeStatus(
  status: ReferralIntakeStatus,
  action: ReferralIntakeAction,
): ReferralIntakeStatus | null {
  return intakeTransitions[action] === status ? intakeTargets[action] : null;
}

/** Not acknowledged and past the deadline day (Copenhagen dates as YYYY-MM-DD). */
export function isReferralIntakeOverdue(
  intake: { status: ReferralIntakeStatus; ackDueOn: string },
  today: string,
): boolean {
  return intake.status === 'requested' && intake.ackDueOn < today;
}

export type IntakeLifeStage = { dueDate: string | null; childAgeMonths: number | null };

/**
 * The receiver needs to know where the family is: expecting (a due date) or with a small child
 * (its age). One of the two, and a due date not already past nor more than 44 weeks ahead.
 */
export function intakeLifeStageProblem(
  stage: IntakeLifeStage,
  today: string,
): 'stage_missing' | 'due_date_past' | 'due_date_too_far' | null {
  if (stage.dueDate === null && stage.childAgeMonths === null) return 'stage_missing';
  if (stage.dueDate !== null) {
    if (stage.dueDate < today) return 'due_date_past';
    const limit = new Date(`${today}T00:00:00Z`);
    limit.setUTCDate(limit.getUTCDate() + 44 * 7);
    if (stage.dueDate > limit.toISOString().slice(0, 10)) return 'due_date_too_far';
  }
  return null;
}
