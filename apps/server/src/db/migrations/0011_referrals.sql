-- Referrals that are acknowledged (step 6). A professional refers a family to an organisation, a
-- unit or an offer; the referral is the sender's record (org_id, the data controller) and is
-- shared with the receiving organisation (to_org_id), which acknowledges, accepts or rejects it
-- and completes it. The records attached travel on a consent or as the referral's own content.

CREATE TABLE referral (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the sender's organisation
  family_id uuid NOT NULL REFERENCES family (id),
  family_org_id uuid NOT NULL REFERENCES organisation (id),
  sender_user_id uuid NOT NULL REFERENCES staff_user (id),
  to_org_id uuid NOT NULL REFERENCES organisation (id),
  to_unit_id uuid REFERENCES unit (id), -- the receiving unit, when one is known
  to_offer_id uuid REFERENCES offer (id),
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  urgency text NOT NULL CHECK (urgency IN ('normal', 'urgent')),
  status text NOT NULL DEFAULT 'requested'
    CHECK (status IN ('requested', 'received', 'accepted', 'rejected', 'completed')),
  ack_working_days integer NOT NULL CHECK (ack_working_days BETWEEN 1 AND 30),
  ack_due_on date NOT NULL,
  created_at timestamptz NOT NULL,
  received_at timestamptz,
  received_by uuid REFERENCES staff_user (id),
  decided_at timestamptz,
  decided_by uuid REFERENCES staff_user (id),
  rejection_reason text,
  completed_at timestamptz,
  completed_by uuid REFERENCES staff_user (id),
  involvement_id uuid REFERENCES involvement (id), -- given to the receiver on acceptance
  updated_at timestamptz NOT NULL,
  CHECK ((received_at IS NULL) = (received_by IS NULL)),
  CHECK ((decided_at IS NULL) = (decided_by IS NULL)),
  CHECK ((completed_at IS NULL) = (completed_by IS NULL)),
  CHECK ((status = 'requested') = (received_at IS NULL)),
  CHECK ((status IN ('accepted', 'rejected', 'completed')) = (decided_at IS NOT NULL)),
  CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)),
  CHECK (rejection_reason IS NULL OR length(btrim(rejection_reason)) > 0),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);
CREATE INDEX referral_org_idx ON referral (org_id, created_at DESC);
-- "Sendt": what one professional sent.
CREATE INDEX referral_sender_idx ON referral (sender_user_id, created_at DESC);
-- "Modtaget": the receiving organisation's and unit's inbox.
CREATE INDEX referral_to_org_idx ON referral (to_org_id, ack_due_on);
CREATE INDEX referral_to_unit_idx ON referral (to_unit_id, ack_due_on) WHERE to_unit_id IS NOT NULL;
CREATE INDEX referral_family_idx ON referral (family_id);
-- The nightly rule run and the access policy look for unacknowledged and open referrals.
CREATE INDEX referral_unacknowledged_idx ON referral (family_id, ack_due_on) WHERE status = 'requested';

-- What is attached: a record category (and optionally records), and why it may travel.
CREATE TABLE referral_attachment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referral_id uuid NOT NULL REFERENCES referral (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  to_org_id uuid NOT NULL REFERENCES organisation (id),
  category text NOT NULL CHECK (category IN ('identity', 'pregnancy', 'health_visit', 'screening', 'course',
    'counselling', 'referral', 'handover')),
  record_ids uuid[] NOT NULL DEFAULT '{}',
  basis text NOT NULL CHECK (basis IN ('consent', 'referral_content', 'own_org')),
  consent_id uuid REFERENCES consent (id),
  CHECK ((basis = 'consent') = (consent_id IS NOT NULL)),
  UNIQUE (referral_id, category)
);
CREATE INDEX referral_attachment_org_idx ON referral_attachment (org_id);

-- Each step with its time and person.
CREATE TABLE referral_event (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referral (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  to_org_id uuid NOT NULL REFERENCES organisation (id),
  status text NOT NULL CHECK (status IN ('requested', 'received', 'accepted', 'rejected', 'completed')),
  at timestamptz NOT NULL,
  by_user uuid NOT NULL REFERENCES staff_user (id),
  note text
);
CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, at);
CREATE INDEX referral_event_org_idx ON referral_event (org_id);

-- A referral is history: its status moves on, nothing is deleted.
REVOKE DELETE, TRUNCATE ON referral FROM familiespor_app;
REVOKE UPDATE, DELETE, TRUNCATE ON referral_attachment FROM familiespor_app;
REVOKE UPDATE, DELETE, TRUNCATE ON referral_event FROM familiespor_app;

ALTER TABLE referral ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_attachment ENABLE ROW LEVEL SECURITY;
ALTER TABLE referral_event ENABLE ROW LEVEL SECURITY;

-- Shared by the two parties, like involvement and handover: the sender writes it, the receiver
-- acknowledges and decides.
CREATE POLICY referral_parties ON referral
  USING (app_is_system() OR org_id = ANY (app_org_ids()) OR to_org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()) OR to_org_id = ANY (app_org_ids()));
CREATE POLICY referral_attachment_parties ON referral_attachment
  USING (app_is_system() OR org_id = ANY (app_org_ids()) OR to_org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY referral_event_parties ON referral_event
  USING (app_is_system() OR org_id = ANY (app_org_ids()) OR to_org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()) OR to_org_id = ANY (app_org_ids()));
