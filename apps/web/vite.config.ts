import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
// dkfds exports only its JS; its CSS, fonts and icons are bundled from the package folder,
// so nothing is loaded from a CDN and the CSP can stay at 'self'.
const dkfdsDist = resolve(dirname(createRequire(import.meta.url).resolve('dkfds')), '..');

/** In dev, /portal and /portal/* get the parent portal's page, as the server does in production. */
function portalPageInDev(): Plugin {
  return {
    name: 'familiespor-portal-page',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if ((path === '/portal' || path.startsWith('/portal/')) && !path.includes('.'))
          req.url = '/portal.html';
        next();
      });
    },
  };
}

export default defineConfig({
  root: here,
  plugins: [react(), portalPageInDev()],
  resolve: { alias: { '@dkfds': dkfdsDist } },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    strictPort: true,
    proxy: {
      '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // The server sends hashed files under /assets with a one-year immutable cache.
    assetsDir: 'assets',
    rollupOptions: {
      input: { staff: resolve(here, 'index.html'), portal: resolve(here, 'portal.html') },
    },
  },
});
