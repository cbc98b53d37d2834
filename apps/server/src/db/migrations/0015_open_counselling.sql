-- Open anonymous counselling (step 7, issue #8): the weekly drop-in an NGO (or a municipality)
-- runs at an address, by phone or in a chat, where nobody has to give a name (Barnets lov § 29),
-- and the log of its conversations for statistics shared with the partner municipality.
--
-- anonymous_contact is anonymous by construction, not by promise: it has no column that names or
-- points at a person, a family, a referral or a staff user, no time of day (only the date), and
-- its free text is refused by a CHECK constraint when it contains a CPR number, a phone number or
-- an e-mail address — so not even a row written past the application can carry one. Its id is a
-- random (version 4) uuid, which orders nothing.

-- The same patterns as packages/domain/src/open-counselling/identifier-detection.ts (written in
-- what PostgreSQL and JavaScript regular expressions share); the integration test checks that the
-- two agree. A CPR number counts when its first four digits can be a birth date (day 1–31 or a
-- replacement number's 61–91, month 1–12, 29 February in any year).
CREATE FUNCTION anonymous_text_has_identifier(t text) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT t ~ '(?<![0-9])(?:(?:[+]|00)45[ -]?|[(][+]45[)] ?)?[2-9](?:[0-9]{7}|[0-9] [0-9]{2} [0-9]{2} [0-9]{2}|[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}|[0-9]{3} [0-9]{4}|[0-9]{2} [0-9]{2} [0-9]{3})(?![0-9])'
    OR t ~ '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+([.][A-Za-z0-9-]+)*[.][A-Za-z]{2,}'
    OR EXISTS (
      SELECT 1
      FROM regexp_matches(t, '(?<![0-9])([0-9]{2})([0-9]{2})[0-9]{2}[- ]?[0-9]{4}(?![0-9])', 'g') AS m (g)
      WHERE g[2]::integer BETWEEN 1 AND 12
        AND (CASE WHEN g[1]::integer > 60 THEN g[1]::integer - 60 ELSE g[1]::integer END)
          BETWEEN 1 AND (ARRAY[31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])[g[2]::integer]
    )
$$;

-- A topic or outcome is listed once: the statistics count contacts, not clicks.
CREATE FUNCTION text_array_is_distinct(a text[]) RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT count(*) = count(DISTINCT x) FROM unnest(a) AS x
$$;

-- A weekly slot: its organisation (the data controller), optionally the offer in the catalogue
-- it belongs to (kind open_counselling, checked by the service), and how parents reach it.
CREATE TABLE open_counselling_slot (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id),
  offer_id uuid REFERENCES offer (id),
  -- ISO weekday: 1 = Monday … 7 = Sunday; Danish wall-clock times.
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time time NOT NULL,
  end_time time NOT NULL,
  walk_in boolean NOT NULL,
  place_name text NOT NULL DEFAULT '' CHECK (char_length(place_name) <= 200),
  street text CHECK (char_length(street) <= 200),
  postcode text CHECK (postcode ~ '^[0-9]{4}$'),
  city text CHECK (char_length(city) <= 100),
  phone text CHECK (char_length(phone) <= 30),
  chat_url text CHECK (chat_url ~ '^https://' AND char_length(chat_url) <= 500),
  languages text[] NOT NULL DEFAULT '{da}',
  -- The municipalities whose residents it serves (the partner municipality), for the public filter.
  municipality_ids uuid[] NOT NULL DEFAULT '{}',
  public_note text NOT NULL DEFAULT '' CHECK (char_length(public_note) <= 1000),
  valid_from date NOT NULL,
  valid_to date,
  created_by uuid NOT NULL REFERENCES staff_user (id),
  created_at timestamptz NOT NULL,
  ended_by uuid REFERENCES staff_user (id),
  ended_at timestamptz,
  CHECK (end_time > start_time),
  CHECK (walk_in OR phone IS NOT NULL OR chat_url IS NOT NULL),
  CHECK (NOT walk_in OR (street IS NOT NULL AND postcode IS NOT NULL)),
  CHECK ((ended_at IS NULL) = (ended_by IS NULL)),
  -- Ending a slot that has not started yet leaves it with no day at all (valid_to before valid_from).
  CHECK (valid_to IS NULL OR valid_to >= valid_from OR ended_at IS NOT NULL)
);
CREATE INDEX open_counselling_slot_org_idx ON open_counselling_slot (org_id);
CREATE INDEX open_counselling_slot_municipalities_idx ON open_counselling_slot USING gin (municipality_ids);

-- The counsellors on duty at a slot (the public page shows their given names only).
CREATE TABLE open_counselling_slot_counsellor (
  slot_id uuid NOT NULL REFERENCES open_counselling_slot (id),
  staff_user_id uuid NOT NULL REFERENCES staff_user (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (slot_id, staff_user_id)
);

-- One conversation at the drop-in, by phone or in the chat. No person, family, referral or staff
-- user; no time of day, no creation timestamp. offer_id is the offer the parent was pointed to —
-- an offer, never a person.
CREATE TABLE anonymous_contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id),
  slot_id uuid REFERENCES open_counselling_slot (id),
  offer_id uuid REFERENCES offer (id),
  contact_date date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('walk_in', 'phone', 'chat')),
  who text NOT NULL CHECK (who IN ('pregnant', 'mother', 'father', 'other')),
  child_age_band text NOT NULL CHECK (child_age_band IN (
    'expecting', 'under_1', 'age_1_to_3', 'age_3_to_6', 'older', 'no_child', 'not_stated'
  )),
  topics text[] NOT NULL CHECK (
    cardinality(topics) >= 1
    AND topics <@ ARRAY['divorce', 'finances', 'child_wellbeing', 'relationship', 'co_parenting',
      'abortion_considerations', 'housing', 'other']::text[]
    AND text_array_is_distinct(topics)
  ),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
  outcomes text[] NOT NULL CHECK (
    cardinality(outcomes) >= 1
    AND outcomes <@ ARRAY['advice', 'pointed_to_offer', 'follow_up_booked']::text[]
    AND text_array_is_distinct(outcomes)
  ),
  note text CHECK (char_length(note) <= 500 AND NOT anonymous_text_has_identifier(note)),
  CHECK (offer_id IS NULL OR 'pointed_to_offer' = ANY (outcomes))
);
-- Statistics by month and the recent list: one organisation's contacts by date.
CREATE INDEX anonymous_contact_org_date_idx ON anonymous_contact (org_id, contact_date);

