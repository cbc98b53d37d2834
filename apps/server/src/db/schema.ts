import type { ColumnType, Generated } from 'kysely';

/** A timestamp read as a Date, written as a Date or ISO string; defaulted by the database. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
export type Id = Generated<string>;
/** A jsonb column: read as the parsed value, written as JSON text. */
export type Json<T> = ColumnType<T, string, string>;

export type AppMetaTable = { key: string; value: string; updated_at: CreatedAt };

export type OrganisationTable = {
  id: Id;
  kind: 'municipality' | 'region' | 'ngo' | 'housing_social';
  name: string;
  municipality_code: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type UnitTable = {
  id: Id;
  org_id: string;
  kind: 'team' | 'district' | 'department' | 'birthplace' | 'daycare';
  name: string;
  parent_unit_id: string | null;
  active: Generated<boolean>;
  service: UnitService | null;
  phone: string | null;
  email: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type UnitService =
  | 'health_visiting'
  | 'midwifery'
  | 'birthplace'
  | 'social_services'
  | 'daycare'
  | 'family_counselling'
  | 'open_counselling';

export type StaffUserTable = {
  id: Id;
  org_id: string;
  email: string;
  name: string;
  title: string | null;
  oidc_subject: string | null;
  phone: string | null;
  active: Generated<boolean>;
  deactivated_at: NullableTimestamp;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type StaffCredentialTable = {
  staff_user_id: string;
  org_id: string;
  password_hash: string;
  updated_at: CreatedAt;
};

export type StaffUserRoleTable = { staff_user_id: string; org_id: string; role: string };
export type StaffUserUnitTable = { staff_user_id: string; unit_id: string; org_id: string };

export type PartnershipTable = {
  id: Id;
  municipality_org_id: string;
  partner_org_id: string;
  description: string;
  record_categories: ColumnType<string[], string[] | undefined, string[]>;
  ack_deadline_working_days: Generated<number>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type AccessRuleTable = {
  org_id: string;
  role: string;
  category: string;
  level: string;
  updated_at: CreatedAt;
};

export type PersonTable = {
  id: Id;
  cpr: string | null;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  preferred_language: Generated<string>;
  interpreter_needed: Generated<boolean>;
  email: string | null;
  phone: string | null;
  sex: 'female' | 'male' | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type ParentAccountTable = {
  person_id: string;
  email: string | null;
  password_hash: string | null;
  created_at: CreatedAt;
};

export type FamilyTable = {
  id: Id;
  org_id: string;
  district_unit_id: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
};

export type FamilyMemberRole = 'mother' | 'father' | 'co_parent' | 'child' | 'other_caregiver';
export type FamilyMemberTable = {
  family_id: string;
  person_id: string;
  org_id: string;
  role: FamilyMemberRole;
  custody: Generated<boolean>;
  first_time_parent: Generated<boolean>;
  created_at: CreatedAt;
};

export type AuthSessionTable = {
  id_hash: string;
  principal_kind: 'staff' | 'parent';
  staff_user_id: string | null;
  person_id: string | null;
  org_id: string | null;
  auth_method: 'password' | 'oidc';
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  ended_at: NullableTimestamp;
};

export type LoginFailureTable = { id: Generated<number>; email_key: string; failed_at: Timestamp };

export type OidcLoginFlowTable = {
  state: string;
  audience: 'staff' | 'citizen';
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: Timestamp;
};

export type BreakGlassGrantTable = {
  id: Id;
  org_id: string;
  staff_user_id: string;
  family_id: string;
  reason: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  reviewed_at: NullableTimestamp;
  reviewed_by: string | null;
  review_note: string | null;
  review_justified: boolean | null;
};

export type AuditAction = 'create' | 'read' | 'update' | 'delete' | 'execute' | 'denied';
export type AuditActorKind = 'staff' | 'parent' | 'system' | 'anonymous';
export type AuditBasis = 'own_org' | 'consent' | 'legal_basis' | 'break_the_glass' | 'self';

export type AuditEventTable = {
  id: Generated<number>;
  chain_key: string;
  chain_seq: number;
  occurred_at: Timestamp;
  actor_kind: AuditActorKind;
  actor_id: string | null;
  org_id: string | null;
  action: AuditAction;
  entity_type: string;
  entity_id: string | null;
  family_id: string | null;
  person_id: string | null;
  data_org_id: string | null;
  purpose: string | null;
  basis: AuditBasis | null;
  consent_id: string | null;
  outcome: 'success' | 'failure';
  detail: ColumnType<Record<string, unknown> | null, string | null, never>;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
};

export type AuditChainHeadTable = { chain_key: string; seq: number; last_hash: string };

export type DistrictPostcodeTable = { org_id: string; postcode: string; unit_id: string };

export type PregnancyStatus = 'active' | 'born' | 'ended';
export type PregnancyTable = {
  id: Id;
  family_id: string;
  org_id: string;
  unit_id: string | null;
  mother_person_id: string;
  due_date: string;
  care_level: number;
  first_child: boolean;
  status: ColumnType<PregnancyStatus, PregnancyStatus | undefined, PregnancyStatus>;
  registered_by: string | null;
  registered_at: Timestamp;
  ended_at: NullableTimestamp;
  end_reason: string | null;
};

export type BirthTable = {
  id: Id;
  family_id: string;
  family_org_id: string;
  pregnancy_id: string | null;
  org_id: string;
  child_person_id: string;
  birth_time: Timestamp;
  discharge_time: NullableTimestamp;
  birthplace: string | null;
  source: 'manual' | 'import';
  registered_by: string | null;
  created_at: Timestamp;
};

export type InvolvementKind =
  | 'pregnancy_care'
  | 'statutory'
  | 'enrollment'
  | 'referral'
  | 'consent'
  | 'counselling';
export type InvolvementTable = {
  id: Id;
  family_id: string;
  family_org_id: string;
  org_id: string;
  unit_id: string | null;
  staff_user_id: string | null;
  kind: InvolvementKind;
  reason: string;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
};

export type CoordinatorAssignmentTable = {
  id: Id;
  family_id: string;
  family_org_id: string;
  coordinator_org_id: string;
  staff_user_id: string;
  started_at: Timestamp;
  ended_at: NullableTimestamp;
  handover_note: string | null;
  assigned_by: string | null;
};

export type ConsentTable = {
  id: Id;
  family_id: string;
  family_org_id: string;
  granted_by_person_id: string;
  categories: ColumnType<string[], string[], string[]>;
  from_org_id: string;
  to_org_id: string;
  purpose: string;
  valid_from: Timestamp;
  valid_to: NullableTimestamp;
  withdrawn_at: NullableTimestamp;
  captured_how: 'portal' | 'paper' | 'verbal';
  captured_by: string | null;
  captured_at: Timestamp;
  // Migration 0010: who withdrew it and how (a parent in the portal, or staff recording paper/verbal).
  withdrawn_by_person_id: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawn_by_staff_id: ColumnType<string | null, string | null | undefined, string | null>;
  withdrawn_how: ColumnType<'portal' | 'paper' | 'verbal' | null, never, 'portal' | 'paper' | 'verbal'>;
};

export type TaskState = 'ready' | 'completed' | 'cancelled' | 'failed';
export type TaskTable = {
  id: Id;
  org_id: string;
  family_id: string | null;
  assignee_user_id: string | null;
  assignee_unit_id: string | null;
  kind: string;
  key: string;
  window_start: string;
  due: string;
  window_end: string;
  state: ColumnType<TaskState, TaskState | undefined, TaskState>;
  reason: string;
  rule: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TaskEventTable = {
  id: Generated<number>;
  task_id: string;
  org_id: string;
  state: string;
  at: Timestamp;
  by_user: string | null;
  note: string | null;
};

import type { CounsellingTables } from './counselling.schema';
import type { CrossOrgTables } from './cross-org.schema';
import type { HealthVisitingTables } from './health-visiting.schema';
import type { IndicatorTables } from './indicators.schema';
import type { OfferTables } from './offers.schema';
import type { OpenCounsellingTables } from './open-counselling.schema';
import type { OutcomeTables } from './outcomes.schema';
import type { ReferralIntakeTables } from './referral-intake.schema';
import type { SurveyTables } from './surveys.schema';

export * from './counselling.schema';
export * from './cross-org.schema';
export * from './health-visiting.schema';
export * from './indicators.schema';
export * from './offers.schema';
export * from './open-counselling.schema';
export * from './outcomes.schema';
export * from './referral-intake.schema';
export * from './surveys.schema';

/** Every table: the core below, each later step's tables from its own schema file. */
export type DB = OfferTables & // step 4
  HealthVisitingTables & // step 5
  CrossOrgTables & // step 6: referrals, concern reports, handovers
  CounsellingTables & // step 7: family counselling cases
  OpenCounsellingTables & // step 7: open anonymous counselling
  ReferralIntakeTables & // issue #8: a referral of a person not yet known
  OutcomeTables & // step 8: readmissions from the region, the municipalities' benchmark
  IndicatorTables & // step 8: the indicators' pre-aggregates
  SurveyTables & // step 8: satisfaction surveys
  CoreTables;

/** Steps 1–3: organisations, people and families, pregnancies and births, consent, tasks, audit. */
type CoreTables = {
  district_postcode: DistrictPostcodeTable;
  pregnancy: PregnancyTable;
  birth: BirthTable;
  involvement: InvolvementTable;
  coordinator_assignment: CoordinatorAssignmentTable;
  consent: ConsentTable;
  task: TaskTable;
  task_event: TaskEventTable;
  app_meta: AppMetaTable;
  organisation: OrganisationTable;
  unit: UnitTable;
  staff_user: StaffUserTable;
  staff_credential: StaffCredentialTable;
  staff_user_role: StaffUserRoleTable;
  staff_user_unit: StaffUserUnitTable;
  partnership: PartnershipTable;
  access_rule: AccessRuleTable;
  person: PersonTable;
  parent_account: ParentAccountTable;
  family: FamilyTable;
  family_member: FamilyMemberTable;
  auth_session: AuthSessionTable;
  login_failure: LoginFailureTable;
  oidc_login_flow: OidcLoginFlowTable;
  break_glass_grant: BreakGlassGrantTable;
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
};
