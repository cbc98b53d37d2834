import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../access/request-context';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { type ActiveSession, resolveSession } from '../modules/auth/auth.service';
import { sessionCookieName } from '../modules/auth/sessions';
import { type Deps, recordDenied } from '../use-case';
import { sendProblem } from './problem';

/**
 * Who may call a route. Routes default to 'any' (logged in), so forgetting to state it
 * fails closed; public routes say 'none'.
 */
export type AuthRequirement = 'none' | 'optional' | 'any' | 'staff' | 'parent';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    session: ActiveSession | null;
  }
  interface FastifyContextConfig {
    auth?: AuthRequirement;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function setSessionCookie(deps: Deps, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.cookieSecure,
    path: '/',
  });
}

export function clearSessionCookie(deps: Deps, reply: FastifyReply): void {
  reply.clearCookie(sessionCookieName, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.cookieSecure,
    path: '/',
  });
}

/** A signed-in user refused at the door is a denied attempt like any other: it is audited. */
async function refuse(deps: Deps, request: FastifyRequest, reason: string): Promise<void> {
  await recordDenied(
    deps,
    request.ctx,
    new ForbiddenError({
      attempted: safeMethods.has(request.method) ? 'read' : 'write',
      entityType: 'route',
      entityId: `${request.method} ${request.routeOptions.url ?? ''}`,
      reason,
    }),
  );
}

/** The origin the browser must be on for a state-changing request. */
function allowedOrigin(deps: Deps, request: FastifyRequest): string {
  if (deps.config.publicUrl) return new URL(deps.config.publicUrl).origin;
  return `${request.protocol}://${request.host}`;
}

/**
 * Request context, session and CSRF.
 *
 * CSRF: the session cookie is SameSite=Lax, and on top of that every POST/PUT/PATCH/DELETE
 * (1) is refused when the browser says it comes from another site (Origin or
 * Sec-Fetch-Site), and (2) when a session cookie authenticates it, must carry the
 * session's token in the `X-CSRF-Token` header (the token comes with login and /api/me).
 */
export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('session', null);

  // onRequest, before the body is read: an anonymous or cross-site caller learns nothing about
  // validation, and a large body from them is never parsed.
  app.addHook('onRequest', async (request, reply) => {
    request.ctx = { requestId: request.id, ip: request.ip ?? null, now: deps.clock.now(), principal: null };
    const required = request.routeOptions.config.auth ?? 'any';
    const unsafe = !safeMethods.has(request.method);

    if (unsafe) {
      const origin = request.headers.origin;
      const fetchSite = request.headers['sec-fetch-site'];
      if ((origin && origin !== allowedOrigin(deps, request)) || fetchSite === 'cross-site') {
        return sendProblem(request, reply, 403, 'csrf', 'Cross-site request refused');
      }
    }
    if (required === 'none') return;

    const token = request.cookies[sessionCookieName];
    if (token) {
      const resolved = await resolveSession(deps, token, request.ctx.now);
      if (resolved.kind === 'active') {
        request.session = resolved.session;
        request.ctx.principal = resolved.session.principal;
      } else {
        clearSessionCookie(deps, reply);
        if (required !== 'optional') {
          throw new UnauthenticatedError(
            resolved.kind === 'expired' ? 'session_expired' : 'unauthenticated',
            resolved.kind === 'expired' ? 'Your session has expired; please log in again' : undefined,
          );
        }
      }
    }
    const p = request.ctx.principal;
    if (required !== 'optional') {
      if (!p) throw new UnauthenticatedError();
      if ((required === 'staff' || required === 'parent') && p.kind !== required) {
        await refuse(deps, request, `route is only for ${required}`);
        return sendProblem(
          request,
          reply,
          403,
          'forbidden',
          `Only for ${required === 'staff' ? 'staff' : 'parents'}`,
        );
      }
    }
    if (unsafe && request.session) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) {
        await refuse(deps, request, 'missing or wrong CSRF token');
        return sendProblem(request, reply, 403, 'csrf', 'Missing or wrong X-CSRF-Token header');
      }
    }
  });
}
