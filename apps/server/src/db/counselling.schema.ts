import type { ColumnType } from 'kysely';
import type { Id, NullableTimestamp, Timestamp } from './schema';

// Step 7: family counselling cases (migration 0014).

/** The parents and children as written down when the case was opened. */
export type CounsellingFamilyCopyJson = {
  parents: { personId: string; role: string; givenName: string; familyName: string }[];
  children: { personId: string; givenName: string; familyName: string; birthDate: string | null }[];
};

type OutcomeColumn = 'no_special_support' | 'municipal_measure' | 'moved' | 'ended_by_family' | 'other';

export type CounsellingCaseTable = {
  id: Id;
  org_id: string;
  unit_id: string;
  family_id: string;
  family_org_id: string;
  counsellor_id: string;
  family_copy: ColumnType<CounsellingFamilyCopyJson, string, string>;
  reason: string;
  opened_from: 'referral' | 'own_request';
  referral_id: string | null;
  requested_by_person_id: string | null;
  request_how: 'paper' | 'verbal' | null;
  consent_id: string | null;
  involvement_id: string;
  opened_on: string;
  opened_at: Timestamp;
  opened_by: string;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  closed_on: string | null;
  closed_at: NullableTimestamp;
  closed_by: string | null;
  outcome: OutcomeColumn | null;
  closing_note: string | null;
};

export type CounsellingGoalTable = {
  id: Id;
  case_id: string;
  org_id: string;
  title: string;
  position: number;
  created_on: string;
  created_at: Timestamp;
  created_by: string;
};

export type CounsellingGoalScoreTable = {
  id: Id;
  goal_id: string;
  case_id: string;
  org_id: string;
  score: number;
  scored_on: string;
  note: string | null;
  scored_by: string;
  scored_at: Timestamp;
};

export type CounsellingContactTable = {
  id: Id;
  case_id: string;
  org_id: string;
  contact_on: string;
  form: 'home_visit' | 'office' | 'phone' | 'video' | 'with_partner' | 'other';
  duration_minutes: number;
  participants: ColumnType<string[], string[], string[]>;
  note: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
};

export type CounsellingPartyTable = {
  id: Id;
  case_id: string;
  org_id: string;
  kind: 'daycare' | 'childminder' | 'health_visiting' | 'school' | 'other';
  name: string;
  contact: string | null;
  party_unit_id: string | null;
  party_org_id: string | null;
  consent_id: string | null;
  consent_person_id: string | null;
  consent_how: 'paper' | 'verbal' | null;
  consent_on: string | null;
  added_by: string;
  added_at: Timestamp;
};

export type CounsellingTables = {
  counselling_case: CounsellingCaseTable;
  counselling_goal: CounsellingGoalTable;
  counselling_goal_score: CounsellingGoalScoreTable;
  counselling_contact: CounsellingContactTable;
  counselling_party: CounsellingPartyTable;
};
