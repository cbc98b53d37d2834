import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenID Connect provider (`oidc-provider`) on 127.0.0.1 for tests, with one
 * confidential client, PKCE required, an account store the test fills, and the scope
 * `ssn` releasing the CPR claim the way Danish MitID brokers do.
 *
 * The browser's part is `authorize()`: it follows the redirects with a cookie jar and
 * submits the provider's login page, ending at the client's redirect_uri.
 */
export type TestIdp = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds or replaces an account; the claims are released by scope (email, profile, ssn). */
  setAccount(sub: string, claims: Record<string, unknown>): void;
  /**
   * Plays the browser from the authorization URL to the redirect_uri: logs in as `login`,
   * or cancels at the login page (the provider then answers access_denied).
   */
  authorize(authorizationUrl: string, as: { login: string } | { cancel: true }): Promise<URL>;
  close(): Promise<void>;
};

// oidc-provider ships no type declarations; this is the little of it the fixture uses.
type KoaContext = {
  method: string;
  path: string;
  req: IncomingMessage;
  res: ServerResponse;
  respond: boolean;
  status: number;
  type: string;
  body: unknown;
  oidc: {
    client: { clientId: string };
    session: { accountId: string; grantIdFor(clientId: string): string | undefined };
    result?: { consent?: { grantId?: string } };
    requestParamScopes: Set<string>;
    requestParamClaims: Set<string>;
    provider: { Grant: GrantModel };
  };
};
type GrantInstance = {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
};
type GrantModel = {
  new (init: { clientId: string; accountId: string }): GrantInstance;
  find(id: string): Promise<GrantInstance | undefined>;
};
type Interaction = { uid: string; prompt: { name: string } };
type ProviderInstance = {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  use(fn: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
  ): Promise<void>;
};
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

async function loadProvider(): Promise<ProviderConstructor> {
  // A non-literal specifier: the package has no declarations for TypeScript to resolve.
  const name = 'oidc-provider';
  const module = (await import(name)) as { default: ProviderConstructor };
  return module.default;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** A cookie jar good enough for one provider origin: name and path, expiry by deletion. */
class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const attribute of attributes) {
        const [key = '', val = ''] = attribute.split('=');
        if (key.toLowerCase() === 'path') path = val;
        if (key.toLowerCase() === 'expires' && new Date(val).getTime() < Date.now()) expired = true;
        if (key.toLowerCase() === 'max-age' && Number(val) <= 0) expired = true;
      }
      const key = `${name};${path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter(
        (c) =>
          url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`),
      )
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

export async function startTestIdp(options: { redirectUris: string[]; cprClaim?: string }): Promise<TestIdp> {
  const Provider = await loadProvider();
  const accounts = new Map<string, Record<string, unknown>>();
  const clientId = 'familiespor-test';
  const clientSecret = randomBytes(24).toString('base64url');
  const cprClaim = options.cprClaim ?? 'dk.cpr';

  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
    scopes: ['openid'],
    claims: {
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
      ssn: [cprClaim],
    },
    features: { devInteractions: { enabled: false }, claimsParameter: { enabled: true } },
    interactions: { url: (_ctx: unknown, interaction: Interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const claims = accounts.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ ...claims, sub }) };
    },
    // A first-party client: the user is not asked to consent, as at a municipality's own IdP.
    async loadExistingGrant(ctx: KoaContext) {
      const { Grant } = ctx.oidc.provider;
      const existing =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (existing) return Grant.find(existing);
      const grant = new Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
      grant.addOIDCClaims([...ctx.oidc.requestParamClaims]);
      await grant.save();
      return grant;
    },
  });

  // The login page: a form with the account to log in as, or a cancel button.
  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)(\/login|\/cancel)?$/.exec(ctx.path);
    if (!match) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === 'GET' && !match[2]) {
      ctx.type = 'html';
      ctx.body =
        `<form method="post" action="/interaction/${details.uid}/login" data-prompt="${details.prompt.name}">` +
        `<input name="login"><button>Log ind</button></form>` +
        `<form method="post" action="/interaction/${details.uid}/cancel"><button>Afbryd</button></form>`;
      return;
    }
    if (ctx.method !== 'POST') return next();
    ctx.respond = false;
    if (match[2] === '/cancel') {
      await provider.interactionFinished(ctx.req, ctx.res, {
        error: 'access_denied',
        error_description: 'End-User aborted interaction',
      });
      return;
    }
    const login = (await readForm(ctx.req)).get('login') ?? '';
    await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: login } });
  });

  handler = provider.callback();

  const redirectTargets = options.redirectUris.map((u) => new URL(u));
  const isRedirectUri = (url: URL) =>
    redirectTargets.some((t) => t.origin === url.origin && t.pathname === url.pathname);

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (sub, claims) => {
      accounts.set(sub, claims);
    },
    async authorize(authorizationUrl, as) {
      const jar = new CookieJar();
      let url = new URL(authorizationUrl);
      let method = 'GET';
      let body: URLSearchParams | undefined;
      for (let hop = 0; hop < 10; hop++) {
        const response = await fetch(url, {
          method,
          redirect: 'manual',
          headers: { cookie: jar.header(url) },
          ...(body ? { body } : {}),
        });
        jar.store(response);
        const location = response.headers.get('location');
        if (location) {
          const next = new URL(location, url);
          if (isRedirectUri(next)) return next;
          url = next;
          method = 'GET';
          body = undefined;
          continue;
        }
        const page = await response.text();
        const form = /data-prompt="login"/.test(page) ? /action="([^"]+\/(login|cancel))"/g : null;
        if (response.status !== 200 || !form) {
          throw new Error(
            `unexpected answer from the provider at ${url.pathname}: ${response.status} ${page}`,
          );
        }
        const actions = [...page.matchAll(form)].map((m) => m[1] as string);
        const action = actions.find((a) => a.endsWith('login' in as ? '/login' : '/cancel'));
        if (!action) throw new Error(`no ${'login' in as ? 'login' : 'cancel'} form on the provider's page`);
        url = new URL(action, url);
        method = 'POST';
        body = 'login' in as ? new URLSearchParams({ login: as.login }) : new URLSearchParams();
      }
      throw new Error('too many redirects at the provider');
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
