import type { ColumnType, Generated } from 'kysely';
import type { Id, NullableTimestamp, Timestamp } from './schema';

// Step 6: handovers, concern reports and referrals (migrations 0011–0013); consent is in schema.ts.
// ---- Handovers at transitions (step 6, migration 0013) ----
export type HandoverTransition = 'daycare' | 'specialised';
export type HandoverContentJson = {
  needs: string;
  agreements: string;
  contacts: { name: string; role: string; phone: string | null; email: string | null }[];
  freeText: string;
};
export type HandoverIdentityJson = {
  child: { personId: string; givenName: string; familyName: string; birthDate: string | null };
  parents: {
    role: string;
    givenName: string;
    familyName: string;
    phone: string | null;
    email: string | null;
  }[];
};
export type HandoverTable = {
  id: Id;
  org_id: string;
  family_id: string;
  child_person_id: string;
  transition: HandoverTransition;
  to_org_id: string;
  to_unit_id: string;
  start_date: string;
  content: ColumnType<HandoverContentJson, string, string>;
  identity: ColumnType<HandoverIdentityJson, string, string>;
  consent_id: string | null;
  consent_person_id: string | null;
  consent_how: 'paper' | 'verbal' | null;
  status: ColumnType<'sent' | 'acknowledged', 'sent' | 'acknowledged' | undefined, 'sent' | 'acknowledged'>;
  sent_by: string;
  sent_at: Timestamp;
  acknowledged_by: string | null;
  acknowledged_at: NullableTimestamp;
};

/** Concern reports (migration 0012): the receiving municipality's records. */
export type ConcernReportTable = {
  id: string;
  org_id: string;
  receiving_unit_id: string | null;
  sender_org_id: string;
  sender_user_id: string;
  sender_phone: string | null;
  sender_email: string | null;
  family_id: string | null;
  child_person_id: string | null;
  pregnancy_id: string | null;
  subject_unborn: boolean;
  subject_name: string | null;
  subject_cpr: string | null;
  subject_birth_date: string | null;
  subject_due_date: string | null;
  subject_address: string | null;
  worry: string;
  observations: string;
  parents_informed: 'yes' | 'no' | 'unknown';
  urgency: 'acute' | 'urgent' | 'normal';
  received_at: Timestamp;
  assessment_due_at: Timestamp;
  receipt_due_on: string;
  assessed_at: NullableTimestamp;
  assessed_by: string | null;
  acute_risk: boolean | null;
  assessment_note: string | null;
  receipt_sent_at: NullableTimestamp;
  receipt_sent_by: string | null;
  child_assessment: 'started' | 'not_started' | null;
  child_assessment_at: NullableTimestamp;
  child_assessment_by: string | null;
};
/** The sender's narrow view of the reports its organisation sent (a read-only view). */
export type ConcernReportSentView = {
  id: string;
  org_id: string;
  receiving_unit_id: string | null;
  sender_org_id: string;
  sender_user_id: string;
  subject_unborn: boolean;
  subject_name: string | null;
  received_at: Date;
  receipt_sent_at: Date | null;
  child_assessment: 'started' | 'not_started' | null;
};

/** Referrals (migration 0011): the sender's record, shared with the receiving organisation. */
export type ReferralStatusColumn = 'requested' | 'received' | 'accepted' | 'rejected' | 'completed';
export type ReferralTable = {
  id: Id;
  org_id: string;
  family_id: string;
  family_org_id: string;
  sender_user_id: string;
  to_org_id: string;
  to_unit_id: string | null;
  to_offer_id: string | null;
  reason: string;
  urgency: 'normal' | 'urgent';
  status: ColumnType<ReferralStatusColumn, ReferralStatusColumn | undefined, ReferralStatusColumn>;
  ack_working_days: number;
  ack_due_on: string;
  created_at: Timestamp;
  received_at: NullableTimestamp;
  received_by: string | null;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  rejection_reason: string | null;
  completed_at: NullableTimestamp;
  completed_by: string | null;
  involvement_id: string | null;
  updated_at: Timestamp;
};
export type ReferralAttachmentTable = {
  id: Id;
  referral_id: string;
  org_id: string;
  to_org_id: string;
  category: string;
  record_ids: ColumnType<string[], string[] | undefined, string[]>;
  basis: 'consent' | 'referral_content' | 'own_org';
  consent_id: string | null;
};
export type ReferralEventTable = {
  id: Generated<number>;
  referral_id: string;
  org_id: string;
  to_org_id: string;
  status: ReferralStatusColumn;
  at: Timestamp;
  by_user: string;
  note: string | null;
};

export type CrossOrgTables = {
  referral: ReferralTable;
  referral_attachment: ReferralAttachmentTable;
  referral_event: ReferralEventTable;
  concern_report: ConcernReportTable;
  concern_report_sent: ConcernReportSentView;
  handover: HandoverTable;
};
