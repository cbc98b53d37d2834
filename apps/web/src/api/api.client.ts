import type { Problem } from './api.types';

/** An answer that was not 2xx; `problem` is the RFC 9457 body when the server sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;
let sessionLost: ((code: 'session_expired' | 'unauthenticated') => void) | null = null;

/** Every state-changing request carries the session's CSRF token (it comes with login and /api/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request that needed the session gets 401: the app sends the user to its login page. */
export function onSessionLost(handler: typeof sessionLost): void {
  sessionLost = handler;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && 'code' in body && 'status' in body;
}

export type RequestOptions = {
  /** Login and /api/me answer 401 as part of their meaning; they must not trigger the session-lost redirect. */
  sessionOptional?: boolean;
};

export async function apiRequest<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<{ data: T; response: Response }> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = response.status === 204 ? '' : await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const problem = isProblem(parsed) ? parsed : null;
    if (response.status === 401 && !options.sessionOptional) {
      sessionLost?.(problem?.code === 'session_expired' ? 'session_expired' : 'unauthenticated');
    }
    throw new ApiError(response.status, problem);
  }
  return { data: parsed as T, response };
}

export const api = {
  get: async <T>(path: string, options?: RequestOptions) =>
    (await apiRequest<T>('GET', path, undefined, options)).data,
  post: async <T>(path: string, body?: unknown, options?: RequestOptions) =>
    (await apiRequest<T>('POST', path, body, options)).data,
  put: async <T>(path: string, body: unknown) => (await apiRequest<T>('PUT', path, body)).data,
  patch: async <T>(path: string, body: unknown) => (await apiRequest<T>('PATCH', path, body)).data,
  delete: async <T>(path: string) => (await apiRequest<T>('DELETE', path)).data,
};
