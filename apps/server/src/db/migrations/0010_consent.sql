-- Consent managed by parents and staff (step 6): who withdrew it and how, checks on what a consent
-- may say, and an index for the access policy's look-up on every cross-organisation read.

ALTER TABLE consent
  ADD COLUMN withdrawn_by_person_id uuid REFERENCES person (id),
  ADD COLUMN withdrawn_by_staff_id uuid REFERENCES staff_user (id),
  ADD COLUMN withdrawn_how text CHECK (withdrawn_how IN ('portal', 'paper', 'verbal'));

-- Concern reports travel by law, never on consent; a consent names at least one category,
-- two different organisations, and ends after it starts.
ALTER TABLE consent
  ADD CONSTRAINT consent_categories_check CHECK (
    cardinality(categories) > 0
    AND categories <@ ARRAY['identity', 'pregnancy', 'health_visit', 'screening', 'course', 'counselling',
                            'referral', 'handover']::text[]),
  ADD CONSTRAINT consent_two_organisations_check CHECK (from_org_id <> to_org_id),
  ADD CONSTRAINT consent_validity_check CHECK (valid_to IS NULL OR valid_to > valid_from),
  ADD CONSTRAINT consent_withdrawal_check CHECK (
    (withdrawn_at IS NULL AND withdrawn_how IS NULL AND withdrawn_by_person_id IS NULL
      AND withdrawn_by_staff_id IS NULL)
    OR (withdrawn_at IS NOT NULL AND withdrawn_how IS NOT NULL));

-- The gate asks for this family, from the record's organisation to the reader's, not withdrawn.
CREATE INDEX consent_in_force_idx ON consent (family_id, from_org_id, to_org_id) WHERE withdrawn_at IS NULL;

-- A consent is history: it is withdrawn, never changed or deleted, and a withdrawal is final.
REVOKE DELETE, TRUNCATE ON consent FROM familiespor_app;

CREATE FUNCTION consent_only_withdrawn() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.withdrawn_at IS NOT NULL THEN
    RAISE EXCEPTION 'consent % is withdrawn and cannot change', OLD.id;
  END IF;
  IF NEW.family_id IS DISTINCT FROM OLD.family_id OR NEW.family_org_id IS DISTINCT FROM OLD.family_org_id
     OR NEW.granted_by_person_id IS DISTINCT FROM OLD.granted_by_person_id
     OR NEW.categories IS DISTINCT FROM OLD.categories OR NEW.from_org_id IS DISTINCT FROM OLD.from_org_id
     OR NEW.to_org_id IS DISTINCT FROM OLD.to_org_id OR NEW.purpose IS DISTINCT FROM OLD.purpose
     OR NEW.valid_from IS DISTINCT FROM OLD.valid_from OR NEW.valid_to IS DISTINCT FROM OLD.valid_to
     OR NEW.captured_how IS DISTINCT FROM OLD.captured_how OR NEW.captured_by IS DISTINCT FROM OLD.captured_by
     OR NEW.captured_at IS DISTINCT FROM OLD.captured_at THEN
    RAISE EXCEPTION 'a consent is only ever withdrawn';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER consent_only_withdrawn BEFORE UPDATE ON consent
  FOR EACH ROW EXECUTE FUNCTION consent_only_withdrawn();

