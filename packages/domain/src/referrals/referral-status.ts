/**
 * Referrals (DESIGN §3): a professional asks another organisation, unit or offer to take on a
 * family. The receiver acknowledges (received), then accepts or rejects with a reason; an
 * accepted referral is completed when the work it asked for is done. Each step is one action
 * by one person, so the status can only move along these edges.
 */
export const referralStatuses = ['requested', 'received', 'accepted', 'rejected', 'completed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const referralUrgencies = ['normal', 'urgent'] as const;
export type ReferralUrgency = (typeof referralUrgencies)[number];

export const referralActions = ['acknowledge', 'accept', 'reject', 'complete'] as const;
export type ReferralAction = (typeof referralActions)[number];

const transitions: Record<ReferralAction, { from: ReferralStatus; to: ReferralStatus }> = {
  acknowledge: { from: 'requested', to: 'received' },
  accept: { from: 'received', to: 'accepted' },
  reject: { from: 'received', to: 'rejected' },
  complete: { from: 'accepted', to: 'completed' },
};

/** The status an action leads to, or null when the referral is not where the action starts. */
export function nextReferralStatus(status: ReferralStatus, action: ReferralAction): ReferralStatus | null {
  const t = transitions[action];
  return t.from === status ? t.to : null;
}

/** Still waiting for, or being worked on by, the receiver. */
export const openReferralStatuses: readonly ReferralStatus[] = ['requested', 'received', 'accepted'];

/**
 * From receipt on, the records attached to the referral are the receiver's to read on the
 * referral's legal basis; a rejected referral gives nothing.
 */
export const attachmentReadableStatuses: readonly ReferralStatus[] = ['received', 'accepted', 'completed'];

/** The deadline to acknowledge, unless the partnership between the two organisations sets another. */
export const defaultReferralAckWorkingDays = 5;

/** Whose overdue-acknowledgement task a key names: the sender chases, the receiving unit acknowledges. */
export type ReferralTaskSide = 'sender' | 'receiver';

export function referralUnacknowledgedKey(referralId: string, side: ReferralTaskSide): string {
  return `referral_unacknowledged:${referralId}:${side}`;
}

/** A referral that has not been acknowledged by the end of its deadline day. */
export function isReferralOverdue(r: { status: ReferralStatus; ackDueOn: string }, today: string): boolean {
  return r.status === 'requested' && today > r.ackDueOn;
}

/**
 * Where a referral stands on the family's timeline. It stays open — in "Det kommer" — until the
 * receiver has completed it: waiting for acknowledgement (overdue past its deadline day), waiting
 * for a decision, or accepted and being worked on; an accepted referral is not finished. Only a
 * completed referral is done, and a rejected one is cancelled.
 */
export function referralTimelineStatus(
  r: { status: ReferralStatus; ackDueOn: string },
  today: string,
): 'due' | 'overdue' | 'done' | 'cancelled' {
  if (r.status === 'completed') return 'done';
  if (r.status === 'rejected') return 'cancelled';
  return isReferralOverdue(r, today) ? 'overdue' : 'due';
}
