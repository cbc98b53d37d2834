import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem';

/** The built web app (`npm run build`; `npm start` builds it first when it is missing or stale). */
export const webDistDir = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

const oneYear = 365 * 24 * 60 * 60;
// Files Vite puts in the root of dist (from apps/web/public); everything else is an app route.
const rootFiles = new Set(['favicon.svg']);

function isPortalPath(path: string): boolean {
  return path === '/portal' || path.startsWith('/portal/');
}

/**
 * Serves the SPA: hashed files under /assets with a one-year immutable cache, and the right
 * HTML page (staff workspace or parent portal) for every other GET outside /api, never cached,
 * so a new deploy is picked up at the next navigation. Registered last: every API route and
 * /healthz match before the fallback. The pages need no login; the API behind them does.
 */
export async function registerSpa(app: FastifyInstance, distDir = webDistDir): Promise<void> {
  await app.register(fastifyStatic, { root: distDir, serve: false });

  const notBuilt = (request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(request, reply, 503, 'not_configured', 'The web app is not built: run `npm run build`');
  // Answered here, not by the not-found handler, which would ask an anonymous browser to log in.
  const noFile = (request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(request, reply, 404, 'not_found', `No such file: ${request.url.split('?')[0]}`);

  app.get<{ Params: { '*': string } }>(
    '/assets/*',
    { config: { auth: 'none' }, schema: { hide: true } },
    (request, reply) => {
      const file = request.params['*'];
      if (!file || file.includes('..') || file.includes('\\') || !existsSync(`${distDir}assets/${file}`)) {
        return noFile(request, reply);
      }
      return reply.sendFile(`assets/${file}`, { maxAge: oneYear * 1000, immutable: true });
    },
  );

  app.get('/*', { config: { auth: 'none' }, schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
    const name = path.slice(1);
    if (rootFiles.has(name)) return reply.sendFile(name, { maxAge: 24 * 60 * 60 * 1000 });
    // A missing file (favicon.ico, robots.txt, an old asset) is a 404, not the app's HTML.
    if (/\.[a-z0-9]+$/i.test(path)) return noFile(request, reply);
    const page = isPortalPath(path) ? 'portal.html' : 'index.html';
    if (!existsSync(`${distDir}${page}`)) return notBuilt(request, reply);
    return reply.header('cache-control', 'no-cache').sendFile(page, { cacheControl: false });
  });
}
