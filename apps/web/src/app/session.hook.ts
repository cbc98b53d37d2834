import { type QueryClient, queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchSession, logOut, type Session } from '../api/session.api';

const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: fetchSession,
  retry: false,
  staleTime: 60_000,
  // Coming back to the tab shows at once whether the session is still there.
  refetchOnWindowFocus: true,
});
export const sessionKey = sessionQuery.queryKey;

export function useSession() {
  return useQuery(sessionQuery);
}

/** Replaces the cached session, e.g. right after login, and asks the server again in the background. */
export function setSession(client: QueryClient, session: Session, refetch = false): void {
  client.setQueryData(sessionKey, session);
  if (refetch) void client.invalidateQueries({ queryKey: sessionKey });
}

/** A little after the session would end by the server's clock, ask again; the guard then sends the user to login. */
export function useSessionExpiryCheck(session: Session | undefined): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!session || session.kind === 'anonymous') return;
    const serverNow = Date.now() + session.serverClockOffsetMs;
    const delay = Math.max(0, Date.parse(session.sessionExpiresAt) - serverNow) + 5_000;
    // setTimeout cannot wait longer than ~24 days; sessions last at most 12 hours.
    const timer = window.setTimeout(() => void client.invalidateQueries({ queryKey: sessionKey }), delay);
    return () => window.clearTimeout(timer);
  }, [client, session]);
}

/** Ends the session on the server and forgets every cached answer before leaving. */
export function useLogout(after: () => void) {
  const client = useQueryClient();
  return async () => {
    try {
      await logOut();
    } finally {
      client.clear();
      setSession(client, { kind: 'anonymous', expired: false });
      after();
    }
  };
}
