import { oidcAudience, oidcCallbackQuery, oidcStartQuery } from '@familiespor/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { setSessionCookie } from '../../http/auth.plugin';
import { problems } from '../../http/responses';
import type { Deps } from '../../use-case';
import { completeOidcLogin, type OidcRedirect, startOidcLogin } from './oidc.service';

const audienceParams = z.strictObject({ audience: oidcAudience });

const errorCodes =
  'On failure the browser is sent to the login page (`/login` for staff, `/portal/login` for citizens) ' +
  'with `?error=oidc_failed` (the provider or the exchange failed, or the provider cannot be reached), ' +
  '`?error=oidc_unknown_user` (no active account or parent matches) or `?error=oidc_expired` ' +
  '(the login took more than 10 minutes, or its state is unknown or already used).';

function redirect(deps: Deps, request: FastifyRequest, reply: FastifyReply, outcome: OidcRedirect) {
  if (outcome.failure) request.log.warn(outcome.failure, 'OpenID Connect login failed');
  if (outcome.session) setSessionCookie(deps, reply, outcome.session.token);
  reply.header('cache-control', 'no-store');
  return reply.redirect(outcome.location, 302);
}

export const oidcRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/auth/oidc/:audience/start',
      {
        config: { auth: 'none' },
        schema: {
          operationId: 'startOidcLogin',
          tags: ['auth'],
          summary: 'Start an OpenID Connect login (staff: the organisation’s IdP; citizens: MitID)',
          description:
            'Redirects to the identity provider (authorization code with PKCE, state and nonce). `returnTo` is ' +
            'the local page to land on afterwards (default `/` for staff, `/portal` for citizens). 404 ' +
            '`not_configured` when this audience has no provider. ' +
            errorCodes,
          security: [],
          params: audienceParams,
          querystring: oidcStartQuery,
          response: {
            302: z
              .undefined()
              .describe('To the identity provider, or to the login page when it cannot be reached'),
            ...problems(400, 404),
          },
        },
      },
      async (request, reply) =>
        redirect(
          deps,
          request,
          reply,
          await startOidcLogin(deps, request.ctx, request.params.audience, request.query.returnTo),
        ),
    );

    app.get(
      '/api/auth/oidc/:audience/callback',
      {
        config: { auth: 'none' },
        schema: {
          operationId: 'completeOidcLogin',
          tags: ['auth'],
          summary: 'The redirect_uri: finish an OpenID Connect login and set the session cookie',
          description:
            'Redeems the login’s state once, exchanges the code and finds the account: staff by subject, or ' +
            'on the first login by a verified e-mail (which links the subject); citizens by the CPR claim, ' +
            'who must already be a parent in a family. On success sets the session cookie and redirects to ' +
            'the `returnTo` given at the start. ' +
            errorCodes,
          security: [],
          params: audienceParams,
          querystring: oidcCallbackQuery,
          response: {
            302: z
              .undefined()
              .describe('To the page the login started from, or to the login page with an error'),
            ...problems(400, 404),
          },
        },
      },
      async (request, reply) => {
        const at = request.url.indexOf('?');
        const rawQuery = at === -1 ? '' : request.url.slice(at + 1);
        return redirect(
          deps,
          request,
          reply,
          await completeOidcLogin(deps, request.ctx, request.params.audience, request.query, rawQuery),
        );
      },
    );
  };
