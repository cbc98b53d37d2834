import type { OidcAudience } from '@familiespor/contracts';
import { normaliseEmail } from '@familiespor/domain';
import * as oidc from 'openid-client';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import type { OidcClientConfig } from '../../config';
import { inScope, type Tx } from '../../db/scope';
import { InputError, NotConfiguredError } from '../../errors';
import type { Deps } from '../../use-case';
import { type NewSession, openSession } from './auth.service';
import {
  deleteAbandonedLoginFlows,
  findParentByCpr,
  findStaffByEmail,
  findStaffBySubject,
  insertLoginFlow,
  linkStaffSubject,
  type OidcLoginFlow,
  takeLoginFlow,
} from './oidc.repo';

/** A login must come back from the identity provider within this time. */
export const oidcFlowMaxAgeMs = 10 * 60 * 1000;

/** What the login pages of the web app show after a failed OpenID Connect login. */
export type OidcErrorCode = 'oidc_failed' | 'oidc_unknown_user' | 'oidc_expired';

const loginPage: Record<OidcAudience, string> = { staff: '/login', citizen: '/portal/login' };
const defaultReturnTo: Record<OidcAudience, string> = { staff: '/', citizen: '/portal' };
const audienceName: Record<OidcAudience, string> = { staff: 'Staff login', citizen: 'Citizen login' };

/** Where to send the browser, the session to set, and why a login failed (for the log, never personal data). */
export type OidcRedirect = {
  location: string;
  session?: NewSession;
  failure?: { reason: string; error?: string };
};

/** A refused login: the user is sent back to the login page with `code`; `reason` goes to the audit trail. */
class OidcLoginFailure extends Error {
  constructor(
    readonly code: OidcErrorCode,
    readonly reason: string,
    readonly extra: { account?: string; orgId?: string; idpError?: string; cause?: unknown } = {},
  ) {
    super(reason);
  }
}

function clientOf(deps: Deps, audience: OidcAudience): OidcClientConfig {
  const client = deps.config.oidc[audience];
  if (!client) throw new NotConfiguredError(audienceName[audience]);
  return client;
}

// Keyed by the client configuration object, so each app (and each test's provider) has its own.
const discovered = new WeakMap<OidcClientConfig, Promise<oidc.Configuration>>();

/**
 * The identity provider's configuration, discovered on first use and kept for the life of
 * the process. A failed discovery is forgotten, so the next login tries again.
 */
function issuerConfiguration(deps: Deps, client: OidcClientConfig): Promise<oidc.Configuration> {
  const cached = discovered.get(client);
  if (cached) return cached;
  const pending = oidc.discovery(
    new URL(client.issuer),
    client.clientId,
    client.clientSecret ? { client_secret: client.clientSecret } : undefined,
    client.clientSecret ? oidc.ClientSecretBasic(client.clientSecret) : oidc.None(),
    { execute: deps.config.oidc.allowHttp ? [oidc.allowInsecureRequests] : [], timeout: 10 },
  );
  discovered.set(client, pending);
  pending.catch(() => {
    if (discovered.get(client) === pending) discovered.delete(client);
  });
  return pending;
}

function describeError(error: unknown): string | undefined {
  return error instanceof Error ? `${error.name}: ${error.message}` : undefined;
}

/**
 * The zod contract keeps returnTo a local path; browsers also read a backslash as a slash
 * (`/\evil.example`) and drop control characters, so those are refused as well.
 */
function checkReturnTo(returnTo: string): void {
  const unsafe = [...returnTo].some(
    (ch) => ch === '\\' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f,
  );
  if (unsafe) {
    throw new InputError('Invalid querystring', [
      { path: 'returnTo', code: 'invalid_format', message: 'must be a path on this site' },
    ]);
  }
}

/** Parameters that ask the provider for the claims the audience needs. */
function authorizationScope(
  configuration: oidc.Configuration,
  audience: OidcAudience,
  cprClaim: string,
): Record<string, string> {
  if (audience === 'staff') return { scope: 'openid email profile' };
  const metadata = configuration.serverMetadata();
  // MitID brokers release the CPR number under the scope `ssn`; providers that support the
  // claims parameter are also asked for the claim by name.
  const scope = metadata.scopes_supported?.includes('ssn') ? 'openid ssn' : 'openid';
  if (!metadata.claims_parameter_supported) return { scope };
  const wanted = { [cprClaim]: { essential: true } };
  return { scope, claims: JSON.stringify({ id_token: wanted, userinfo: wanted }) };
}

