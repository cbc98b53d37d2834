import { authProviders, loginBody, me } from '@familiespor/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookie, setSessionCookie } from '../../http/auth.plugin';
import { problems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { getMe, login, logout, resolveSession } from './auth.service';

export const authRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/auth/providers',
      {
        config: { auth: 'none' },
        schema: {
          operationId: 'listAuthProviders',
          tags: ['auth'],
          summary: 'Which ways to log in this server offers',
          security: [],
          response: { 200: authProviders },
        },
      },
      async () => ({
        demo: deps.config.demo,
        password: true,
        oidc: { staff: deps.config.oidc.staff !== null, citizen: deps.config.oidc.citizen !== null },
      }),
    );

    app.post(
      '/api/auth/login',
      {
        config: { auth: 'none' },
        schema: {
          operationId: 'login',
          tags: ['auth'],
          summary: 'Log in with e-mail and password; sets the session cookie',
          description:
            'Unknown e-mail and wrong password give the same 401. Ten failures for one e-mail within 15 minutes ' +
            'lock it for 15 minutes (429 with Retry-After).',
          security: [],
          body: loginBody,
          response: { 200: me, ...problems(400, 401, 403, 413, 429) },
        },
      },
      async (request, reply) => {
        const session = await login(deps, request.ctx, request.body);
        setSessionCookie(deps, reply, session.token);
        const resolved = await resolveSession(deps, session.token, request.ctx.now);
        if (resolved.kind !== 'active') throw new Error('a new session did not resolve');
        return getMe(deps, resolved.session);
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { auth: 'any' },
        schema: {
          operationId: 'logout',
          tags: ['auth'],
          summary: 'End the session on the server and clear the cookie',
          security: [{ session: [], csrf: [] }],
          response: { 204: z.undefined(), ...problems(401, 403) },
        },
      },
      async (request, reply) => {
        if (request.session) await logout(deps, request.ctx, request.session);
        clearSessionCookie(deps, reply);
        return reply.code(204).send();
      },
    );

    app.get(
      '/api/me',
      {
        config: { auth: 'any' },
        schema: {
          operationId: 'getMe',
          tags: ['auth'],
          summary: 'The signed-in user, organisation and roles (or the parent and their families)',
          response: { 200: me, ...problems(401) },
        },
      },
      async (request) => {
        if (!request.session) throw new Error('auth hook let an anonymous request through');
        return getMe(deps, request.session);
      },
    );
  };
