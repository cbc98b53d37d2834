import type { ColumnType, Generated } from 'kysely';
import type { Id, Timestamp } from './schema';

// Step 8: satisfaction surveys (migration 0018).
export type SurveyOccasionColumn = 'session' | 'course_end' | 'case_close' | 'open_counselling';

export type SurveyTable = {
  id: Id;
  org_id: string;
  occasion: SurveyOccasionColumn;
  offer_id: string | null;
  session_id: string | null;
  cohort_id: string | null;
  case_id: string | null;
  occasion_date: ColumnType<string, string, string>;
  created_by: string;
  created_at: Timestamp;
};

export type SurveyLinkTable = {
  id: Id;
  survey_id: string;
  org_id: string;
  token_hash: string;
  person_id: string | null;
  family_id: string | null;
  answered: Generated<boolean>;
  emailed: Generated<boolean>;
  created_at: Timestamp;
};

export type SurveyResponseTable = {
  id: Id;
  survey_id: string;
  org_id: string;
  offer_id: string | null;
  answered_on: ColumnType<string, string, string>;
  can_act: number;
  heard: number;
  satisfied: number;
  free_text: string | null;
};

export type SurveyTables = {
  survey: SurveyTable;
  survey_link: SurveyLinkTable;
  survey_response: SurveyResponseTable;
};