/** Starts a login: stores state, PKCE verifier and nonce, and points the browser at the provider. */
export async function startOidcLogin(
  deps: Deps,
  ctx: RequestContext,
  audience: OidcAudience,
  returnTo: string | undefined,
): Promise<OidcRedirect> {
  const client = clientOf(deps, audience);
  const target = returnTo ?? defaultReturnTo[audience];
  checkReturnTo(target);

  let configuration: oidc.Configuration;
  try {
    configuration = await issuerConfiguration(deps, client);
  } catch (error) {
    // The user clicked a button: a page saying "try again later" serves them better than JSON.
    return {
      location: `${loginPage[audience]}?error=oidc_failed`,
      failure: { reason: 'discovery_failed', error: describeError(error) },
    };
  }

  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  await inScope(deps.db, { kind: 'system' }, async (tx) => {
    await deleteAbandonedLoginFlows(tx, new Date(ctx.now.getTime() - oidcFlowMaxAgeMs));
    await insertLoginFlow(tx, {
      state,
      audience,
      code_verifier: codeVerifier,
      nonce,
      return_to: target,
      created_at: ctx.now,
    });
  });
  const url = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: client.redirectUri,
    ...authorizationScope(configuration, audience, deps.config.oidc.citizenCprClaim),
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { location: url.href };
}

/** The CPR number from a claim, `DDMMYYSSSS` or `DDMMYY-SSSS`; null when it is not one. */
export function parseCprClaim(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{6})-?(\d{4})$/.exec(value.trim());
  return match ? `${match[1]}${match[2]}` : null;
}

const isTrue = (v: unknown) => v === true || v === 'true';

/** Exchanges the code (checking state, PKCE and nonce) and collects the claims, from userinfo if needed. */
async function redeemCode(
  configuration: oidc.Configuration,
  client: OidcClientConfig,
  flow: OidcLoginFlow,
  rawQuery: string,
  wanted: string[],
): Promise<{ sub: string; claims: Record<string, unknown> }> {
  // The redirect_uri sent to the token endpoint is derived from this URL, so it is built from
  // the configured one rather than from the Host header the request came in with.
  const currentUrl = new URL(client.redirectUri);
  currentUrl.search = rawQuery;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: flow.code_verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error('no ID token in the token response');
    let claims: Record<string, unknown> = { ...idToken };
    // Many providers put scope claims only in userinfo (oidc-provider does for the code flow).
    if (wanted.some((c) => claims[c] === undefined) && configuration.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      claims = { ...info, ...idToken };
    }
    return { sub: idToken.sub, claims };
  } catch (error) {
    throw new OidcLoginFailure('oidc_failed', 'token_error', { cause: error });
  }
}

async function staffLogin(tx: Tx, ctx: RequestContext, sub: string, claims: Record<string, unknown>) {
  let user = await findStaffBySubject(tx, sub);
  const link = !user;
  if (!user) {
    // First login: an e-mail the provider has verified links the account to this subject.
    if (typeof claims.email !== 'string' || !isTrue(claims.email_verified)) {
      throw new OidcLoginFailure(
        'oidc_unknown_user',
        claims.email ? 'email_not_verified' : 'unknown_subject',
      );
    }
    user = await findStaffByEmail(tx, normaliseEmail(claims.email));
    if (!user) throw new OidcLoginFailure('oidc_unknown_user', 'unknown_account');
    if (user.oidc_subject !== null) {
      throw new OidcLoginFailure('oidc_unknown_user', 'linked_to_other_subject', {
        account: user.id,
        orgId: user.org_id,
      });
    }
  }
  if (!user.active || !user.org_active) {
    throw new OidcLoginFailure('oidc_unknown_user', 'account_inactive', {
      account: user.id,
      orgId: user.org_id,
    });
  }
  if (link) {
    if (!(await linkStaffSubject(tx, user.id, sub, ctx.now))) {
      throw new OidcLoginFailure('oidc_failed', 'link_raced', { account: user.id, orgId: user.org_id });
    }
    const self: RequestContext = {
      ...ctx,
      principal: {
        kind: 'staff',
        userId: user.id,
        orgId: user.org_id,
        roles: [],
        unitIds: [],
        sessionId: '',
      },
    };
    await writeAudit(tx, self, {
      action: 'update',
      entityType: 'staff_user',
      entityId: user.id,
      detail: { fields: ['oidc_subject'], reason: 'first_oidc_login' },
    });
  }
  return openSession(tx, ctx, { kind: 'staff', userId: user.id, orgId: user.org_id }, 'oidc');
}

