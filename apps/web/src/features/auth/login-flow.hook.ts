import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Me } from '../../api/api.types';
import { fetchProviders } from '../../api/session.api';
import { type Area, homeOf, safeReturnTo } from '../../app/return-to';
import { setSession, useSession } from '../../app/session.hook';

const areaOfKind = { staff: 'staff', parent: 'portal' } as const satisfies Record<Me['kind'], Area>;

/**
 * What both login pages do: read returnTo, know the login methods, and after login go back
 * to the page the user came from — or, for someone who belongs in the other area, to its home.
 * Someone already signed in who opens a login page goes straight on.
 */
export function useLoginFlow(area: Area) {
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const returnTo = safeReturnTo(params.get('returnTo'), area);
  const client = useQueryClient();
  const session = useSession();
  const providers = useQuery({
    queryKey: ['providers'],
    queryFn: fetchProviders,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const goOn = (kind: Me['kind']) => {
    if (areaOfKind[kind] === area) navigate(returnTo, { replace: true });
    // The other area is the other entry (index.html or portal.html): a full page load.
    else window.location.assign(homeOf(areaOfKind[kind]));
  };
  const onLoggedIn = (me: Me) => {
    if (areaOfKind[me.kind] === area) setSession(client, { ...me, serverClockOffsetMs: 0 }, true);
    goOn(me.kind);
  };

  const signedIn = session.data && session.data.kind !== 'anonymous' ? session.data.kind : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a change of who is signed in matters
  useEffect(() => {
    if (signedIn) goOn(signedIn);
  }, [signedIn]);

  return { params, returnTo, providers, onLoggedIn };
}
