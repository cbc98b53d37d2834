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

export type OfferKind = 'course' | 'group' | 'home_visits' | 'counselling' | 'open_counselling' | 'event';
export type OfferLevel = 'universal' | 'extended' | 'targeted' | 'specialised';
export type Json<T> = ColumnType<T, string, string>;

export type OfferTable = {
  id: Id;
  org_id: string;
  name: string;
  description: Generated<string>;
  kind: OfferKind;
  level: OfferLevel;
  municipality_ids: ColumnType<string[], string[] | undefined, string[]>;
  eligibility: Json<Record<string, unknown>>;
  capacity: number | null;
  languages: ColumnType<string[], string[] | undefined, string[]>;
  legal_basis: string;
  referral_only: Generated<boolean>;
  fiv: Generated<boolean>;
  schedule: string | null;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type OfferSiteTable = {
  id: Id;
  offer_id: string;
  org_id: string;
  name: string;
  address: string;
  max_cohorts: Generated<number>;
  languages: ColumnType<string[], string[] | undefined, string[]>;
};

export type CourseTemplateTable = {
  offer_id: string;
  org_id: string;
  sessions: Json<unknown[]>;
  updated_at: Timestamp;
};

export type CohortTable = {
  id: Id;
  offer_id: string;
  org_id: string;
  site_id: string | null;
  name: string;
  language: string;
  facilitator_user_id: string;
  due_from: string;
  due_to: string;
  status: ColumnType<
    'running' | 'network' | 'ended',
    'running' | 'network' | 'ended' | undefined,
    'running' | 'network' | 'ended'
  >;
  created_at: Timestamp;
};

export type CourseSessionTable = {
  id: Id;
  offer_id: string;
  org_id: string;
  cohort_id: string | null;
  number: number;
  template_key: string | null;
  title: string;
  theme: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: string;
  facilitator_user_id: string | null;
  guest_presenters: ColumnType<
    { name: string; organisation: string; topic: string }[],
    string | undefined,
    string
  >;
  status: ColumnType<
    'planned' | 'held' | 'cancelled',
    'planned' | 'held' | 'cancelled' | undefined,
    'planned' | 'held' | 'cancelled'
  >;
};

export type EnrollmentStatus =
  | 'invited'
  | 'waitlisted'
  | 'enrolled'
  | 'declined'
  | 'dropped_out'
  | 'completed';
export type EnrollmentTable = {
  id: Id;
  offer_id: string;
  org_id: string;
  family_id: string;
  family_org_id: string;
  status: EnrollmentStatus;
  priority: ColumnType<
    'referred' | 'targeted' | 'standard',
    'referred' | 'targeted' | 'standard' | undefined,
    'referred' | 'targeted' | 'standard'
  >;
  referral_reason: string | null;
  due_date: string | null;
  cohort_id: string | null;
  signed_up_at: Timestamp;
  enrolled_at: NullableTimestamp;
  ended_at: NullableTimestamp;
  end_reason: string | null;
  created_by_kind: 'parent' | 'staff';
  created_by: string;
};

export type EnrollmentParticipantTable = { enrollment_id: string; person_id: string; org_id: string };
export type EnrollmentEventTable = {
  id: Generated<number>;
  enrollment_id: string;
  org_id: string;
  status: string;
  at: Timestamp;
  by_kind: string;
  by_id: string | null;
  reason: string | null;
};
export type AttendanceTable = {
  session_id: string;
  person_id: string;
  enrollment_id: string;
  org_id: string;
  present: boolean;
  recorded_by: string | null;
  recorded_at: Timestamp;
};
export type CalendarFeedTable = {
  id: Id;
  person_id: string;
  family_id: string;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: NullableTimestamp;
};
export type NetworkMemberTable = {
  cohort_id: string;
  person_id: string;
  org_id: string;
  share_name: boolean;
  share_contact: boolean;
  updated_at: Timestamp;
};

import type { CounsellingTables } from './counselling.schema';
import type {
  ConcernReportSentView,
  ConcernReportTable,
  HandoverTable,
  ReferralAttachmentTable,
  ReferralEventTable,
  ReferralTable,
} from './cross-org.schema';
import type {
  ChildVisitTable,
  EpdsCutoffTable,
  InstrumentTable,
  ScreeningTable,
  StaffTrainingTable,
  VisitProgrammeTable,
} from './health-visiting.schema';
import type { IndicatorCellTable, IndicatorRefreshRunTable } from './indicators.schema';
import type {
  AnonymousContactTable,
  OpenCounsellingSlotCounsellorTable,
  OpenCounsellingSlotTable,
} from './open-counselling.schema';
import type { BenchmarkShareTable, InfantAdmissionTable } from './outcomes.schema';
import type { ReferralIntakeTable } from './referral-intake.schema';
import type { SurveyLinkTable, SurveyResponseTable, SurveyTable } from './surveys.schema';

export * from './counselling.schema';
export * from './cross-org.schema';
export * from './health-visiting.schema';
export * from './open-counselling.schema';
export * from './outcomes.schema';
export * from './referral-intake.schema';
export * from './surveys.schema';

export type DB = CounsellingTables & {
  referral: ReferralTable; // step 6: referrals
  referral_attachment: ReferralAttachmentTable;
  referral_event: ReferralEventTable;
  concern_report: ConcernReportTable;
  concern_report_sent: ConcernReportSentView;
  handover: HandoverTable;
  open_counselling_slot: OpenCounsellingSlotTable; // step 7: open anonymous counselling
  open_counselling_slot_counsellor: OpenCounsellingSlotCounsellorTable;
  anonymous_contact: AnonymousContactTable;
  referral_intake: ReferralIntakeTable; // issue #8: a referral of a person not yet known
  infant_admission: InfantAdmissionTable; // step 8: readmissions from the region
  benchmark_share: BenchmarkShareTable; // step 8: the municipalities' benchmark
  indicator_cell: IndicatorCellTable; // step 8: the indicators' pre-aggregates
  indicator_refresh_run: IndicatorRefreshRunTable;
  survey: SurveyTable; // step 8: satisfaction surveys
  survey_link: SurveyLinkTable;
  survey_response: SurveyResponseTable;
  visit_programme: VisitProgrammeTable;
  epds_cutoff: EpdsCutoffTable;
  child_visit: ChildVisitTable;
  instrument: InstrumentTable;
  screening: ScreeningTable;
  staff_training: StaffTrainingTable;
  offer: OfferTable;
  offer_site: OfferSiteTable;
  course_template: CourseTemplateTable;
  cohort: CohortTable;
  course_session: CourseSessionTable;
  enrollment: EnrollmentTable;
  enrollment_participant: EnrollmentParticipantTable;
  enrollment_event: EnrollmentEventTable;
  attendance: AttendanceTable;
  calendar_feed: CalendarFeedTable;
  network_member: NetworkMemberTable;
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
