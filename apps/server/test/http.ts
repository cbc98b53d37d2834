import type { Problem } from '@familiespor/contracts';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../src/app';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A logged-in browser-like client: sends the session cookie and the CSRF header. */
export type Session = {
  cookie: string;
  csrfToken: string;
  me: Record<string, unknown>;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
};

export function sessionCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === 'familiespor_session');
  if (!cookie) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `familiespor_session=${cookie.value}`;
}

export async function login(app: App, email: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login as ${email} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res);
  const me = res.json() as Record<string, unknown> & { csrfToken: string };
  return {
    cookie,
    csrfToken: me.csrfToken,
    me,
    request: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': me.csrfToken }), ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      }),
  };
}

/** Asserts a problem+json answer and returns it, with `errors` always present. */
export function expectProblem(
  res: LightMyRequestResponse,
  status: number,
  code?: string,
): Problem & { errors: NonNullable<Problem['errors']> } {
  const body = res.json() as Problem;
  const ok =
    res.statusCode === status &&
    String(res.headers['content-type']).startsWith('application/problem+json') &&
    body.status === status &&
    typeof body.requestId === 'string' &&
    (code === undefined || body.code === code);
  if (!ok) {
    throw new Error(
      `expected problem ${status}${code ? ` ${code}` : ''}, got ${res.statusCode} ${res.headers['content-type']}: ${res.body}`,
    );
  }
  return { ...body, errors: body.errors ?? [] };
}
