import type { ColumnType, Generated } from 'kysely';
import type { Id, Json, NullableTimestamp, Timestamp } from './schema';

// Step 4: offers, Familieiværksætterne's cohorts and sessions, enrollments, attendance (migration 0004).
export type OfferKind = 'course' | 'group' | 'home_visits' | 'counselling' | 'open_counselling' | 'event';
export type OfferLevel = 'universal' | 'extended' | 'targeted' | 'specialised';

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

export type OfferTables = {
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
};
