import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/connect';
import { registerAuth } from './http/auth.plugin';
import { registerOpenApi } from './http/openapi';
import { registerProblemHandlers } from './http/problem';
import { registerSpa } from './http/spa';
import { accessRoutes } from './modules/access/access.routes';
import { adminRoutes } from './modules/admin/admin.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { oidcRoutes } from './modules/auth/oidc.routes';
import { benchmarkRoutes } from './modules/benchmark/benchmark.routes';
import { betweenChairsRoutes } from './modules/between-chairs/between-chairs.routes';
import { concernReportsRoutes } from './modules/concern-reports/concern-reports.routes';
import { consentRoutes } from './modules/consent/consent.routes';
import { counsellingRoutes } from './modules/counselling/counselling.routes';
import { familiesRoutes } from './modules/families/families.routes';
import { handoversRoutes } from './modules/handovers/handovers.routes';
import { healthRoutes } from './modules/health/health.routes';
import { committeeReportRoutes } from './modules/indicators/committee-report.routes';
import { indicatorsRoutes } from './modules/indicators/indicators.routes';
import { offersRoutes } from './modules/offers/offers.routes';
import { openCounsellingRoutes } from './modules/open-counselling/open-counselling.routes';
import { readmissionsRoutes } from './modules/readmissions/readmissions.routes';
import { referralIntakeRoutes } from './modules/referral-intake/referral-intake.routes';
import { referralsRoutes } from './modules/referrals/referrals.routes';
import { screeningRoutes } from './modules/screening/screening.routes';
import { surveysRoutes } from './modules/surveys/surveys.routes';
import { tasksRoutes } from './modules/tasks/tasks.routes';
import { visitsRoutes } from './modules/visits/visits.routes';
import type { Deps } from './use-case';

export type AppOptions = {
  config: Config;
  database: Database;
  clock: Clock;
  /** false silences request logs (tests); otherwise pino at the configured level. */
  logger?: boolean;
};

export type App = FastifyInstance & { deps: Deps };

/** Body limit of every JSON endpoint; larger bodies get 413. */
export const bodyLimitBytes = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<App> {
  const { config, database, clock } = options;
  const app = Fastify({
    bodyLimit: bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            // Logs carry no personal data: no URL query, no IP, no headers, no bodies.
            serializers: {
              req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched', id: req.id }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
          },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const deps: Deps = { db: database.db, clock, config };
  app.decorate('deps', deps);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    hsts: config.production,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie);
  registerProblemHandlers(app);
  registerAuth(app, deps);
  await registerOpenApi(app);

  await app.register(healthRoutes(database));
  await app.register(authRoutes(deps));
  await app.register(oidcRoutes(deps));
  await app.register(adminRoutes(deps));
  await app.register(accessRoutes(deps));
  await app.register(familiesRoutes(deps));
  await app.register(offersRoutes(deps));
  await app.register(visitsRoutes(deps));
  await app.register(screeningRoutes(deps));
  await app.register(tasksRoutes(deps));
  await app.register(consentRoutes(deps)); // step 6: consent and the parents' access log
  await app.register(handoversRoutes(deps)); // step 6: handovers
  await app.register(betweenChairsRoutes(deps)); // step 6: between chairs
  await app.register(concernReportsRoutes(deps));
  await app.register(referralsRoutes(deps)); // step 6: referrals
  await app.register(referralIntakeRoutes(deps)); // issue #8: referral of a person not yet known
  await app.register(openCounsellingRoutes(deps)); // step 7: open anonymous counselling
  await app.register(counsellingRoutes(deps)); // step 7: family counselling cases
  await app.register(indicatorsRoutes(deps)); // step 8: indicators
  await app.register(committeeReportRoutes(deps)); // issue #9: the committee report
  await app.register(surveysRoutes(deps)); // step 8: satisfaction surveys
  await app.register(readmissionsRoutes(deps)); // step 8: readmissions from the region
  await app.register(benchmarkRoutes(deps)); // step 8: the municipalities' benchmark
  await registerSpa(app);

  await app.ready();
  return app as unknown as App;
}
