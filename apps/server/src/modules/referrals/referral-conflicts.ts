import { ConflictError } from '../../errors';

/** A step the referral's status does not allow now (acknowledging a rejected one, say). */
export function referralStepRefused(status: string, action: string): ConflictError {
  return new ConflictError(`The referral is ${status}: it cannot be ${action}d now`, [
    { path: 'status', code: 'referral_status', message: `The referral is ${status}` },
  ]);
}

/** Two people moved the same referral on at once: the second one is told, not overwritten. */
export function referralMovedMeanwhile(): ConflictError {
  return new ConflictError('Someone else moved the referral on at the same moment', [
    { path: 'status', code: 'referral_status', message: 'The referral changed' },
  ]);
}
