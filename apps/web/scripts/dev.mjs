// `npm run dev`: the API server (restarted by tsx when its code changes) on PORT (3000) and
// Vite's dev server with hot reload on WEB_DEV_PORT (5173), which proxies /api to the server.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const port = process.env.PORT ?? '3000';
const children = [
  spawn(process.execPath, [require.resolve('tsx/cli'), 'watch', 'apps/server/src/main.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: port },
  }),
  spawn(process.execPath, [join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js')], {
    cwd: join(root, 'apps', 'web'),
    stdio: 'inherit',
    env: { ...process.env, API_URL: `http://localhost:${port}` },
  }),
];
console.log(`Familiespor dev: open http://localhost:${process.env.WEB_DEV_PORT ?? 5173} (API on ${port})`);

let stopping = false;
const stop = (code) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
