import { loginFailureWindowMs, sessionAbsoluteTimeoutMs, sessionIdleTimeoutMs } from '@familiespor/domain';
import { inScope } from '../../db/scope';
import type { Deps } from '../../use-case';
import { deleteStaleAuthState } from './auth.repo';

const day = 24 * 60 * 60 * 1000;

/**
 * Deletes login state nobody can use any more. Sessions are kept a day after they end, so a
 * support question ("why was I logged out?") can still be answered from the table.
 */
export async function cleanUpAuthState(deps: Pick<Deps, 'db' | 'clock'>) {
  const now = deps.clock.now().getTime();
  return inScope(deps.db, { kind: 'system' }, (tx) =>
    deleteStaleAuthState(tx, {
      failuresBefore: new Date(now - 2 * loginFailureWindowMs),
      flowsBefore: new Date(now - 60 * 60 * 1000),
      sessionsEndedBefore: new Date(now - day),
      sessionsIdleBefore: new Date(now - sessionIdleTimeoutMs - day),
      sessionsCreatedBefore: new Date(now - sessionAbsoluteTimeoutMs - day),
    }),
  );
}
