import { describe, expect, it } from 'vitest';
import { baseUrl } from './fixtures';

/** How the server serves the built SPA (apps/server/src/http/spa.ts); plain HTTP, no browser. */
describe('serving the web app', () => {
  it('answers app routes with the staff page or the parent portal page, uncached, without inline script', async () => {
    for (const [path, entry] of [
      ['/', 'staff'],
      ['/admin/brugere?side=2', 'staff'],
      ['/tilgaengelighed', 'staff'],
      ['/portal', 'portal'],
      ['/portal/login', 'portal'],
    ] as const) {
      const res = await fetch(`${baseUrl()}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await res.text();
      expect(html).toMatch(new RegExp(`src="/assets/${entry}-[\\w-]+\\.js"`));
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('sends hashed assets with a long immutable cache', async () => {
    const html = await (await fetch(`${baseUrl()}/portal`)).text();
    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const res = await fetch(`${baseUrl()}${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('keeps the API and missing files out of the fallback', async () => {
    const api = await fetch(`${baseUrl()}/api/no-such-thing`);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    for (const path of ['/favicon.ico', '/assets/nope.js', '/assets/../package.json']) {
      const res = await fetch(`${baseUrl()}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const health = await fetch(`${baseUrl()}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });
});
