import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { AuditEventTable } from '../db/schema';
import type { Tx } from '../db/scope';
import { genesisHash } from './audit-hash';

/**
 * Takes the next position in a chain. The row lock on the chain head is held until the
 * transaction ends, so events of one organisation are chained in commit order.
 */
export async function nextChainPosition(
  tx: Tx,
  chainKey: string,
): Promise<{ seq: number; prevHash: string }> {
  const row = await tx
    .insertInto('audit_chain_head')
    .values({ chain_key: chainKey, seq: 1, last_hash: genesisHash })
    .onConflict((oc) => oc.column('chain_key').doUpdateSet({ seq: sql`audit_chain_head.seq + 1` }))
    .returning(['seq', 'last_hash'])
    .executeTakeFirstOrThrow();
  return { seq: row.seq, prevHash: row.last_hash };
}

export type NewAuditRow = Insertable<AuditEventTable>;

/**
 * Two statements, no RETURNING: a RETURNING clause would also make the new row pass the read
 * policy, which an event of another organisation (or of none) does not.
 */
export async function insertAuditEvent(tx: Tx, row: NewAuditRow): Promise<void> {
  await tx.insertInto('audit_event').values(row).execute();
  await tx
    .updateTable('audit_chain_head')
    .set({ last_hash: row.hash })
    .where('chain_key', '=', row.chain_key)
    .execute();
}

export async function listChainKeys(
  tx: Tx,
): Promise<{ chain_key: string; seq: number; last_hash: string }[]> {
  return tx.selectFrom('audit_chain_head').selectAll().orderBy('chain_key').execute();
}

export async function chainEventsAfter(tx: Tx, chainKey: string, afterSeq: number, limit: number) {
  return tx
    .selectFrom('audit_event')
    .selectAll()
    .where('chain_key', '=', chainKey)
    .where('chain_seq', '>', afterSeq)
    .orderBy('chain_seq')
    .limit(limit)
    .execute();
}

export type AuditEventRow = Awaited<ReturnType<typeof chainEventsAfter>>[number];

export async function listAuditEvents(
  tx: Tx,
  filter: { orgId: string; familyId?: string; actorId?: string; before?: number; limit: number },
) {
  let q = tx.selectFrom('audit_event').selectAll().where('org_id', '=', filter.orgId);
  if (filter.familyId) q = q.where('family_id', '=', filter.familyId);
  if (filter.actorId) q = q.where('actor_id', '=', filter.actorId);
  if (filter.before) q = q.where('id', '<', filter.before);
  return q.orderBy('id', 'desc').limit(filter.limit).execute();
}
