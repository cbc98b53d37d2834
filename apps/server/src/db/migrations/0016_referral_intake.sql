-- The identified bridge from open anonymous counselling (issue #8): a referral of a person the
-- receiver does not know yet (an intake). The NGO counsellor, with the parent present and choosing
-- to be identified, writes down who the parent is, what help is wanted, the receiving municipal
-- offer, and the parent's consent to pass these details on. The intake is the sender's record
-- (org_id, the data controller), shared with the receiver (to_org_id) like a referral. On
-- acceptance the receiver links it to a family (found or registered) and it becomes an ordinary
-- referral of that family (referral_id). Nothing here names an anonymous contact: the anonymous
-- conversation stays unlinked.

CREATE TABLE referral_intake (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the sender's organisation
  sender_user_id uuid NOT NULL REFERENCES staff_user (id),
  to_org_id uuid NOT NULL REFERENCES organisation (id),
  to_unit_id uuid REFERENCES unit (id),
  to_offer_id uuid NOT NULL REFERENCES offer (id),
  -- Who the parent is, as she told the counsellor (a snapshot; CPR only if she chose to give it).
  given_name text NOT NULL CHECK (length(btrim(given_name)) > 0),
  family_name text NOT NULL CHECK (length(btrim(family_name)) > 0),
  parent_role text NOT NULL CHECK (parent_role IN ('mother', 'father', 'co_parent', 'other_caregiver')),
  phone text,
  email text,
  cpr text CHECK (cpr ~ '^[0-9]{10}$'),
  postcode text NOT NULL CHECK (postcode ~ '^[0-9]{4}$'),
  home_org_id uuid REFERENCES organisation (id), -- the municipality serving the postcode, when known
  due_date date,
  child_age_months integer CHECK (child_age_months BETWEEN 0 AND 72),
  preferred_language text NOT NULL,
  interpreter_needed boolean NOT NULL,
  -- What help is wanted.
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  urgency text NOT NULL CHECK (urgency IN ('normal', 'urgent')),
  -- The parent's consent to the transfer: its legal ground (who recorded it is the sender, when, how).
  consent_how text NOT NULL CHECK (consent_how IN ('verbal', 'paper')),
  consent_given_at timestamptz NOT NULL,
  consent_purpose text NOT NULL CHECK (length(btrim(consent_purpose)) > 0),
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'received', 'accepted', 'rejected')),
  ack_working_days integer NOT NULL CHECK (ack_working_days BETWEEN 1 AND 30),
  ack_due_on date NOT NULL,
  created_at timestamptz NOT NULL,
  received_at timestamptz,
  received_by uuid REFERENCES staff_user (id),
  decided_at timestamptz,
  decided_by uuid REFERENCES staff_user (id),
  rejection_reason text,
  referral_id uuid UNIQUE REFERENCES referral (id), -- the ordinary referral it became on acceptance
  updated_at timestamptz NOT NULL,
  CHECK (phone IS NOT NULL OR email IS NOT NULL),
  CHECK ((received_at IS NULL) = (received_by IS NULL)),
  CHECK ((decided_at IS NULL) = (decided_by IS NULL)),
  CHECK ((status = 'requested') = (received_at IS NULL)),
  CHECK ((status IN ('accepted', 'rejected')) = (decided_at IS NOT NULL)),
  CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)),
  CHECK ((status = 'accepted') = (referral_id IS NOT NULL))
);
CREATE INDEX referral_intake_sender_idx ON referral_intake (sender_user_id, created_at DESC);
CREATE INDEX referral_intake_org_idx ON referral_intake (org_id, created_at DESC);
CREATE INDEX referral_intake_to_org_idx ON referral_intake (to_org_id, ack_due_on);

-- History: the status moves on, nothing is deleted.
REVOKE DELETE, TRUNCATE ON referral_intake FROM familiespor_app;

ALTER TABLE referral_intake ENABLE ROW LEVEL SECURITY;

-- Shared by the two parties, like a referral: the sender writes it, the receiver acknowledges and decides.
CREATE POLICY referral_intake_parties ON referral_intake
  USING (app_is_system() OR org_id = ANY (app_org_ids()) OR to_org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()) OR to_org_id = ANY (app_org_ids()));