/** The CPR number links the login to a person already known as a parent; nobody is created here. */
async function parentLogin(tx: Tx, ctx: RequestContext, cprValue: unknown) {
  const cpr = parseCprClaim(cprValue);
  if (!cpr) {
    throw new OidcLoginFailure(
      'oidc_failed',
      cprValue === undefined ? 'no_cpr_claim' : 'malformed_cpr_claim',
    );
  }
  const parent = await findParentByCpr(tx, cpr);
  if (!parent) throw new OidcLoginFailure('oidc_unknown_user', 'unknown_person');
  return openSession(tx, ctx, { kind: 'parent', personId: parent.id }, 'oidc');
}

export type OidcCallback = { state?: string; code?: string; error?: string };

/**
 * Completes a login at the redirect_uri. The flow is deleted before anything else, so a state
 * works once whatever happens next. Network calls to the provider run outside transactions.
 * Every refusal is audited (without CPR, e-mail or subject) and sends the user back to the
 * login page with an error code.
 */
export async function completeOidcLogin(
  deps: Deps,
  ctx: RequestContext,
  audience: OidcAudience,
  query: OidcCallback,
  rawQuery: string,
): Promise<OidcRedirect> {
  const client = clientOf(deps, audience);
  try {
    const state = query.state;
    const flow = state
      ? await inScope(deps.db, { kind: 'system' }, (tx) => takeLoginFlow(tx, state))
      : undefined;
    // Unknown covers replayed, abandoned and cleaned-up flows alike: the user can only start over.
    if (!flow) throw new OidcLoginFailure('oidc_expired', 'unknown_state');
    if (flow.audience !== audience) throw new OidcLoginFailure('oidc_failed', 'audience_mismatch');
    if (ctx.now.getTime() - flow.created_at.getTime() > oidcFlowMaxAgeMs) {
      throw new OidcLoginFailure('oidc_expired', 'flow_expired');
    }
    if (query.error) {
      const idpError = /^[\w.-]{1,64}$/.test(query.error) ? query.error : 'other';
      throw new OidcLoginFailure('oidc_failed', 'provider_error', { idpError });
    }
    const configuration = await issuerConfiguration(deps, client).catch((error: unknown) => {
      throw new OidcLoginFailure('oidc_failed', 'discovery_failed', { cause: error });
    });
    const cprClaim = deps.config.oidc.citizenCprClaim;
    const wanted = audience === 'staff' ? ['email', 'email_verified'] : [cprClaim];
    const { sub, claims } = await redeemCode(configuration, client, flow, rawQuery, wanted);
    const session = await inScope(deps.db, { kind: 'system' }, (tx) =>
      audience === 'staff' ? staffLogin(tx, ctx, sub, claims) : parentLogin(tx, ctx, claims[cprClaim]),
    );
    return { location: flow.return_to, session };
  } catch (error) {
    if (!(error instanceof OidcLoginFailure)) throw error;
    const { account, orgId, idpError, cause } = error.extra;
    await inScope(deps.db, { kind: 'system' }, (tx) =>
      writeAudit(tx, ctx, {
        action: 'denied',
        entityType: 'auth_session',
        orgId: orgId ?? null,
        outcome: 'failure',
        detail: {
          method: 'oidc',
          audience,
          reason: error.reason,
          ...(account ? { account } : {}),
          ...(idpError ? { idpError } : {}),
        },
      }),
    );
    return {
      location: `${loginPage[audience]}?error=${error.code}`,
      failure: { reason: error.reason, error: describeError(cause) },
    };
  }
}
