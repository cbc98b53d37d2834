-- Foundation: organisations, staff, sessions, access configuration, audit trail.
-- Valid on PostgreSQL 15 and PGlite (PostgreSQL 18). Forward-only.

-- The application role: not a superuser, not the table owner, so row-level security applies.
-- Roles are cluster-wide; where the migrating user may not create roles, operations create it
-- beforehand (docs/operations.md).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'familiespor_app') THEN
    CREATE ROLE familiespor_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL; -- created concurrently by another database's migration
END
$$;

-- The organisations a transaction may touch, set by the service layer with set_config(..., true).
CREATE FUNCTION app_org_ids() RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_to_array(nullif(current_setting('app.org_ids', true), ''), ',')::uuid[], '{}'::uuid[])
$$;
-- System scope: migrations, seeding, login lookups, audit verification, nightly jobs.
CREATE FUNCTION app_is_system() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('app.system', true), '') = 'on'
$$;

CREATE TABLE app_meta (
  key text PRIMARY KEY,
  value text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('municipality', 'region', 'ngo', 'housing_social')),
  name text NOT NULL,
  municipality_code text CHECK (municipality_code ~ '^[0-9]{3}$'),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisation_name_key ON organisation (lower(name));

CREATE TABLE unit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id),
  kind text NOT NULL CHECK (kind IN ('team', 'district', 'department', 'birthplace', 'daycare')),
  name text NOT NULL,
  parent_unit_id uuid REFERENCES unit (id),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX unit_org_idx ON unit (org_id);
CREATE UNIQUE INDEX unit_org_name_key ON unit (org_id, lower(name));

CREATE TABLE staff_user (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id),
  email text NOT NULL,
  name text NOT NULL,
  title text,
  oidc_subject text,
  active boolean NOT NULL DEFAULT true,
  deactivated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One login per e-mail address across the platform.
CREATE UNIQUE INDEX staff_user_email_key ON staff_user (lower(email));
CREATE UNIQUE INDEX staff_user_oidc_subject_key ON staff_user (oidc_subject) WHERE oidc_subject IS NOT NULL;
CREATE INDEX staff_user_org_idx ON staff_user (org_id);

