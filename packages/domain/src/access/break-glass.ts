/** Break-the-glass grants last four hours (DESIGN §4) and need a reason a reviewer can judge. */
export const breakGlassDurationMs = 4 * 60 * 60 * 1000;
export const breakGlassMinReasonLength = 15;

export function breakGlassExpiry(grantedAt: Date): Date {
  return new Date(grantedAt.getTime() + breakGlassDurationMs);
}

export function isBreakGlassActive(grant: { expiresAt: Date; revokedAt: Date | null }, now: Date): boolean {
  return grant.revokedAt === null && grant.expiresAt.getTime() > now.getTime();
}
