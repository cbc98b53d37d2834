-- Handovers at transitions (step 6): health visiting hands a child over to daycare on the start
-- date, or to the specialised children's area. A handover is the sender's record (org_id, the data
-- controller), written for one child to one receiving unit, and only on the parents' consent:
-- to another organisation, a consent in force for category 'handover' from the sender's
-- organisation to the receiver's (consent_id); inside one municipality, where the consent table
-- holds no consents (0010: two different organisations), the consent the sender recorded on the
-- handover itself (which parent, how).

CREATE TABLE handover (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id), -- the sender's organisation
  family_id uuid NOT NULL REFERENCES family (id),
  child_person_id uuid NOT NULL REFERENCES person (id),
  transition text NOT NULL CHECK (transition IN ('daycare', 'specialised')),
  to_org_id uuid NOT NULL REFERENCES organisation (id),
  to_unit_id uuid NOT NULL REFERENCES unit (id),
  start_date date NOT NULL,
  -- needs, agreements, contacts[], free text: read and written whole, never queried inside.
  content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
  -- The child's name and birth date and the parents' names and contacts as handed over: the
  -- receiver reads this copy, never the family's identity records.
  identity jsonb NOT NULL CHECK (jsonb_typeof(identity) = 'object'),
  consent_id uuid REFERENCES consent (id),
  consent_person_id uuid REFERENCES person (id),
  consent_how text CHECK (consent_how IN ('paper', 'verbal')),
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'acknowledged')),
  sent_by uuid NOT NULL REFERENCES staff_user (id),
  sent_at timestamptz NOT NULL,
  acknowledged_by uuid REFERENCES staff_user (id),
  acknowledged_at timestamptz,
  CHECK ((status = 'acknowledged') = (acknowledged_at IS NOT NULL)),
  CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
  CHECK ((consent_person_id IS NULL) = (consent_how IS NULL)),
  CHECK ((consent_id IS NULL) <> (consent_person_id IS NULL)),
  CHECK (consent_id IS NOT NULL OR to_org_id = org_id)
);
CREATE INDEX handover_org_idx ON handover (org_id, sent_at);
-- "Modtagne overleveringer": the receiving unit's handovers, newest first.
CREATE INDEX handover_to_unit_idx ON handover (to_unit_id, sent_at);
CREATE INDEX handover_sent_by_idx ON handover (sent_by, sent_at);
CREATE INDEX handover_family_idx ON handover (family_id);

-- Handovers are kept: the receiver acknowledges (an update), nobody deletes.
REVOKE DELETE, TRUNCATE ON handover FROM familiespor_app;

ALTER TABLE handover ENABLE ROW LEVEL SECURITY;
-- Shared by two parties, like involvement: the sender writes it, the receiver acknowledges it.
CREATE POLICY handover_parties ON handover
  USING (app_is_system() OR org_id = ANY (app_org_ids()) OR to_org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()) OR to_org_id = ANY (app_org_ids()));

-- "Mellem to stole" (between chairs): the programme lead's list reads open tasks of one kind and
-- course dropouts per municipality; these keep both reads on an index.
CREATE INDEX task_org_kind_open_idx ON task (org_id, kind) WHERE state = 'ready';
CREATE INDEX enrollment_dropped_out_idx ON enrollment (org_id, ended_at) WHERE status = 'dropped_out';