-- Kept apart from staff_user so directory reads can never carry a password hash.
CREATE TABLE staff_credential (
  staff_user_id uuid PRIMARY KEY REFERENCES staff_user (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  password_hash text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_user_role (
  staff_user_id uuid NOT NULL REFERENCES staff_user (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  role text NOT NULL CHECK (role IN ('midwife', 'health_visitor', 'family_counsellor', 'ngo_counsellor', 'caseworker',
    'daycare_educator', 'course_facilitator', 'programme_lead', 'analyst', 'org_admin', 'platform_admin')),
  PRIMARY KEY (staff_user_id, role)
);

CREATE TABLE staff_user_unit (
  staff_user_id uuid NOT NULL REFERENCES staff_user (id),
  unit_id uuid NOT NULL REFERENCES unit (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  PRIMARY KEY (staff_user_id, unit_id)
);
CREATE INDEX staff_user_unit_unit_idx ON staff_user_unit (unit_id);

-- A municipality and a partner (NGO, housing secretariat, region): which record categories may
-- flow on consent, and how fast referrals must be acknowledged.
CREATE TABLE partnership (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_org_id uuid NOT NULL REFERENCES organisation (id),
  partner_org_id uuid NOT NULL REFERENCES organisation (id),
  description text NOT NULL,
  record_categories text[] NOT NULL DEFAULT '{}',
  ack_deadline_working_days integer NOT NULL DEFAULT 5 CHECK (ack_deadline_working_days BETWEEN 1 AND 30),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (municipality_org_id <> partner_org_id)
);
CREATE UNIQUE INDEX partnership_pair_key ON partnership (municipality_org_id, partner_org_id);

-- An organisation's tightening of the default role × category matrix (DESIGN §4).
CREATE TABLE access_rule (
  org_id uuid NOT NULL REFERENCES organisation (id),
  role text NOT NULL,
  category text NOT NULL CHECK (category IN ('identity', 'pregnancy', 'health_visit', 'screening', 'course',
    'counselling', 'referral', 'concern', 'handover')),
  level text NOT NULL CHECK (level IN ('full', 'read', 'send', 'consent', 'pregnancy_only', 'child_only',
    'own_cases', 'own_org', 'received', 'none')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, role, category)
);

-- People. CPR is optional: anonymous-first contacts have none. Identity is shared by the
-- organisations working with the family; rows are visible through family membership.
CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cpr text CHECK (cpr ~ '^[0-9]{10}$'),
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date,
  preferred_language text NOT NULL DEFAULT 'da',
  interpreter_needed boolean NOT NULL DEFAULT false,
  email text,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX person_cpr_key ON person (cpr) WHERE cpr IS NOT NULL;

-- A parent's own login (OIDC through MitID links by CPR; a password only for demo accounts).
CREATE TABLE parent_account (
  person_id uuid PRIMARY KEY REFERENCES person (id),
  email text,
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX parent_account_email_key ON parent_account (lower(email)) WHERE email IS NOT NULL;

CREATE TABLE family (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the home municipality
  district_unit_id uuid REFERENCES unit (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX family_org_idx ON family (org_id);
CREATE INDEX family_district_idx ON family (district_unit_id);

CREATE TABLE family_member (
  family_id uuid NOT NULL REFERENCES family (id),
  person_id uuid NOT NULL REFERENCES person (id),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the family's org, repeated for row-level security
  role text NOT NULL CHECK (role IN ('mother', 'father', 'co_parent', 'child', 'other_caregiver')),
  custody boolean NOT NULL DEFAULT false,
  first_time_parent boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (family_id, person_id)
);
CREATE INDEX family_member_person_idx ON family_member (person_id);

-- Sessions live in the database so any number of app servers share them. Only a SHA-256 of
-- the cookie's token is stored: a leaked table cannot be replayed.
CREATE TABLE auth_session (
  id_hash text PRIMARY KEY,
  principal_kind text NOT NULL CHECK (principal_kind IN ('staff', 'parent')),
  staff_user_id uuid REFERENCES staff_user (id),
  person_id uuid REFERENCES person (id),
  org_id uuid REFERENCES organisation (id),
  auth_method text NOT NULL CHECK (auth_method IN ('password', 'oidc')),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ended_at timestamptz,
  CHECK ((principal_kind = 'staff' AND staff_user_id IS NOT NULL) OR (principal_kind = 'parent' AND person_id IS NOT NULL))
);
CREATE INDEX auth_session_staff_idx ON auth_session (staff_user_id) WHERE ended_at IS NULL;

-- Failed logins per normalised e-mail — known or not, so the lockout answer reveals nothing.
CREATE TABLE login_failure (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email_key text NOT NULL,
  failed_at timestamptz NOT NULL
);
CREATE INDEX login_failure_email_idx ON login_failure (email_key, failed_at);

-- An OpenID Connect login in progress (state, PKCE verifier, nonce), shared across app servers.
CREATE TABLE oidc_login_flow (
  state text PRIMARY KEY,
  audience text NOT NULL CHECK (audience IN ('staff', 'citizen')),
  code_verifier text NOT NULL,
  nonce text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE break_glass_grant (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the organisation of the user who broke the glass
  staff_user_id uuid NOT NULL REFERENCES staff_user (id),
  family_id uuid NOT NULL REFERENCES family (id),
  reason text NOT NULL,
  granted_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  reviewed_at timestamptz,
  reviewed_by uuid REFERENCES staff_user (id),
  review_note text,
  review_justified boolean
);
CREATE INDEX break_glass_active_idx ON break_glass_grant (staff_user_id, family_id, expires_at);
CREATE INDEX break_glass_review_idx ON break_glass_grant (org_id) WHERE reviewed_at IS NULL;

-- The audit trail. Append-only; each row carries the hash of the previous row of its chain
-- (one chain per organisation, one for events without an organisation).
CREATE TABLE audit_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain_key uuid NOT NULL,
  chain_seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'parent', 'system', 'anonymous')),
  actor_id uuid,
  org_id uuid REFERENCES organisation (id),
  action text NOT NULL CHECK (action IN ('create', 'read', 'update', 'delete', 'execute', 'denied')),
  entity_type text NOT NULL,
  entity_id text,
  family_id uuid,
  person_id uuid,
  data_org_id uuid,
  purpose text,
  basis text CHECK (basis IN ('own_org', 'consent', 'legal_basis', 'break_the_glass', 'self')),
  consent_id uuid,
  outcome text NOT NULL CHECK (outcome IN ('success', 'failure')),
  detail jsonb,
  request_id text,
  ip text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (chain_key, chain_seq)
);
CREATE INDEX audit_event_org_time_idx ON audit_event (org_id, occurred_at);
CREATE INDEX audit_event_family_idx ON audit_event (family_id, occurred_at) WHERE family_id IS NOT NULL;

CREATE TABLE audit_chain_head (
  chain_key uuid PRIMARY KEY,
  seq bigint NOT NULL,
  last_hash text NOT NULL
);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Row-level security: the second line behind the service layer's access policy.
ALTER TABLE unit ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_credential ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_user_role ENABLE ROW LEVEL SECURITY;
ALTER TABLE staff_user_unit ENABLE ROW LEVEL SECURITY;
ALTER TABLE partnership ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_rule ENABLE ROW LEVEL SECURITY;
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
ALTER TABLE parent_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE family ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE break_glass_grant ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;

-- Directory data (units and staff names) is readable across organisations — a family's team
-- spans organisations — but only the owning organisation writes it.
CREATE POLICY unit_read ON unit FOR SELECT USING (true);
CREATE POLICY unit_write ON unit USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY staff_user_read ON staff_user FOR SELECT USING (true);
CREATE POLICY staff_user_write ON staff_user USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY staff_user_role_read ON staff_user_role FOR SELECT USING (true);
CREATE POLICY staff_user_role_write ON staff_user_role USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY staff_user_unit_read ON staff_user_unit FOR SELECT USING (true);
CREATE POLICY staff_user_unit_write ON staff_user_unit USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));

CREATE POLICY staff_credential_own ON staff_credential USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY partnership_parties ON partnership
  USING (app_is_system() OR municipality_org_id = ANY (app_org_ids()) OR partner_org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR municipality_org_id = ANY (app_org_ids()));
CREATE POLICY access_rule_own ON access_rule USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY family_own ON family USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY family_member_own ON family_member USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY person_through_family ON person
  USING (app_is_system() OR EXISTS (
    SELECT 1 FROM family_member fm WHERE fm.person_id = person.id AND fm.org_id = ANY (app_org_ids())))
  WITH CHECK (true); -- a new person is linked to a family in the same transaction
CREATE POLICY parent_account_system ON parent_account USING (app_is_system()) WITH CHECK (app_is_system());
CREATE POLICY break_glass_own ON break_glass_grant USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY audit_event_read ON audit_event FOR SELECT USING (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY audit_event_insert ON audit_event FOR INSERT
  WITH CHECK (app_is_system() OR org_id IS NULL OR org_id = ANY (app_org_ids()));

GRANT USAGE ON SCHEMA public TO familiespor_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO familiespor_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM familiespor_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO familiespor_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO familiespor_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO familiespor_app;
