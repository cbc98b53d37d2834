import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './schema';

export type Tx = Transaction<DB>;

/** Transactions whose row-level security is lifted right now (system scope, or inside asSystem). */
const systemTransactions = new WeakSet<Tx>();

/**
 * Which organisations' rows a transaction may touch under row-level security. The service
 * layer starts with the user's own organisation and widens it only after the access policy
 * has allowed a record of another organisation (consent, legal basis, break-the-glass).
 */
export type Scope = { kind: 'orgs'; orgIds: readonly string[] } | { kind: 'system' };

export async function inScope<T>(
  db: Kysely<DB>,
  scope: Scope,
  fn: (tx: Tx) => Promise<T>,
  options?: { isolation: 'repeatable read' | 'serializable' },
): Promise<T> {
  const builder = options ? db.transaction().setIsolationLevel(options.isolation) : db.transaction();
  return builder.execute(async (tx) => {
    if (scope.kind === 'system') {
      await sql`SELECT set_config('app.system', 'on', true)`.execute(tx);
      systemTransactions.add(tx);
    } else if (scope.orgIds.length > 0) {
      await sql`SELECT set_config('app.org_ids', ${scope.orgIds.join(',')}, true)`.execute(tx);
    }
    return fn(tx);
  });
}

export async function widenScope(tx: Tx, orgId: string): Promise<void> {
  await sql`SELECT set_config('app.org_ids',
    concat_ws(',', nullif(current_setting('app.org_ids', true), ''), ${orgId}::text), true)`.execute(tx);
}

/**
 * Runs a few statements with row-level security lifted, inside the caller's transaction:
 * the access policy's own lookups (which organisation owns a family, is there a consent)
 * must see across organisations in order to decide.
 */
export async function asSystem<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  // Inside a transaction that is in system scope already, there is nothing to lift or restore.
  if (systemTransactions.has(tx)) return fn();
  await sql`SELECT set_config('app.system', 'on', true)`.execute(tx);
  systemTransactions.add(tx);
  try {
    return await fn();
  } finally {
    systemTransactions.delete(tx);
    await sql`SELECT set_config('app.system', '', true)`.execute(tx);
  }
}
