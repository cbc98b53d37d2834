/** Session and lockout limits of step 1: idle 30 minutes, absolute 12 hours, 10 failures in 15 minutes. */
export const sessionIdleTimeoutMs = 30 * 60 * 1000;
export const sessionAbsoluteTimeoutMs = 12 * 60 * 60 * 1000;
export const loginFailureWindowMs = 15 * 60 * 1000;
export const loginFailureLimit = 10;
export const loginLockoutMs = 15 * 60 * 1000;

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; endedAt: Date | null };

export type SessionState = 'active' | 'idle_expired' | 'absolute_expired' | 'ended';

export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (session.endedAt !== null) return 'ended';
  if (now.getTime() - session.createdAt.getTime() >= sessionAbsoluteTimeoutMs) return 'absolute_expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= sessionIdleTimeoutMs) return 'idle_expired';
  return 'active';
}

/**
 * Given the times of recent failed logins for one e-mail address (any order), when the
 * lockout ends, or null when the account is not locked. Locked means: at least
 * `loginFailureLimit` failures within one window; the lock lasts from the failure that
 * reached the limit.
 */
export function lockedUntil(failures: readonly Date[], now: Date): Date | null {
  const times = failures.map((d) => d.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = loginFailureLimit - 1; i < times.length; i++) {
    const first = times[i - (loginFailureLimit - 1)] as number;
    const last = times[i] as number;
    if (last - first <= loginFailureWindowMs) until = Math.max(until ?? 0, last + loginLockoutMs);
  }
  return until !== null && until > now.getTime() ? new Date(until) : null;
}

/** Normalises an e-mail address so lookups and lockout counting agree. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
