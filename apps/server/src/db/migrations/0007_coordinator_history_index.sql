-- A family's timeline and coordination page read every coordinator it has had, not only the
-- active one; without this index each read scanned all assignments (13 ms at 100,000 families,
-- measured with `npm run bench -- timeline`).
CREATE INDEX coordinator_family_history_idx ON coordinator_assignment (family_id, started_at);
