-- Health visiting and early detection (step 5): the municipality's visit programme, the
-- child's planned and recorded visits, the screening instruments, screenings with every
-- answer, who is trained in ADBB, and the municipality's EPDS cut-offs.

-- One row per municipality; the visit types are JSON, not rows, because the programme is read,
-- validated (checkProgramme: key uniqueness, window order across all types) and replaced as a
-- whole by its programme lead, and nothing queries a single type: each planned visit copies its
-- type's key, name, kind and window dates, so editing the programme never rewrites a plan or a
-- record already made. A municipality without a row uses the statutory default of the domain.
CREATE TABLE visit_programme (
  org_id uuid PRIMARY KEY REFERENCES organisation (id),
  visit_types jsonb NOT NULL CHECK (jsonb_typeof(visit_types) = 'array'),
  updated_by uuid REFERENCES staff_user (id),
  updated_at timestamptz NOT NULL
);

-- EPDS cut-offs per municipality and respondent (DESIGN §5): fathers' cut-off also applies to
-- co-parents. No row: the default, 11 for mothers and 10 for fathers.
CREATE TABLE epds_cutoff (
  org_id uuid NOT NULL REFERENCES organisation (id),
  respondent_role text NOT NULL CHECK (respondent_role IN ('mother', 'father')),
  cutoff smallint NOT NULL CHECK (cutoff BETWEEN 1 AND 30),
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, respondent_role)
);

-- The child's visits. The record's fields stay null until the visit is done.
CREATE TABLE child_visit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the municipality whose health visiting visits
  family_id uuid NOT NULL REFERENCES family (id),
  child_person_id uuid NOT NULL REFERENCES person (id),
  visit_key text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('statutory', 'extended', 'targeted')),
  reason text, -- why a targeted extra visit was added
  window_start date NOT NULL,
  due date NOT NULL,
  window_end date NOT NULL,
  status text NOT NULL DEFAULT 'planned'
    CHECK (status IN ('planned', 'done', 'missed', 'rescheduled', 'cancelled')),
  rescheduled_from uuid REFERENCES child_visit (id),
  status_reason text, -- why it was missed or cancelled
  done_on date,
  place text CHECK (place IN ('home', 'clinic', 'phone', 'video')),
  weight_g integer CHECK (weight_g > 0),
  length_cm numeric(4, 1) CHECK (length_cm > 0),
  head_cm numeric(4, 1) CHECK (head_cm > 0),
  topics text[] NOT NULL DEFAULT '{}',
  development text CHECK (development IN ('age_appropriate', 'concern')),
  development_note text,
  pku_done boolean,
  hearing_done boolean,
  notes text,
  recorded_by uuid REFERENCES staff_user (id),
  recorded_at timestamptz,
  created_by uuid REFERENCES staff_user (id), -- null: planned by the programme at the birth
  created_at timestamptz NOT NULL,
  CHECK (window_start <= due AND due <= window_end),
  CHECK (status <> 'done' OR (done_on IS NOT NULL AND place IS NOT NULL)),
  CHECK (kind <> 'targeted' OR reason IS NOT NULL)
);
-- The programme plans each visit type once per child; a rescheduled or targeted visit is extra.
CREATE UNIQUE INDEX child_visit_planned_once ON child_visit (child_person_id, visit_key)
  WHERE rescheduled_from IS NULL AND kind <> 'targeted';
CREATE INDEX child_visit_family_idx ON child_visit (family_id, window_start);
-- The district's coming visits and the programme lead's timeliness, per municipality.
CREATE INDEX child_visit_org_open_idx ON child_visit (org_id, window_start) WHERE status = 'planned';

