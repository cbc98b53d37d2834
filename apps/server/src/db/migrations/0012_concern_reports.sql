-- Concern reports (underretning, Barnets lov § 133), step 6. Any professional sends one to the
-- social services of a child's home municipality; the municipality is the data controller
-- (org_id). The sender's organisation keeps only what the law lets the sender learn: that the
-- report was received (the receipt) and whether a child assessment (§ 20) was started.

CREATE TABLE concern_report (
  id uuid PRIMARY KEY, -- made by the service: the sender may insert but never read the row back
  org_id uuid NOT NULL REFERENCES organisation (id), -- the receiving municipality
  receiving_unit_id uuid REFERENCES unit (id), -- its social services unit (Børn og Familie), if any
  sender_org_id uuid NOT NULL REFERENCES organisation (id),
  sender_user_id uuid NOT NULL REFERENCES staff_user (id),
  sender_phone text,
  sender_email text,
  -- Who the report is about: a child or a pregnancy known in Familiespor, or — when the family
  -- is not — the sender's free identification, kept as typed and never matched to a person.
  family_id uuid REFERENCES family (id),
  child_person_id uuid REFERENCES person (id),
  pregnancy_id uuid REFERENCES pregnancy (id),
  subject_unborn boolean NOT NULL,
  subject_name text,
  subject_cpr text,
  subject_birth_date date,
  subject_due_date date,
  subject_address text,
  worry text NOT NULL,
  observations text NOT NULL,
  parents_informed text NOT NULL CHECK (parents_informed IN ('yes', 'no', 'unknown')),
  urgency text NOT NULL CHECK (urgency IN ('acute', 'urgent', 'normal')),
  received_at timestamptz NOT NULL,
  assessment_due_at timestamptz NOT NULL,
  receipt_due_on date NOT NULL,
  assessed_at timestamptz,
  assessed_by uuid REFERENCES staff_user (id),
  acute_risk boolean, -- the 24-hour assessment: must something be done at once
  assessment_note text,
  receipt_sent_at timestamptz,
  receipt_sent_by uuid REFERENCES staff_user (id),
  child_assessment text CHECK (child_assessment IN ('started', 'not_started')),
  child_assessment_at timestamptz,
  child_assessment_by uuid REFERENCES staff_user (id),
  CHECK (num_nonnulls(child_person_id, pregnancy_id, subject_name) = 1),
  CHECK ((child_person_id IS NULL AND pregnancy_id IS NULL) = (family_id IS NULL)),
  CHECK (subject_unborn = (pregnancy_id IS NOT NULL) OR subject_name IS NOT NULL),
  CHECK ((assessed_at IS NULL) = (assessed_by IS NULL) AND (assessed_at IS NULL) = (acute_risk IS NULL)),
  CHECK ((receipt_sent_at IS NULL) = (receipt_sent_by IS NULL)),
  CHECK ((child_assessment IS NULL) = (child_assessment_at IS NULL))
);
-- The inbox: the municipality's reports, newest first.
CREATE INDEX concern_report_inbox_idx ON concern_report (org_id, received_at DESC);
-- "Mine underretninger": what one sender sent.
CREATE INDEX concern_report_sender_idx ON concern_report (sender_user_id, received_at DESC);

ALTER TABLE concern_report ENABLE ROW LEVEL SECURITY;

-- The receiving municipality reads and works its reports.
CREATE POLICY concern_report_receiver ON concern_report
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
-- A sender's organisation may add a report addressed to another organisation without its scope
-- being widened to that organisation; it gets no read policy, so it cannot read the row back.
CREATE POLICY concern_report_send ON concern_report FOR INSERT
  WITH CHECK (sender_org_id = ANY (app_org_ids()));

-- What the sender may learn, and nothing else: these columns, of the reports its organisation
-- sent. The view runs with its owner's rights (past the table's row-level security), and its
-- own WHERE is the row filter; security_barrier keeps a caller's predicates from running first.
CREATE VIEW concern_report_sent WITH (security_barrier = true) AS
  SELECT id, org_id, receiving_unit_id, sender_org_id, sender_user_id, subject_unborn, subject_name,
    received_at, receipt_sent_at, child_assessment
  FROM concern_report
  WHERE app_is_system() OR sender_org_id = ANY (app_org_ids());
REVOKE ALL ON concern_report_sent FROM familiespor_app;
GRANT SELECT ON concern_report_sent TO familiespor_app;
GRANT SELECT, INSERT, UPDATE ON concern_report TO familiespor_app;
REVOKE DELETE, TRUNCATE ON concern_report FROM familiespor_app;
