-- Family counselling cases (step 7): a family counsellor at a housing-area social secretariat or at
-- the municipality runs a long-term case with a family — goals scaled 0–10 over time, contacts,
-- collaborating parties — and closes it with an outcome. The case and everything in it are the
-- counsellor's organisation's records (org_id, category counselling).

-- An open case is a reason for the counsellor's organisation to work with the family.
ALTER TABLE involvement DROP CONSTRAINT involvement_kind_check;
ALTER TABLE involvement ADD CONSTRAINT involvement_kind_check
  CHECK (kind IN ('pregnancy_care', 'statutory', 'enrollment', 'referral', 'consent', 'counselling'));

CREATE TABLE counselling_case (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the counsellor's organisation
  unit_id uuid NOT NULL REFERENCES unit (id),
  family_id uuid NOT NULL REFERENCES family (id),
  family_org_id uuid NOT NULL REFERENCES organisation (id),
  counsellor_id uuid NOT NULL REFERENCES staff_user (id),
  -- The parents and children as the counsellor wrote them down at opening: the case's own copy,
  -- read with the case, never the family's identity records.
  family_copy jsonb NOT NULL CHECK (jsonb_typeof(family_copy) = 'object'),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  opened_from text NOT NULL CHECK (opened_from IN ('referral', 'own_request')),
  referral_id uuid REFERENCES referral (id),
  -- On the family's own request: which parent asked, how, and the consent it went on when the
  -- family belongs to another organisation.
  requested_by_person_id uuid REFERENCES person (id),
  request_how text CHECK (request_how IN ('paper', 'verbal')),
  consent_id uuid REFERENCES consent (id),
  involvement_id uuid NOT NULL REFERENCES involvement (id),
  opened_on date NOT NULL,
  opened_at timestamptz NOT NULL,
  opened_by uuid NOT NULL REFERENCES staff_user (id),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_on date,
  closed_at timestamptz,
  closed_by uuid REFERENCES staff_user (id),
  outcome text CHECK (outcome IN ('no_special_support', 'municipal_measure', 'moved', 'ended_by_family',
    'other')),
  closing_note text,
  CHECK ((opened_from = 'referral') = (referral_id IS NOT NULL)),
  CHECK ((opened_from = 'own_request') = (request_how IS NOT NULL)),
  CHECK (consent_id IS NULL OR opened_from = 'own_request'),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
  CHECK ((closed_on IS NULL) = (closed_at IS NULL)),
  CHECK ((closed_on IS NULL) = (closed_by IS NULL)),
  CHECK ((closed_on IS NULL) = (outcome IS NULL)),
  CHECK (closed_on IS NULL OR closed_on >= opened_on),
  CHECK (outcome IS DISTINCT FROM 'other' OR length(btrim(coalesce(closing_note, ''))) > 0)
);
-- One open case per family in an organisation; a referral opens one case.
CREATE UNIQUE INDEX counselling_case_one_open ON counselling_case (family_id, org_id) WHERE status = 'open';
CREATE UNIQUE INDEX counselling_case_referral ON counselling_case (referral_id) WHERE referral_id IS NOT NULL;
-- "Rådgivningsforløb": the counsellor's cases; the yearly figures per organisation.
CREATE INDEX counselling_case_counsellor_idx ON counselling_case (counsellor_id, status, opened_on DESC);
CREATE INDEX counselling_case_org_idx ON counselling_case (org_id, opened_on);
CREATE INDEX counselling_case_family_idx ON counselling_case (family_id);

CREATE TABLE counselling_goal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES counselling_case (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  position integer NOT NULL CHECK (position >= 0), -- the order the goals were agreed in
  created_on date NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES staff_user (id)
);
CREATE UNIQUE INDEX counselling_goal_case_idx ON counselling_goal (case_id, position);

