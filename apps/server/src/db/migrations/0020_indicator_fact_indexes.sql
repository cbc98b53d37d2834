-- Found by `npm run bench -- indicators` (400,000 children, 3.1 million planned visits):
-- the refresh reads each child's first visit done after the birth (early_visit); without this
-- index every birth scanned all visits (19 ms a birth already at 40,000 visits).
CREATE INDEX child_visit_child_done_idx ON child_visit (child_person_id, done_on) WHERE status = 'done';
-- The readmissions indicator reads a municipality's births of the window; without this index
-- every organisation's refresh scanned all families (2 s each at 500,000 families).
CREATE INDEX birth_family_org_idx ON birth (family_org_id, birth_time);
