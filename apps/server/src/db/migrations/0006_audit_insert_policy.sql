-- Writing an audit event is never a reason to refuse a use case: the event may belong to an
-- organisation outside the caller's scope (a parent's sign-up for an NGO's offer is audited in
-- the NGO's chain). Reading stays scoped; rows cannot be changed or deleted (trigger, privileges).
DROP POLICY audit_event_insert ON audit_event;
CREATE POLICY audit_event_insert ON audit_event FOR INSERT WITH CHECK (true);
