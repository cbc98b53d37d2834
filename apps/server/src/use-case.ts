import type { Kysely } from 'kysely';
import type { RequestContext } from './access/request-context';
import { writeAudit } from './audit/write-audit';
import type { Clock } from './clock';
import type { Config } from './config';
import type { DB } from './db/schema';
import { inScope, type Scope, type Tx } from './db/scope';
import { ForbiddenError } from './errors';

/** What every service function needs; built once per app. */
export type Deps = { db: Kysely<DB>; clock: Clock; config: Config };

function scopeFor(ctx: RequestContext): Scope {
  const p = ctx.principal;
  return { kind: 'orgs', orgIds: p?.kind === 'staff' ? [p.orgId] : [] };
}

/**
 * One use case, one transaction: authorize → repo → audit. When access is denied the
 * transaction rolls back, and the denied attempt is written to the audit trail in a
 * transaction of its own, so it survives the rollback.
 */
export async function runUseCase<T>(deps: Deps, ctx: RequestContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await inScope(deps.db, scopeFor(ctx), fn);
  } catch (error) {
    if (error instanceof ForbiddenError) await recordDenied(deps, ctx, error);
    throw error;
  }
}

export async function recordDenied(deps: Deps, ctx: RequestContext, error: ForbiddenError): Promise<void> {
  const a = error.attempt;
  // System scope: the attempt may concern an organisation outside the caller's scope.
  await inScope(deps.db, { kind: 'system' }, (tx) =>
    writeAudit(tx, ctx, {
      action: 'denied',
      entityType: a.entityType,
      entityId: a.entityId ?? null,
      familyId: a.familyId ?? null,
      dataOrgId: a.dataOrgId ?? null,
      outcome: 'failure',
      detail: { attempted: a.attempted, reason: a.reason },
    }),
  );
}