-- Each goal scaled 0–10 over time, together with the family.
CREATE TABLE counselling_goal_score (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  goal_id uuid NOT NULL REFERENCES counselling_goal (id),
  case_id uuid NOT NULL REFERENCES counselling_case (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  score smallint NOT NULL CHECK (score BETWEEN 0 AND 10),
  scored_on date NOT NULL,
  note text CHECK (note IS NULL OR length(note) <= 1000),
  scored_by uuid NOT NULL REFERENCES staff_user (id),
  scored_at timestamptz NOT NULL
);
CREATE INDEX counselling_goal_score_goal_idx ON counselling_goal_score (goal_id, scored_on, scored_at);
CREATE INDEX counselling_goal_score_case_idx ON counselling_goal_score (case_id);

CREATE TABLE counselling_contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES counselling_case (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  contact_on date NOT NULL,
  form text NOT NULL CHECK (form IN ('home_visit', 'office', 'phone', 'video', 'with_partner', 'other')),
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
  participants text[] NOT NULL CHECK (
    cardinality(participants) > 0
    AND participants <@ ARRAY['mother', 'father_co_parent', 'child', 'siblings', 'daycare', 'health_visitor',
                              'school', 'other']::text[]),
  note text CHECK (note IS NULL OR length(note) <= 4000),
  recorded_by uuid NOT NULL REFERENCES staff_user (id),
  recorded_at timestamptz NOT NULL
);
CREATE INDEX counselling_contact_case_idx ON counselling_contact (case_id, contact_on);

-- Collaborating parties (daycare, childminder, health visiting, school), each with the parents'
-- consent: a consent in force in the register when the party is another organisation in
-- Familiespor (consent_id), otherwise which parent agreed, how and when (recorded here).
CREATE TABLE counselling_party (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES counselling_case (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  kind text NOT NULL CHECK (kind IN ('daycare', 'childminder', 'health_visiting', 'school', 'other')),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  contact text CHECK (contact IS NULL OR length(contact) <= 200),
  party_unit_id uuid REFERENCES unit (id),
  party_org_id uuid REFERENCES organisation (id),
  consent_id uuid REFERENCES consent (id),
  consent_person_id uuid REFERENCES person (id),
  consent_how text CHECK (consent_how IN ('paper', 'verbal')),
  consent_on date,
  added_by uuid NOT NULL REFERENCES staff_user (id),
  added_at timestamptz NOT NULL,
  CHECK ((party_unit_id IS NULL) = (party_org_id IS NULL)),
  CHECK ((consent_person_id IS NULL) = (consent_how IS NULL)),
  CHECK ((consent_person_id IS NULL) = (consent_on IS NULL)),
  CHECK ((consent_id IS NULL) <> (consent_person_id IS NULL)),
  CHECK (consent_id IS NULL OR party_org_id IS NOT NULL)
);
CREATE INDEX counselling_party_case_idx ON counselling_party (case_id);

-- A case is history: it is closed, never deleted; what was recorded in it stays as it was.
REVOKE DELETE, TRUNCATE ON counselling_case FROM familiespor_app;
REVOKE UPDATE, DELETE, TRUNCATE ON counselling_goal FROM familiespor_app;
REVOKE UPDATE, DELETE, TRUNCATE ON counselling_goal_score FROM familiespor_app;
REVOKE UPDATE, DELETE, TRUNCATE ON counselling_contact FROM familiespor_app;
REVOKE UPDATE, DELETE, TRUNCATE ON counselling_party FROM familiespor_app;

ALTER TABLE counselling_case ENABLE ROW LEVEL SECURITY;
ALTER TABLE counselling_goal ENABLE ROW LEVEL SECURITY;
ALTER TABLE counselling_goal_score ENABLE ROW LEVEL SECURITY;
ALTER TABLE counselling_contact ENABLE ROW LEVEL SECURITY;
ALTER TABLE counselling_party ENABLE ROW LEVEL SECURITY;

-- The counsellor's organisation's own records: another organisation reads them only after the
-- access policy has widened the scope to it (the parents' consent for category counselling).
CREATE POLICY counselling_case_own ON counselling_case USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY counselling_goal_own ON counselling_goal USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY counselling_goal_score_own ON counselling_goal_score
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY counselling_contact_own ON counselling_contact
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY counselling_party_own ON counselling_party USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));

-- "Mellem to stole": the municipality's families in counselling (open involvements of this kind).
CREATE INDEX involvement_counselling_open_idx ON involvement (family_org_id) WHERE kind = 'counselling' AND ended_at IS NULL;
