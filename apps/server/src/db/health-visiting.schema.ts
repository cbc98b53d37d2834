import type { ColumnType } from 'kysely';
import type { Id, Json, NullableTimestamp, Timestamp } from './schema';

// Step 5: the visit programme, the child's visits, screenings (migrations 0008, 0009).
export type VisitKind = 'statutory' | 'extended' | 'targeted';
export type VisitStatus = 'planned' | 'done' | 'missed' | 'rescheduled' | 'cancelled';
export type VisitPlace = 'home' | 'clinic' | 'phone' | 'video';
export type VisitProgrammeTable = {
  org_id: string;
  visit_types: Json<unknown[]>;
  updated_by: string | null;
  updated_at: Timestamp;
};
export type EpdsCutoffTable = {
  org_id: string;
  respondent_role: 'mother' | 'father';
  cutoff: number;
  updated_at: Timestamp;
};
/** numeric columns arrive as strings from node-postgres; the repo converts them. */
type Numeric = ColumnType<string | number | null, number | null | undefined, number | null>;
export type ChildVisitTable = {
  id: Id;
  org_id: string;
  family_id: string;
  child_person_id: string;
  visit_key: string;
  name: string;
  kind: VisitKind;
  reason: string | null;
  window_start: string;
  due: string;
  window_end: string;
  status: ColumnType<VisitStatus, VisitStatus | undefined, VisitStatus>;
  rescheduled_from: string | null;
  status_reason: string | null;
  done_on: string | null;
  place: VisitPlace | null;
  weight_g: number | null;
  length_cm: Numeric;
  head_cm: Numeric;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  development: 'age_appropriate' | 'concern' | null;
  development_note: string | null;
  pku_done: boolean | null;
  hearing_done: boolean | null;
  notes: string | null;
  recorded_by: string | null;
  recorded_at: NullableTimestamp;
  created_by: string | null;
  created_at: Timestamp;
  /** The booking (migration 0009): all five set, or none. */
  booked_at: NullableTimestamp;
  booked_place: VisitPlace | null;
  booked_with: string | null;
  booked_by: string | null;
  booked_on: NullableTimestamp;
};
export type InstrumentCode = 'epds' | 'adbb';
export type InstrumentTable = {
  code: InstrumentCode;
  name: string;
  items: number;
  max_answer: number;
  subject: 'parent' | 'child';
  trained_only: boolean;
  credit: string;
};
export type RespondentRole = 'mother' | 'father' | 'co_parent';
export type ScreeningBand = 'below_cutoff' | 'at_or_above_cutoff';
export type ScreeningTable = {
  id: Id;
  org_id: string;
  family_id: string;
  child_person_id: string | null;
  respondent_person_id: string | null;
  respondent_role: RespondentRole | null;
  instrument: InstrumentCode;
  answers: number[];
  total: number;
  cutoff: number;
  band: ScreeningBand;
  flags: ColumnType<string[], string[] | undefined, string[]>;
  observed_on: string;
  in_pregnancy: boolean;
  visit_id: string | null;
  entered_by_kind: 'staff' | 'parent';
  recorded_by: string | null;
  entered_by_person_id: string | null;
  created_at: Timestamp;
};
export type StaffTrainingTable = {
  staff_user_id: string;
  org_id: string;
  instrument: InstrumentCode;
  since: string;
};

export type HealthVisitingTables = {
  visit_programme: VisitProgrammeTable;
  epds_cutoff: EpdsCutoffTable;
  child_visit: ChildVisitTable;
  instrument: InstrumentTable;
  screening: ScreeningTable;
  staff_training: StaffTrainingTable;
};
