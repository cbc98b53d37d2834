-- Step 8: the indicators' pre-aggregates. One row per organisation, indicator, month and
-- breakdown value, refreshed nightly (and on demand) from the records; a dashboard reads only
-- these. Counts and sums, never a person: the figures of small groups stay inside the owning
-- organisation (row-level security), and whatever leaves it is suppressed by the reader.
CREATE TABLE indicator_cell (
  org_id uuid NOT NULL REFERENCES organisation (id),
  indicator text NOT NULL,
  month date NOT NULL,            -- the month's first day
  dimension text NOT NULL,        -- 'total' or an IndicatorDimension
  value text NOT NULL DEFAULT '', -- the breakdown value; '' for the total
  numerator double precision NOT NULL,
  denominator double precision NOT NULL,
  stock double precision NOT NULL DEFAULT 0,
  histogram jsonb NOT NULL DEFAULT '{}',
  refreshed_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, indicator, month, dimension, value)
);

ALTER TABLE indicator_cell ENABLE ROW LEVEL SECURITY;
CREATE POLICY indicator_cell_own ON indicator_cell
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));

-- One refresh of one organisation's cells: when, how many cells, and which indicators failed
-- (their old cells are kept). Kept as the refresh's own log; never changed once finished.
CREATE TABLE indicator_refresh_run (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisation (id),
  trigger text NOT NULL CHECK (trigger IN ('nightly', 'on_demand')),
  requested_by uuid REFERENCES staff_user (id),
  from_month date NOT NULL,
  to_month date NOT NULL CHECK (to_month >= from_month),
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL CHECK (finished_at >= started_at),
  cells_written integer NOT NULL CHECK (cells_written >= 0),
  errors jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX indicator_refresh_run_org_idx ON indicator_refresh_run (org_id, finished_at DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON indicator_refresh_run FROM familiespor_app;

ALTER TABLE indicator_refresh_run ENABLE ROW LEVEL SECURITY;
CREATE POLICY indicator_refresh_run_own ON indicator_refresh_run
  USING (app_is_system() OR org_id = ANY (app_org_ids()))
  WITH CHECK (app_is_system() OR org_id = ANY (app_org_ids()));
