import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chromiumPath, hasChromium } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /healthz within 60 s:\n${output()}`);
}

/**
 * Starts the real server once for all browser tests: a fresh PGlite database in a temporary
 * DATA_DIR, demo mode, a random port, and the web app built if it is missing or stale.
 */
export default async function setup(project: TestProject) {
  if (!hasChromium) {
    const line = '!'.repeat(78);
    console.warn(
      `\n${line}\n!! BROWSER TESTS SKIPPED: no Chromium at ${chromiumPath}.\n` +
        '!! Install it with:  apt-get install -y chromium   (CI does this in .ci/run)\n' +
        `${line}\n`,
    );
  }
  const build = spawnSync(process.execPath, [join(root, 'apps/web/scripts/ensure-built.mjs')], {
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('building the web app failed');

  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'familiespor-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
  env.NODE_ENV = 'test';
  env.DEMO = '1';
  env.LOG_LEVEL = 'warn';
  for (const key of Object.keys(env)) {
    if (key === 'DATABASE_URL' || key === 'PUBLIC_URL' || key.startsWith('OIDC_')) delete env[key];
  }
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => output);
  project.provide('baseUrl', baseUrl);

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  };
}
