import { describe, expect, it } from 'vitest';
import { type FamilySnapshot, referralUnacknowledged, runTaskRules } from '../tasks/task-rules';
import {
  isReferralOverdue,
  nextReferralStatus,
  type ReferralAction,
  type ReferralStatus,
  referralStatuses,
  referralTimelineStatus,
  referralUnacknowledgedKey,
} from './referral-status';

describe('referral status', () => {
  it('moves requested → received → accepted | rejected, and accepted → completed', () => {
    expect(nextReferralStatus('requested', 'acknowledge')).toBe('received');
    expect(nextReferralStatus('received', 'accept')).toBe('accepted');
    expect(nextReferralStatus('received', 'reject')).toBe('rejected');
    expect(nextReferralStatus('accepted', 'complete')).toBe('completed');
  });

  it('allows no other step: no skipping receipt, no second acknowledgement, nothing after the end', () => {
    const allowed = new Set([
      'requested:acknowledge',
      'received:accept',
      'received:reject',
      'accepted:complete',
    ]);
    const actions: ReferralAction[] = ['acknowledge', 'accept', 'reject', 'complete'];
    for (const s of referralStatuses) {
      for (const a of actions) {
        const next = nextReferralStatus(s as ReferralStatus, a);
        expect(next !== null, `${s} + ${a}`).toBe(allowed.has(`${s}:${a}`));
      }
    }
  });

  it('is overdue only while unacknowledged and after the deadline day', () => {
    expect(isReferralOverdue({ status: 'requested', ackDueOn: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(isReferralOverdue({ status: 'requested', ackDueOn: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isReferralOverdue({ status: 'received', ackDueOn: '2026-11-30' }, '2026-12-09')).toBe(false);
  });

  it('stands on the timeline as open until completed: an accepted referral is not finished', () => {
    const at = (status: ReferralStatus, today = '2026-11-25') =>
      referralTimelineStatus({ status, ackDueOn: '2026-11-30' }, today);
    expect(at('requested')).toBe('due');
    expect(at('requested', '2026-12-01')).toBe('overdue');
    expect(at('received', '2026-12-09')).toBe('due');
    expect(at('accepted', '2026-12-09')).toBe('due');
    expect(at('completed')).toBe('done');
    expect(at('rejected')).toBe('cancelled');
  });
});

describe('task rule: referral not acknowledged', () => {
  const family: FamilySnapshot = {
    familyId: 'f1',
    orgId: 'kommune',
    districtUnitId: 'nord',
    coordinatorUserId: null,
    openInvolvementSince: null,
    children: [],
    screenings: [],
    consents: [],
    referrals: [
      {
        id: 'r1',
        senderOrgId: 'region',
        senderUserId: 'midwife',
        receiverOrgId: 'kommune',
        receivingUnitId: 'nord',
        ackDueOn: '2026-11-30',
      },
    ],
  };

  it('gives nothing on the deadline day itself', () => {
    expect(referralUnacknowledged(family, '2026-11-30')).toEqual([]);
  });

  it('gives the sender and the receiving unit a task each, in their own organisations, the day after', () => {
    const drafts = referralUnacknowledged(family, '2026-12-01');
    expect(drafts.map((d) => [d.key, d.assignee, d.orgId])).toEqual([
      [referralUnacknowledgedKey('r1', 'sender'), { userId: 'midwife' }, 'region'],
      [referralUnacknowledgedKey('r1', 'receiver'), { unitId: 'nord' }, 'kommune'],
    ]);
    expect(drafts[0]?.window).toEqual({ start: '2026-12-01', due: '2026-12-01', end: '2026-12-15' });
  });

  it('keeps the same keys on every later run (idempotent), and is one of the rules that run', () => {
    const a = runTaskRules(family, '2026-12-02').filter((d) => d.kind === 'referral_unacknowledged');
    const b = runTaskRules(family, '2026-12-20').filter((d) => d.kind === 'referral_unacknowledged');
    expect(a.map((d) => d.key)).toEqual(b.map((d) => d.key));
    expect(a).toHaveLength(2);
  });

  it('has only the sender’s task when no receiving unit is known', () => {
    const r = family.referrals?.[0];
    if (!r) throw new Error('no referral');
    const drafts = referralUnacknowledged(
      { ...family, referrals: [{ ...r, receivingUnitId: null }] },
      '2026-12-01',
    );
    expect(drafts.map((d) => d.assignee)).toEqual([{ userId: 'midwife' }]);
  });
});
