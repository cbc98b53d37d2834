-- Booked home visits (step 5, the health visitor's week calendar): a planned visit gets a time,
-- a place and the health visitor who will make it. The window stays what the programme says;
-- the booking is the appointment made with the family inside it (or, flagged, outside it).

ALTER TABLE child_visit
  ADD COLUMN booked_at timestamptz, -- the appointment
  ADD COLUMN booked_place text CHECK (booked_place IN ('home', 'clinic', 'phone', 'video')),
  ADD COLUMN booked_with uuid REFERENCES staff_user (id), -- the health visitor who will visit
  ADD COLUMN booked_by uuid REFERENCES staff_user (id), -- who made (or last moved) the booking
  ADD COLUMN booked_on timestamptz, -- when it was made (or last moved)
  -- A booking is all of these or none: the calendar never shows a time without a visitor.
  ADD CONSTRAINT child_visit_booking_whole CHECK (
    (booked_at IS NULL) = (booked_place IS NULL)
    AND (booked_at IS NULL) = (booked_with IS NULL)
    AND (booked_at IS NULL) = (booked_by IS NULL)
    AND (booked_at IS NULL) = (booked_on IS NULL)
  );

-- The week calendar: one health visitor's planned visits between two instants.
CREATE INDEX child_visit_booked_idx ON child_visit (booked_with, booked_at)
  WHERE status = 'planned' AND booked_at IS NOT NULL;

-- No new table: the columns fall under child_visit's row-level-security policy (child_visit_own,
-- migration 0008: system or org_id in scope) and the app role's table privileges from 0001, so
-- there is nothing to enable, grant or revoke.
