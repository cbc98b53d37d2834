import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useSearch } from 'wouter';
import { onSessionLost } from '../api/api.client';
import { type Area, loginPath, loginUrl } from './return-to';
import { setSession } from './session.hook';

/**
 * When any request finds the session gone, drop every cached answer (they may hold personal
 * data) and go to the area's login page, which brings the user back here afterwards.
 */
export function SessionLostRedirect({ area }: { area: Area }) {
  const client = useQueryClient();
  const [location, navigate] = useLocation();
  const search = useSearch();
  useEffect(() => {
    onSessionLost((code) => {
      // Several requests can fail at once; the first one has already gone to the login page.
      if (window.location.pathname === loginPath(area)) return;
      const expired = code === 'session_expired';
      client.clear();
      setSession(client, { kind: 'anonymous', expired });
      navigate(loginUrl(area, `${location}${search ? `?${search}` : ''}`, expired ? 'expired' : undefined), {
        replace: true,
      });
    });
    return () => onSessionLost(null);
  }, [area, client, location, navigate, search]);
  return null;
}
