import type { ColumnType } from 'kysely';
import type { Id, NullableTimestamp, Timestamp } from './schema';

// Step 7: open anonymous counselling (migration 0015).

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type OpenCounsellingSlotTable = {
  id: Id;
  org_id: string;
  offer_id: string | null;
  weekday: number;
  /** time: read as 'HH:MM:SS', written as 'HH:MM'. */
  start_time: string;
  end_time: string;
  walk_in: boolean;
  place_name: ColumnType<string, string | undefined, string>;
  street: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  chat_url: string | null;
  languages: TextArray;
  municipality_ids: TextArray;
  public_note: ColumnType<string, string | undefined, string>;
  valid_from: string;
  valid_to: string | null;
  created_by: string;
  created_at: Timestamp;
  ended_by: string | null;
  ended_at: NullableTimestamp;
};

export type OpenCounsellingSlotCounsellorTable = {
  slot_id: string;
  staff_user_id: string;
  org_id: string;
};

/** No person, family, referral or staff user; a date, never a time (see the migration). */
export type AnonymousContactTable = {
  id: Id;
  org_id: string;
  slot_id: string | null;
  offer_id: string | null;
  contact_date: string;
  channel: 'walk_in' | 'phone' | 'chat';
  who: 'pregnant' | 'mother' | 'father' | 'other';
  child_age_band: string;
  topics: ColumnType<string[], string[], never>;
  duration_minutes: number;
  outcomes: ColumnType<string[], string[], never>;
  note: string | null;
};

export type OpenCounsellingTables = {
  open_counselling_slot: OpenCounsellingSlotTable;
  open_counselling_slot_counsellor: OpenCounsellingSlotCounsellorTable;
  anonymous_contact: AnonymousContactTable;
};
