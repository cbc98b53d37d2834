// Builds the web app before `npm start` when apps/web/dist is missing or older than its
// sources, so a fresh clone serves the SPA without a separate build step. An up-to-date
// build costs one directory walk (a few milliseconds).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
const built = ['index.html', 'portal.html'].map((f) => join(web, 'dist', f));

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), s.mtimeMs);
}

const sources = ['src', 'public', 'index.html', 'portal.html', 'vite.config.ts', 'package.json'].map((p) =>
  join(web, p),
);
const stale =
  !built.every(existsSync) ||
  Math.max(...sources.filter(existsSync).map(newest)) > Math.min(...built.map((f) => statSync(f).mtimeMs));

if (stale) {
  const started = Date.now();
  console.log('Building the web app (apps/web/dist is missing or older than its sources) …');
  const vite = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
    // Test runners set NODE_ENV=test, which would give React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (vite.status !== 0) process.exit(vite.status ?? 1);
  spawnSync(process.execPath, [join(web, 'scripts', 'bundle-report.mjs'), '--warn-only'], {
    cwd: web,
    stdio: 'inherit',
  });
  console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
