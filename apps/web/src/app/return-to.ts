export type Area = 'staff' | 'portal';

const homes: Record<Area, string> = { staff: '/', portal: '/portal' };
const logins: Record<Area, string> = { staff: '/login', portal: '/portal/login' };

export function homeOf(area: Area): string {
  return homes[area];
}

export function loginPath(area: Area): string {
  return logins[area];
}

function areaOf(path: string): Area {
  return path === '/portal' || path.startsWith('/portal/') || path.startsWith('/portal?')
    ? 'portal'
    : 'staff';
}

/**
 * Where to go after login. Only a path on this site in the user's own area is followed —
 * never another site ("//evil.example"), the API, or a login page — otherwise the area's home.
 */
export function safeReturnTo(value: string | null | undefined, area: Area): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.includes('\\')) return homes[area];
  const path = value.split(/[?#]/)[0] ?? '';
  if (path.startsWith('/api/') || path === '/api' || path === logins.staff || path === logins.portal) {
    return homes[area];
  }
  return areaOf(path) === area ? value : homes[area];
}

/** The login page of an area, remembering where the user was. */
export function loginUrl(area: Area, returnTo: string, reason?: 'expired'): string {
  const params = new URLSearchParams();
  const target = safeReturnTo(returnTo, area);
  if (target !== homes[area]) params.set('returnTo', target);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `${logins[area]}?${query}` : logins[area];
}
