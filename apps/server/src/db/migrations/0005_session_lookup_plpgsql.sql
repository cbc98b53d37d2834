-- The session lookup runs on every authenticated request. As a LANGUAGE sql function its body
-- is planned on every call (measured in bench/RESULTS.md); PL/pgSQL caches the plan per session.
CREATE OR REPLACE FUNCTION auth_session_lookup(p_id_hash text)
RETURNS TABLE (
  principal_kind text, staff_user_id uuid, person_id uuid, org_id uuid, auth_method text, csrf_token text,
  created_at timestamptz, last_seen_at timestamptz, ended_at timestamptz,
  user_active boolean, org_active boolean, roles text[], unit_ids uuid[], family_ids uuid[]
)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  RETURN QUERY
  SELECT s.principal_kind, s.staff_user_id, s.person_id, s.org_id, s.auth_method, s.csrf_token,
         s.created_at, s.last_seen_at, s.ended_at,
         coalesce(u.active, true), coalesce(o.active, true),
         coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM staff_user_role r
                   WHERE r.staff_user_id = s.staff_user_id), '{}'),
         coalesce((SELECT array_agg(su.unit_id ORDER BY su.unit_id) FROM staff_user_unit su
                   WHERE su.staff_user_id = s.staff_user_id), '{}'),
         coalesce((SELECT array_agg(fm.family_id ORDER BY fm.family_id) FROM family_member fm
                   WHERE fm.person_id = s.person_id AND fm.role <> 'child'), '{}')
  FROM auth_session s
  LEFT JOIN staff_user u ON u.id = s.staff_user_id
  LEFT JOIN organisation o ON o.id = s.org_id
  WHERE s.id_hash = p_id_hash;
END
$$;
