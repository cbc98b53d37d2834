import type { ColumnType } from 'kysely';
import type { Id, NullableTimestamp, Timestamp } from './schema';

// Issue #8 (migration 0016): a referral of a person the receiver does not know yet.
export type ReferralIntakeStatus = 'requested' | 'received' | 'accepted' | 'rejected';
export type ReferralIntakeParentRole = 'mother' | 'father' | 'co_parent' | 'other_caregiver';
export type ReferralIntakeTable = {
  id: Id;
  org_id: string;
  sender_user_id: string;
  to_org_id: string;
  to_unit_id: string | null;
  to_offer_id: string;
  given_name: string;
  family_name: string;
  parent_role: ReferralIntakeParentRole;
  phone: string | null;
  email: string | null;
  cpr: string | null;
  postcode: string;
  home_org_id: string | null;
  // A date column comes back as a string (see the pg type parser in db/connect).
  due_date: string | null;
  child_age_months: number | null;
  preferred_language: string;
  interpreter_needed: boolean;
  reason: string;
  urgency: 'normal' | 'urgent';
  consent_how: 'verbal' | 'paper';
  consent_given_at: Timestamp;
  consent_purpose: string;
  status: ColumnType<ReferralIntakeStatus, ReferralIntakeStatus | undefined, ReferralIntakeStatus>;
  ack_working_days: number;
  ack_due_on: string;
  created_at: Timestamp;
  received_at: NullableTimestamp;
  received_by: string | null;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  rejection_reason: string | null;
  referral_id: string | null;
  updated_at: Timestamp;
};

export type ReferralIntakeTables = { referral_intake: ReferralIntakeTable };
