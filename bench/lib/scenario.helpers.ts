/** What the HTTP scenarios beyond `me` share: logging in, backends, CPU notes. */
import { availableParallelism } from 'node:os';
import type { Database } from '../../apps/server/src/db/connect';
import { sessionCookieName } from '../../apps/server/src/modules/auth/sessions';
import { backendPidsSql } from './cpu.usage';

/** Logs in with a password and answers the cookie header to send. */
export async function loginCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${sessionCookieName}=`));
  if (!cookie) throw new Error('login answered 200 but set no session cookie');
  return cookie.split(';')[0] as string;
}

export async function listBackendPids(database: Database, which: 'all' | 'pgbench'): Promise<number[]> {
  // A connection of its own (not the app's pool), so this works after the app has closed too.
  const { rows } = await database.withOwnerClient((client) =>
    client.query<{ pid: number }>(backendPidsSql(which)),
  );
  return rows.map((r) => r.pid);
}

export const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
export const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** Nearest-rank median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length / 2) - 1)] ?? 0;
}

/** CPU per unit of work and the rate the machine's cores could sustain at that cost. */
export function cpuNote(what: string, count: number, parts: [string, number | null][]): string {
  const known = parts.filter((p): p is [string, number] => p[1] !== null);
  const micros = (ms: number) => Math.round((ms * 1000) / count);
  const listed = parts.map(([name, ms]) => `${name} ${ms === null ? 'not measured' : `${micros(ms)} µs`}`);
  const total = known.reduce((sum, [, ms]) => sum + micros(ms), 0);
  const ceiling = Math.round((availableParallelism() * 1_000_000) / total).toLocaleString('en-US');
  const partial = known.length < parts.length ? ' (not every part was measured)' : '';
  return (
    `CPU ${what}: ${listed.join(', ')}; together ${total} µs, so ${availableParallelism()} cores ` +
    `could do at most ~${ceiling}/s at this cost${partial}.`
  );
}
