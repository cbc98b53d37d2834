-- Families and the red thread: addresses and districts, pregnancies, births, involvements,
-- coordinators, consents and tasks.

-- What a unit does, so a registration can find "the health visiting of the family's district".
ALTER TABLE unit ADD COLUMN service text CHECK (service IN ('health_visiting', 'midwifery', 'birthplace',
  'social_services', 'daycare', 'family_counselling', 'open_counselling'));
ALTER TABLE unit ADD COLUMN phone text;
ALTER TABLE unit ADD COLUMN email text;
ALTER TABLE staff_user ADD COLUMN phone text;

-- The home municipality follows from the address's municipality code: one organisation per code.
CREATE UNIQUE INDEX organisation_municipality_code_key ON organisation (municipality_code)
  WHERE municipality_code IS NOT NULL AND kind = 'municipality';

-- Which district unit serves which postcode in a municipality.
CREATE TABLE district_postcode (
  org_id uuid NOT NULL REFERENCES organisation (id),
  postcode text NOT NULL CHECK (postcode ~ '^[0-9]{4}$'),
  unit_id uuid NOT NULL REFERENCES unit (id),
  PRIMARY KEY (org_id, postcode)
);

ALTER TABLE family ADD COLUMN street text;
ALTER TABLE family ADD COLUMN postcode text CHECK (postcode ~ '^[0-9]{4}$');
ALTER TABLE family ADD COLUMN city text;
ALTER TABLE person ADD COLUMN sex text CHECK (sex IN ('female', 'male'));
CREATE INDEX person_family_name_idx ON person (lower(family_name) text_pattern_ops);
CREATE INDEX person_given_name_idx ON person (lower(given_name) text_pattern_ops);
CREATE INDEX person_birth_date_idx ON person (birth_date);

CREATE TABLE pregnancy (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id uuid NOT NULL REFERENCES family (id),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the region whose midwife registered it
  unit_id uuid REFERENCES unit (id),
  mother_person_id uuid NOT NULL REFERENCES person (id),
  due_date date NOT NULL,
  care_level smallint NOT NULL CHECK (care_level BETWEEN 1 AND 4),
  first_child boolean NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'born', 'ended')),
  registered_by uuid REFERENCES staff_user (id),
  registered_at timestamptz NOT NULL,
  ended_at timestamptz,
  end_reason text
);
CREATE INDEX pregnancy_family_idx ON pregnancy (family_id);
CREATE UNIQUE INDEX pregnancy_one_active_per_mother ON pregnancy (mother_person_id) WHERE status = 'active';
CREATE INDEX pregnancy_due_idx ON pregnancy (org_id, due_date) WHERE status = 'active';