-- The log is append-only for the application: no corrections, no deletions (docs/open-counselling.md).
-- Slots are ended (an update), never deleted.
GRANT SELECT, INSERT ON anonymous_contact TO familiespor_app;
REVOKE UPDATE, DELETE, TRUNCATE ON anonymous_contact FROM familiespor_app;
GRANT SELECT, INSERT, UPDATE ON open_counselling_slot TO familiespor_app;
REVOKE DELETE, TRUNCATE ON open_counselling_slot FROM familiespor_app;
GRANT SELECT, INSERT, DELETE ON open_counselling_slot_counsellor TO familiespor_app;
REVOKE UPDATE, TRUNCATE ON open_counselling_slot_counsellor FROM familiespor_app;

ALTER TABLE open_counselling_slot ENABLE ROW LEVEL SECURITY;
ALTER TABLE open_counselling_slot_counsellor ENABLE ROW LEVEL SECURITY;
ALTER TABLE anonymous_contact ENABLE ROW LEVEL SECURITY;

-- The opening hours are public (the page needs no login); only the organisation writes them.
CREATE POLICY open_counselling_slot_read ON open_counselling_slot FOR SELECT USING (true);
CREATE POLICY open_counselling_slot_write ON open_counselling_slot
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY open_counselling_slot_counsellor_read ON open_counselling_slot_counsellor FOR SELECT USING (true);
CREATE POLICY open_counselling_slot_counsellor_write ON open_counselling_slot_counsellor
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
-- The log: its organisation only; a partner municipality's programme lead reads the statistics
-- after the service has checked the partnership and widened the scope for that one transaction.
CREATE POLICY anonymous_contact_own ON anonymous_contact
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
