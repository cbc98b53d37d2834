-- Satisfaction surveys (step 8): after a course session, at the end of a course, at the close of a
-- counselling case and, anonymously, after open counselling. Three statements scored 1–5 and one
-- free text (packages/domain/src/surveys). A survey is one occasion and belongs to the organisation
-- that runs the offer or the case (org_id); a link is one parent's right to answer once; a response
-- is the answer. The response carries no reference to its link, its person or its family: once
-- written, nobody can tell whose it is (docs/surveys.md).

CREATE TABLE survey (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id),
  occasion text NOT NULL CHECK (occasion IN ('session', 'course_end', 'case_close', 'open_counselling')),
  offer_id uuid REFERENCES offer (id),
  session_id uuid REFERENCES course_session (id),
  cohort_id uuid REFERENCES cohort (id),
  case_id uuid REFERENCES counselling_case (id),
  -- The occasion's day (Europe/Copenhagen): the session's, the course's last, the case's closing.
  occasion_date date NOT NULL,
  created_by uuid NOT NULL REFERENCES staff_user (id),
  created_at timestamptz NOT NULL,
  CHECK ((occasion = 'session') = (session_id IS NOT NULL)),
  CHECK ((occasion = 'course_end') = (cohort_id IS NOT NULL AND session_id IS NULL)),
  CHECK ((occasion = 'case_close') = (case_id IS NOT NULL)),
  CHECK (occasion IN ('case_close', 'open_counselling') OR offer_id IS NOT NULL)
);
-- One survey per occasion: sending again adds the parents not yet asked.
CREATE UNIQUE INDEX survey_session_key ON survey (session_id) WHERE occasion = 'session';
CREATE UNIQUE INDEX survey_course_end_key ON survey (cohort_id) WHERE occasion = 'course_end';
CREATE UNIQUE INDEX survey_case_key ON survey (case_id) WHERE occasion = 'case_close';
CREATE INDEX survey_org_offer_idx ON survey (org_id, offer_id, occasion_date);

CREATE TABLE survey_link (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL REFERENCES survey (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  -- SHA-256 of the token in the link or the code handed over; the token itself is never stored.
  token_hash text NOT NULL UNIQUE,
  -- The parent asked; both null for the anonymous code after open counselling.
  person_id uuid REFERENCES person (id),
  family_id uuid REFERENCES family (id),
  -- Whether the link has been used; no time, so it cannot be matched to a response by when.
  answered boolean NOT NULL DEFAULT false,
  emailed boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  CHECK ((person_id IS NULL) = (family_id IS NULL))
);
CREATE UNIQUE INDEX survey_link_one_per_parent ON survey_link (survey_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX survey_link_person_idx ON survey_link (person_id) WHERE person_id IS NOT NULL;

CREATE TABLE survey_response (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  survey_id uuid NOT NULL REFERENCES survey (id),
  org_id uuid NOT NULL REFERENCES organisation (id),
  offer_id uuid REFERENCES offer (id),
  answered_on date NOT NULL,
  can_act smallint NOT NULL CHECK (can_act BETWEEN 1 AND 5),
  heard smallint NOT NULL CHECK (heard BETWEEN 1 AND 5),
  satisfied smallint NOT NULL CHECK (satisfied BETWEEN 1 AND 5),
  free_text text CHECK (free_text IS NULL OR char_length(free_text) BETWEEN 1 AND 1000)
);
CREATE INDEX survey_response_survey_idx ON survey_response (survey_id);
CREATE INDEX survey_response_org_date_idx ON survey_response (org_id, answered_on);

-- Answers are kept as given: no corrections, no deletions. A link is only ever marked answered.
REVOKE UPDATE, DELETE, TRUNCATE ON survey, survey_link, survey_response FROM familiespor_app;
GRANT UPDATE (answered, emailed) ON survey_link TO familiespor_app;

ALTER TABLE survey ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_link ENABLE ROW LEVEL SECURITY;
ALTER TABLE survey_response ENABLE ROW LEVEL SECURITY;
-- The organisation's own; answering by token (no login) and the parents' portal run as the system
-- after the service has checked the token or the parent.
CREATE POLICY survey_own ON survey
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY survey_link_own ON survey_link
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
CREATE POLICY survey_response_own ON survey_response
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
