import { describe, expect, it } from 'vitest';
import {
  intakeLifeStageProblem,
  isReferralIntakeOverdue,
  nextReferralIntakeStatus,
} from './referral-intake-rules';

describe('referral intake status', () => {
  it('is acknowledged, then accepted or rejected, and nothing else', () => {
    expect(nextReferralIntakeStatus('requested', 'acknowledge')).toBe('received');
    expect(nextReferralIntakeStatus('received', 'accept')).toBe('accepted');
    expect(nextReferralIntakeStatus('received', 'reject')).toBe('rejected');
    expect(nextReferralIntakeStatus('requested', 'accept')).toBeNull();
    expect(nextReferralIntakeStatus('received', 'acknowledge')).toBeNull();
    expect(nextReferralIntakeStatus('accepted', 'reject')).toBeNull();
    expect(nextReferralIntakeStatus('rejected', 'accept')).toBeNull();
  });

  it('is overdue only while unacknowledged after the deadline day', () => {
    expect(isReferralIntakeOverdue({ status: 'requested', ackDueOn: '2026-11-20' }, '2026-11-21')).toBe(true);
    expect(isReferralIntakeOverdue({ status: 'requested', ackDueOn: '2026-11-21' }, '2026-11-21')).toBe(
      false,
    );
    expect(isReferralIntakeOverdue({ status: 'received', ackDueOn: '2026-11-01' }, '2026-11-21')).toBe(false);
  });
});

describe('intakeLifeStageProblem', () => {
  const today = '2026-11-23';
  it('needs a due date or the child’s age', () => {
    expect(intakeLifeStageProblem({ dueDate: null, childAgeMonths: null }, today)).toBe('stage_missing');
    expect(intakeLifeStageProblem({ dueDate: null, childAgeMonths: 0 }, today)).toBeNull();
    expect(intakeLifeStageProblem({ dueDate: '2027-03-01', childAgeMonths: null }, today)).toBeNull();
  });
  it('refuses a due date in the past or more than 44 weeks ahead', () => {
    expect(intakeLifeStageProblem({ dueDate: '2026-11-22', childAgeMonths: null }, today)).toBe(
      'due_date_past',
    );
    expect(intakeLifeStageProblem({ dueDate: '2026-11-23', childAgeMonths: null }, today)).toBeNull();
    expect(intakeLifeStageProblem({ dueDate: '2027-09-27', childAgeMonths: null }, today)).toBeNull();
    expect(intakeLifeStageProblem({ dueDate: '2027-09-28', childAgeMonths: null }, today)).toBe(
      'due_date_too_far',
    );
  });
});
