import { createHash, randomBytes } from 'node:crypto';
import { sessionAbsoluteTimeoutMs, sessionIdleTimeoutMs } from '@familiespor/domain';

export const sessionCookieName = 'familiespor_session';
/** Last-seen is written at most this often, so a busy user does not write on every request. */
export const touchIntervalMs = 60_000;

export function newSessionToken(): { token: string; idHash: string; csrfToken: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, idHash: hashSessionToken(token), csrfToken: randomBytes(24).toString('base64url') };
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sessionExpiresAt(createdAt: Date, lastSeenAt: Date): Date {
  return new Date(
    Math.min(createdAt.getTime() + sessionAbsoluteTimeoutMs, lastSeenAt.getTime() + sessionIdleTimeoutMs),
  );
}
