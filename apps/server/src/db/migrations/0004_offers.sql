-- Offers, enrollment and the Familieiværksætterne course (step 4).

CREATE TABLE offer (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the provider
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('course', 'group', 'home_visits', 'counselling', 'open_counselling', 'event')),
  level text NOT NULL CHECK (level IN ('universal', 'extended', 'targeted', 'specialised')),
  -- Residents of these municipalities may join (a provider NGO serves its partner municipality).
  municipality_ids uuid[] NOT NULL DEFAULT '{}',
  eligibility jsonb NOT NULL DEFAULT '{}',
  capacity integer CHECK (capacity IS NULL OR capacity > 0), -- families; null: no limit
  languages text[] NOT NULL DEFAULT '{da}',
  legal_basis text NOT NULL,
  referral_only boolean NOT NULL DEFAULT false,
  fiv boolean NOT NULL DEFAULT false, -- labelled Familieiværksætterne: at least 12 sessions
  schedule text, -- "Hver onsdag kl. 15–18", for open offers
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX offer_org_idx ON offer (org_id);
CREATE INDEX offer_municipalities_idx ON offer USING gin (municipality_ids);

CREATE TABLE offer_site (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  offer_id uuid NOT NULL REFERENCES offer (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  name text NOT NULL,
  address text NOT NULL,
  max_cohorts integer NOT NULL DEFAULT 4 CHECK (max_cohorts >= 0), -- what its facilitators can run
  languages text[] NOT NULL DEFAULT '{da}'
);
CREATE INDEX offer_site_offer_idx ON offer_site (offer_id);

-- The municipality's own copy of a course template: sessions with theme and offset.
CREATE TABLE course_template (
  offer_id uuid PRIMARY KEY REFERENCES offer (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  sessions jsonb NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE TABLE cohort (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  offer_id uuid NOT NULL REFERENCES offer (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  site_id uuid REFERENCES offer_site (id),
  name text NOT NULL,
  language text NOT NULL,
  facilitator_user_id uuid NOT NULL REFERENCES staff_user (id), -- one fixed health visitor per cohort
  due_from date NOT NULL,
  due_to date NOT NULL,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'network', 'ended')),
  created_at timestamptz NOT NULL
);
CREATE INDEX cohort_offer_idx ON cohort (offer_id);
CREATE INDEX cohort_facilitator_idx ON cohort (facilitator_user_id);

CREATE TABLE course_session (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  offer_id uuid NOT NULL REFERENCES offer (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  cohort_id uuid REFERENCES cohort (id),
  number integer NOT NULL,
  template_key text,
  title text NOT NULL,
  theme text,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text NOT NULL,
  facilitator_user_id uuid REFERENCES staff_user (id),
  guest_presenters jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  CHECK (ends_at > starts_at)
);
CREATE INDEX course_session_cohort_idx ON course_session (cohort_id, starts_at);
CREATE INDEX course_session_facilitator_idx ON course_session (facilitator_user_id, starts_at);

CREATE TABLE enrollment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  offer_id uuid NOT NULL REFERENCES offer (id),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the provider's record
  family_id uuid NOT NULL REFERENCES family (id),
  family_org_id uuid NOT NULL REFERENCES organisation (id),
  status text NOT NULL CHECK (status IN ('invited', 'waitlisted', 'enrolled', 'declined', 'dropped_out', 'completed')),
  priority text NOT NULL DEFAULT 'standard' CHECK (priority IN ('referred', 'targeted', 'standard')),
  referral_reason text,
  due_date date, -- given at sign-up for courses that follow the pregnancy (cohort planning)
  cohort_id uuid REFERENCES cohort (id),
  signed_up_at timestamptz NOT NULL,
  enrolled_at timestamptz,
  ended_at timestamptz,
  end_reason text,
  created_by_kind text NOT NULL CHECK (created_by_kind IN ('parent', 'staff')),
  created_by uuid NOT NULL
);
CREATE UNIQUE INDEX enrollment_one_open_per_family ON enrollment (offer_id, family_id)
  WHERE status IN ('invited', 'waitlisted', 'enrolled');
CREATE INDEX enrollment_waitlist_idx ON enrollment (offer_id, status, signed_up_at);
CREATE INDEX enrollment_family_idx ON enrollment (family_id);
CREATE INDEX enrollment_cohort_idx ON enrollment (cohort_id);

CREATE TABLE enrollment_participant (
  enrollment_id uuid NOT NULL REFERENCES enrollment (id),
  person_id uuid NOT NULL REFERENCES person (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (enrollment_id, person_id)
);

CREATE TABLE enrollment_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  enrollment_id uuid NOT NULL REFERENCES enrollment (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  status text NOT NULL,
  at timestamptz NOT NULL,
  by_kind text NOT NULL,
  by_id uuid,
  reason text
);
CREATE INDEX enrollment_event_idx ON enrollment_event (enrollment_id);

-- Each parent is checked in on their own: fathers' participation is counted, not assumed.
CREATE TABLE attendance (
  session_id uuid NOT NULL REFERENCES course_session (id),
  person_id uuid NOT NULL REFERENCES person (id),
  enrollment_id uuid NOT NULL REFERENCES enrollment (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  present boolean NOT NULL,
  recorded_by uuid REFERENCES staff_user (id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (session_id, person_id)
);
CREATE INDEX attendance_enrollment_idx ON attendance (enrollment_id);

-- A parent's calendar subscription: only a hash of the secret token is kept.
CREATE TABLE calendar_feed (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person (id),
  family_id uuid NOT NULL REFERENCES family (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE UNIQUE INDEX calendar_feed_one_active ON calendar_feed (person_id, family_id) WHERE revoked_at IS NULL;

-- After the course the cohort goes on as a parent network; each parent chooses what to share.
CREATE TABLE network_member (
  cohort_id uuid NOT NULL REFERENCES cohort (id),
  person_id uuid NOT NULL REFERENCES person (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  share_name boolean NOT NULL,
  share_contact boolean NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (cohort_id, person_id)
);

ALTER TABLE offer ENABLE ROW LEVEL SECURITY;
ALTER TABLE offer_site ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_template ENABLE ROW LEVEL SECURITY;
ALTER TABLE cohort ENABLE ROW LEVEL SECURITY;
ALTER TABLE course_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrollment ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrollment_participant ENABLE ROW LEVEL SECURITY;
ALTER TABLE enrollment_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE attendance ENABLE ROW LEVEL SECURITY;
ALTER TABLE calendar_feed ENABLE ROW LEVEL SECURITY;
ALTER TABLE network_member ENABLE ROW LEVEL SECURITY;

-- The catalogue is public information: anyone may read it; only the provider writes.
CREATE POLICY offer_read ON offer FOR SELECT USING (true);
CREATE POLICY offer_write ON offer USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY offer_site_read ON offer_site FOR SELECT USING (true);
CREATE POLICY offer_site_write ON offer_site USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY course_template_read ON course_template FOR SELECT USING (true);
CREATE POLICY course_template_write ON course_template USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY cohort_own ON cohort USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY course_session_own ON course_session USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY enrollment_parties ON enrollment
  USING (app_is_system() OR org_id = ANY (app_org_ids()) OR family_org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY enrollment_participant_own ON enrollment_participant USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY enrollment_event_own ON enrollment_event USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY attendance_own ON attendance USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY calendar_feed_system ON calendar_feed USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY network_member_own ON network_member USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