CREATE TABLE birth (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id uuid NOT NULL REFERENCES family (id),
  family_org_id uuid NOT NULL REFERENCES organisation (id),
  pregnancy_id uuid REFERENCES pregnancy (id),
  org_id uuid NOT NULL REFERENCES organisation (id), -- who registered or notified the birth
  child_person_id uuid NOT NULL UNIQUE REFERENCES person (id),
  birth_time timestamptz NOT NULL,
  discharge_time timestamptz,
  birthplace text,
  source text NOT NULL CHECK (source IN ('manual', 'import')),
  registered_by uuid REFERENCES staff_user (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX birth_family_idx ON birth (family_id);

-- Why an organisation works with a family; it ends when the reason ends.
CREATE TABLE involvement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id uuid NOT NULL REFERENCES family (id),
  family_org_id uuid NOT NULL REFERENCES organisation (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  unit_id uuid REFERENCES unit (id),
  staff_user_id uuid REFERENCES staff_user (id),
  kind text NOT NULL CHECK (kind IN ('pregnancy_care', 'statutory', 'enrollment', 'referral', 'consent')),
  reason text NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz
);
CREATE INDEX involvement_family_idx ON involvement (family_id) WHERE ended_at IS NULL;
CREATE INDEX involvement_unit_idx ON involvement (unit_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX involvement_one_open_per_kind ON involvement (family_id, org_id, kind)
  WHERE ended_at IS NULL AND kind IN ('pregnancy_care', 'statutory');

-- Exactly one active coordinator (tovholder) per family; the history stays.
CREATE TABLE coordinator_assignment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id uuid NOT NULL REFERENCES family (id),
  family_org_id uuid NOT NULL REFERENCES organisation (id),
  coordinator_org_id uuid NOT NULL REFERENCES organisation (id),
  staff_user_id uuid NOT NULL REFERENCES staff_user (id),
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  handover_note text,
  assigned_by uuid REFERENCES staff_user (id)
);
CREATE UNIQUE INDEX coordinator_one_active ON coordinator_assignment (family_id) WHERE ended_at IS NULL;
CREATE INDEX coordinator_caseload_idx ON coordinator_assignment (staff_user_id) WHERE ended_at IS NULL;

-- A parent's consent: which record categories may flow from one organisation to another, why, how long.
CREATE TABLE consent (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  family_id uuid NOT NULL REFERENCES family (id),
  family_org_id uuid NOT NULL REFERENCES organisation (id),
  granted_by_person_id uuid NOT NULL REFERENCES person (id),
  categories text[] NOT NULL,
  from_org_id uuid NOT NULL REFERENCES organisation (id),
  to_org_id uuid NOT NULL REFERENCES organisation (id),
  purpose text NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_to timestamptz,
  withdrawn_at timestamptz,
  captured_how text NOT NULL CHECK (captured_how IN ('portal', 'paper', 'verbal')),
  captured_by uuid REFERENCES staff_user (id),
  captured_at timestamptz NOT NULL
);
CREATE INDEX consent_lookup_idx ON consent (family_id, to_org_id, from_org_id);

CREATE TABLE task (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id),
  family_id uuid REFERENCES family (id),
  assignee_user_id uuid REFERENCES staff_user (id),
  assignee_unit_id uuid REFERENCES unit (id),
  kind text NOT NULL,
  key text NOT NULL UNIQUE, -- the rule's idempotency key: re-running creates no duplicate
  window_start date NOT NULL,
  due date NOT NULL,
  window_end date NOT NULL,
  state text NOT NULL DEFAULT 'ready' CHECK (state IN ('ready', 'completed', 'cancelled', 'failed')),
  reason text NOT NULL,
  rule text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (assignee_user_id IS NOT NULL OR assignee_unit_id IS NOT NULL),
  CHECK (window_start <= due AND due <= window_end)
);
CREATE INDEX task_unit_open_idx ON task (assignee_unit_id, due) WHERE state = 'ready';
CREATE INDEX task_user_open_idx ON task (assignee_user_id, due) WHERE state = 'ready';
CREATE INDEX task_family_idx ON task (family_id);

CREATE TABLE task_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  task_id uuid NOT NULL REFERENCES task (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  state text NOT NULL,
  at timestamptz NOT NULL,
  by_user uuid REFERENCES staff_user (id),
  note text
);
CREATE INDEX task_event_task_idx ON task_event (task_id);

ALTER TABLE district_postcode ENABLE ROW LEVEL SECURITY;
ALTER TABLE pregnancy ENABLE ROW LEVEL SECURITY;
ALTER TABLE birth ENABLE ROW LEVEL SECURITY;
ALTER TABLE involvement ENABLE ROW LEVEL SECURITY;
ALTER TABLE coordinator_assignment ENABLE ROW LEVEL SECURITY;
ALTER TABLE consent ENABLE ROW LEVEL SECURITY;
ALTER TABLE task ENABLE ROW LEVEL SECURITY;
ALTER TABLE task_event ENABLE ROW LEVEL SECURITY;

CREATE POLICY district_postcode_read ON district_postcode FOR SELECT USING (true);
CREATE POLICY district_postcode_write ON district_postcode USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY pregnancy_own ON pregnancy USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY birth_own ON birth
  USING (app_is_system() OR org_id = ANY (app_org_ids()) OR family_org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY involvement_parties ON involvement
  USING (app_is_system() OR org_id = ANY (app_org_ids()) OR family_org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()) OR family_org_id = ANY (app_org_ids()));
CREATE POLICY coordinator_parties ON coordinator_assignment
  USING (app_is_system() OR family_org_id = ANY (app_org_ids()) OR coordinator_org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR family_org_id = ANY (app_org_ids()) OR coordinator_org_id = ANY (app_org_ids()));
CREATE POLICY consent_parties ON consent
  USING (app_is_system() OR from_org_id = ANY (app_org_ids()) OR to_org_id = ANY (app_org_ids())
         OR family_org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR from_org_id = ANY (app_org_ids()) OR family_org_id = ANY (app_org_ids()));
CREATE POLICY task_own ON task USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY task_event_own ON task_event USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));

-- The organisation that controls the data sees who read it, also when the reader was another
-- organisation (a parent's "who has read our data" and the controller's own review).
DROP POLICY audit_event_read ON audit_event;
CREATE POLICY audit_event_read ON audit_event FOR SELECT
  USING (app_is_system() OR org_id = ANY (app_org_ids()) OR data_org_id = ANY (app_org_ids()));
CREATE INDEX audit_event_data_org_idx ON audit_event (data_org_id, occurred_at) WHERE data_org_id IS NOT NULL;