-- Screening instruments: reference data shared by every organisation, changed by migrations only.
CREATE TABLE instrument (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,40}$'),
  name text NOT NULL,
  items smallint NOT NULL CHECK (items > 0),
  max_answer smallint NOT NULL CHECK (max_answer > 0),
  subject text NOT NULL CHECK (subject IN ('parent', 'child')),
  trained_only boolean NOT NULL,
  credit text NOT NULL
);
INSERT INTO instrument (code, name, items, max_answer, subject, trained_only, credit) VALUES
  ('epds', 'Edinburgh Postnatal Depression Scale', 10, 3, 'parent', false,
   'Cox, J.L., Holden, J.M., & Sagovsky, R. (1987). British Journal of Psychiatry, 150, 782–786.'),
  ('adbb', 'Alarm Distress Baby Scale', 8, 4, 'child', true,
   'Guedeney, A., & Fermanian, J. (2001). Infant Mental Health Journal, 22(5), 559–575.');
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON instrument FROM familiespor_app;

-- A screening keeps every item's answer as given (option index), its score and what it raised.
CREATE TABLE screening (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the data controller: the recorder's organisation
  family_id uuid NOT NULL REFERENCES family (id),
  child_person_id uuid REFERENCES person (id), -- ADBB: the infant observed; EPDS: the child, if born
  respondent_person_id uuid REFERENCES person (id), -- EPDS: the parent answering
  respondent_role text CHECK (respondent_role IN ('mother', 'father', 'co_parent')),
  instrument text NOT NULL REFERENCES instrument (code),
  answers smallint[] NOT NULL,
  total smallint NOT NULL,
  cutoff smallint NOT NULL,
  band text NOT NULL CHECK (band IN ('below_cutoff', 'at_or_above_cutoff')),
  flags text[] NOT NULL DEFAULT '{}',
  observed_on date NOT NULL,
  in_pregnancy boolean NOT NULL, -- before the birth: what a midwife may see (access qualifier)
  visit_id uuid REFERENCES child_visit (id),
  entered_by_kind text NOT NULL CHECK (entered_by_kind IN ('staff', 'parent')),
  recorded_by uuid REFERENCES staff_user (id),
  entered_by_person_id uuid REFERENCES person (id),
  created_at timestamptz NOT NULL,
  CHECK (instrument <> 'epds' OR (respondent_person_id IS NOT NULL AND respondent_role IS NOT NULL)),
  CHECK (instrument <> 'adbb' OR child_person_id IS NOT NULL),
  CHECK ((entered_by_kind = 'staff') = (recorded_by IS NOT NULL)),
  CHECK ((entered_by_kind = 'parent') = (entered_by_person_id IS NOT NULL))
);
CREATE INDEX screening_org_idx ON screening (org_id, observed_on);
CREATE INDEX screening_family_idx ON screening (family_id, observed_on);
-- The respondent's previous screening decides between a repeat and a referral.
CREATE INDEX screening_respondent_idx ON screening (respondent_person_id, instrument, observed_on)
  WHERE respondent_person_id IS NOT NULL;

-- Who may record an instrument that needs training (ADBB), and since when.
CREATE TABLE staff_training (
  staff_user_id uuid NOT NULL REFERENCES staff_user (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  instrument text NOT NULL REFERENCES instrument (code),
  since date NOT NULL,
  PRIMARY KEY (staff_user_id, instrument)
);
CREATE INDEX staff_training_org_idx ON staff_training (org_id);

-- Screening follow-ups find the open repeat tasks of a family by kind.
CREATE INDEX task_family_kind_open_idx ON task (family_id, kind) WHERE state = 'ready';

ALTER TABLE visit_programme ENABLE ROW LEVEL SECURITY;
ALTER TABLE epds_cutoff ENABLE ROW LEVEL SECURITY;
ALTER TABLE child_visit ENABLE ROW LEVEL SECURITY;
ALTER TABLE screening ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_training ENABLE ROW LEVEL SECURITY;

-- The programme and the cut-offs are the municipality's published configuration: anyone may read.
CREATE POLICY visit_programme_read ON visit_programme FOR SELECT USING (true);
CREATE POLICY visit_programme_write ON visit_programme USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY epds_cutoff_read ON epds_cutoff FOR SELECT USING (true);
CREATE POLICY epds_cutoff_write ON epds_cutoff USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY child_visit_own ON child_visit USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY screening_own ON screening USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY staff_training_own ON staff_training USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
