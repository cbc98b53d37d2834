import type { ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import type { Me } from '../api/api.types';
import type { Session } from '../api/session.api';
import { Loading } from '../components/loading.component';
import { ProblemAlert } from '../components/problem-alert.component';
import { homeOf, loginUrl } from './return-to';
import { useSession, useSessionExpiryCheck } from './session.hook';

const areaOf = { staff: 'staff', parent: 'portal' } as const;

type SessionOf<K extends Me['kind']> = Extract<Session, { kind: K }>;
const isKind = <K extends Me['kind']>(s: Session, kind: K): s is SessionOf<K> => s.kind === kind;

/**
 * A page for one kind of user: nobody signed in goes to the area's login page (which brings
 * them back here), the other kind goes to their own area, and an expired session is noticed
 * even when the screen is idle.
 */
export function RequireSession<K extends Me['kind']>({
  kind,
  shell,
  children,
}: {
  kind: K;
  shell: (me: SessionOf<K> | null, content: ReactNode) => ReactNode;
  children: (me: SessionOf<K>) => ReactNode;
}) {
  const session = useSession();
  const [location] = useLocation();
  const search = useSearch();
  useSessionExpiryCheck(session.data);
  if (session.isPending) return <Loading />;
  if (session.isError) return shell(null, <ProblemAlert error={session.error} />);
  const s = session.data;
  if (s.kind === 'anonymous') {
    const here = `${location}${search ? `?${search}` : ''}`;
    return <Redirect to={loginUrl(areaOf[kind], here, s.expired ? 'expired' : undefined)} replace />;
  }
  if (!isKind(s, kind)) {
    window.location.replace(homeOf(areaOf[s.kind]));
    return <Loading />;
  }
  return shell(s, children(s));
}
