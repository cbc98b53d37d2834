import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : ['1', 'true', 'yes'].includes(v)));

const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.url().optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  DATA_DIR: z.string().default('./.data'),
  DATABASE_URL: optionalUrl,
  MIGRATE_DATABASE_URL: optionalUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DEMO: flag,
  PUBLIC_URL: optionalUrl,
  COOKIE_SECURE: flag,
  TRUST_PROXY: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OIDC_STAFF_ISSUER: optionalUrl,
  OIDC_STAFF_CLIENT_ID: optionalString,
  OIDC_STAFF_CLIENT_SECRET: optionalString,
  OIDC_STAFF_REDIRECT_URI: optionalUrl,
  OIDC_CITIZEN_ISSUER: optionalUrl,
  OIDC_CITIZEN_CLIENT_ID: optionalString,
  OIDC_CITIZEN_CLIENT_SECRET: optionalString,
  OIDC_CITIZEN_REDIRECT_URI: optionalUrl,
  OIDC_CITIZEN_CPR_CLAIM: z.string().default('dk.cpr'),
  OIDC_ALLOW_HTTP: flag,
  JOBS: flag,
  TASK_RULES_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, 'a cron expression with five fields, e.g. "0 2 * * *"')
    .default('0 2 * * *'),
  INDICATOR_REFRESH_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, 'a cron expression with five fields, e.g. "0 3 * * *"')
    .default('0 3 * * *'),
  SMTP_URL: optionalUrl, // e-mail for survey links; unset in demo mode: logged instead of sent
  MAIL_FROM: z.string().default('Familiespor <noreply@familiespor.dk>'),
});

export type OidcClientConfig = {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  redirectUri: string;
};

export type Config = {
  production: boolean;
  port: number;
  host: string;
  database:
    | { kind: 'pglite'; dataDir: string | null }
    /** ownerUrl: the schema owner, who migrates; url: the application's own login role. */
    | { kind: 'postgres'; url: string; poolSize: number; ownerUrl?: string | undefined };
  /** Demo accounts and data exist only here, never in production. */
  demo: boolean;
  publicUrl: string | undefined;
  cookieSecure: boolean;
  trustProxy: boolean;
  logLevel: string;
  /** Background jobs (pg-boss): the nightly task rules; off with JOBS=0, e.g. on a read-only replica's server. */
  jobs: { enabled: boolean; taskRulesCron: string; indicatorRefreshCron: string };
  /** Outgoing e-mail (survey links). Without smtpUrl nothing is sent; demo mode logs the message. */
  mail: { smtpUrl: string | undefined; from: string };
  oidc: {
    staff: OidcClientConfig | null;
    citizen: OidcClientConfig | null;
    citizenCprClaim: string;
    allowHttp: boolean;
  };
};

function oidcClient(
  issuer: string | undefined,
  clientId: string | undefined,
  clientSecret: string | undefined,
  redirectUri: string | undefined,
): OidcClientConfig | null {
  if (!issuer || !clientId || !redirectUri) return null;
  return { issuer, clientId, clientSecret, redirectUri };
}

/**
 * Reads the environment. `baseDir` anchors a relative DATA_DIR: npm runs workspace scripts
 * inside the workspace, but `./.data` means the directory `npm start` was typed in.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  baseDir = env.INIT_CWD ?? process.cwd(),
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && e.DEMO) throw new Error('DEMO=1 is refused when NODE_ENV=production');
  const database: Config['database'] = e.DATABASE_URL
    ? {
        kind: 'postgres',
        url: e.DATABASE_URL,
        poolSize: e.DATABASE_POOL_SIZE,
        ownerUrl: e.MIGRATE_DATABASE_URL,
      }
    : { kind: 'pglite', dataDir: isAbsolute(e.DATA_DIR) ? e.DATA_DIR : resolve(baseDir, e.DATA_DIR) };
  return {
    production,
    port: e.PORT,
    host: e.HOST,
    database,
    demo: !production && (e.DEMO ?? database.kind === 'pglite'),
    publicUrl: e.PUBLIC_URL,
    cookieSecure: e.COOKIE_SECURE ?? production,
    trustProxy: e.TRUST_PROXY ?? false,
    logLevel: e.LOG_LEVEL,
    jobs: {
      enabled: e.JOBS ?? true,
      taskRulesCron: e.TASK_RULES_CRON,
      indicatorRefreshCron: e.INDICATOR_REFRESH_CRON,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    oidc: {
      staff: oidcClient(
        e.OIDC_STAFF_ISSUER,
        e.OIDC_STAFF_CLIENT_ID,
        e.OIDC_STAFF_CLIENT_SECRET,
        e.OIDC_STAFF_REDIRECT_URI,
      ),
      citizen: oidcClient(
        e.OIDC_CITIZEN_ISSUER,
        e.OIDC_CITIZEN_CLIENT_ID,
        e.OIDC_CITIZEN_CLIENT_SECRET,
        e.OIDC_CITIZEN_REDIRECT_URI,
      ),
      citizenCprClaim: e.OIDC_CITIZEN_CPR_CLAIM,
      allowHttp: e.OIDC_ALLOW_HTTP ?? !production,
    },
  };
}
