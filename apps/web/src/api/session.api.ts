import { ApiError, api, apiRequest, setCsrfToken } from './api.client';
import type { AuthProviders, Me } from './api.types';

/** Who is signed in, or why nobody is. */
export type Session = (Me & { serverClockOffsetMs: number }) | { kind: 'anonymous'; expired: boolean };

/**
 * The server's Date header gives the offset between its clock and the browser's, so the
 * expiry timer fires by the server's clock even when the laptop's clock is off.
 */
function clockOffset(response: Response): number {
  const date = Date.parse(response.headers.get('date') ?? '');
  return Number.isNaN(date) ? 0 : date - Date.now();
}

export async function fetchSession(): Promise<Session> {
  try {
    const { data, response } = await apiRequest<Me>('GET', '/api/me', undefined, { sessionOptional: true });
    setCsrfToken(data.csrfToken);
    return { ...data, serverClockOffsetMs: clockOffset(response) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return { kind: 'anonymous', expired: error.problem?.code === 'session_expired' };
    }
    throw error;
  }
}

export async function logIn(email: string, password: string): Promise<Me> {
  const me = await api.post<Me>('/api/auth/login', { email, password }, { sessionOptional: true });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logOut(): Promise<void> {
  try {
    await api.post<void>('/api/auth/logout', undefined, { sessionOptional: true });
  } finally {
    setCsrfToken(null);
  }
}

export const fetchProviders = () => api.get<AuthProviders>('/api/auth/providers', { sessionOptional: true });
