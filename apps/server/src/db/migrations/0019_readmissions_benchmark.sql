-- Step 8: infant (re)admissions imported from the region, and the municipalities' benchmark.
--
-- An admission is the municipality's record (org_id = the child's family's municipality), even
-- when the region's staff imported it: the outcome indicator belongs to the municipality that
-- runs the offers. imported_by_org_id says whose file it came from.
CREATE TABLE infant_admission (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id),
  family_id uuid NOT NULL REFERENCES family (id),
  child_person_id uuid NOT NULL REFERENCES person (id),
  admitted_on date NOT NULL,
  discharged_on date NOT NULL,
  icd10 text NOT NULL CHECK (icd10 ~ '^[A-Z][0-9]{2}(\.?[0-9A-Z]{1,4})?$'),
  cause text NOT NULL CHECK (cause IN ('dehydration', 'jaundice', 'poor_thriving', 'feeding_problems', 'other')),
  imported_by uuid NOT NULL REFERENCES staff_user (id),
  imported_by_org_id uuid NOT NULL REFERENCES organisation (id),
  imported_at timestamptz NOT NULL,
  CHECK (discharged_on >= admitted_on),
  -- Re-importing the same file adds nothing: one admission per child, day and diagnosis.
  UNIQUE (child_person_id, admitted_on, icd10)
);
CREATE INDEX infant_admission_org_idx ON infant_admission (org_id, admitted_on);
REVOKE DELETE, TRUNCATE ON infant_admission FROM familiespor_app;

ALTER TABLE infant_admission ENABLE ROW LEVEL SECURITY;
CREATE POLICY infant_admission_own ON infant_admission
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));

-- Which indicators a municipality shares with the Familieiværksætterne network, from which month.
-- Not personal data: every member reads the settings, only the owner writes them. Stopping keeps
-- the row (stopped_at) so the history of what was shared, and when, stays.
CREATE TABLE benchmark_share (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id),
  indicator text NOT NULL,
  shared_from date NOT NULL CHECK (extract(day FROM shared_from) = 1),
  started_by uuid NOT NULL REFERENCES staff_user (id),
  started_at timestamptz NOT NULL,
  stopped_by uuid REFERENCES staff_user (id),
  stopped_at timestamptz,
  CHECK ((stopped_at IS NULL) = (stopped_by IS NULL))
);
CREATE UNIQUE INDEX benchmark_share_active_idx ON benchmark_share (org_id, indicator) WHERE stopped_at IS NULL;
CREATE INDEX benchmark_share_indicator_idx ON benchmark_share (indicator) WHERE stopped_at IS NULL;
REVOKE DELETE, TRUNCATE ON benchmark_share FROM familiespor_app;

ALTER TABLE benchmark_share ENABLE ROW LEVEL SECURITY;
CREATE POLICY benchmark_share_read ON benchmark_share FOR SELECT USING (true);
CREATE POLICY benchmark_share_insert ON benchmark_share FOR INSERT
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY benchmark_share_update ON benchmark_share FOR UPDATE
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
