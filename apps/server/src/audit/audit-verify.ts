import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { inScope } from '../db/scope';
import { type AuditEventRow, chainEventsAfter, listChainKeys } from './audit.repo';
import { auditHash, genesisHash, type HashedFields } from './audit-hash';

export type AuditFinding = {
  chainKey: string;
  eventId: number | null;
  seq: number;
  problem: 'hash_mismatch' | 'broken_link' | 'missing_rows' | 'head_mismatch';
};

export type AuditVerifyResult = { ok: boolean; chains: number; events: number; findings: AuditFinding[] };

function fieldsOf(row: AuditEventRow): HashedFields {
  return {
    chainKey: row.chain_key,
    chainSeq: row.chain_seq,
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    orgId: row.org_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    familyId: row.family_id,
    personId: row.person_id,
    dataOrgId: row.data_org_id,
    purpose: row.purpose,
    basis: row.basis,
    consentId: row.consent_id,
    outcome: row.outcome,
    detail: row.detail,
    requestId: row.request_id,
    ip: row.ip,
  };
}

/**
 * Recomputes every chain. A row whose content changed no longer matches its own hash; a
 * deleted row leaves a gap in the sequence; a deleted tail no longer matches the chain head.
 */
export async function verifyAuditTrail(
  db: Kysely<DB>,
  options: { chainKeys?: readonly string[]; batchSize?: number } = {},
): Promise<AuditVerifyResult> {
  const batchSize = options.batchSize ?? 5000;
  // One snapshot: a chain that grows while we read must not look like a broken head.
  return inScope(
    db,
    { kind: 'system' },
    async (tx) => {
      const findings: AuditFinding[] = [];
      let events = 0;
      const heads = (await listChainKeys(tx)).filter(
        (h) => !options.chainKeys || options.chainKeys.includes(h.chain_key),
      );
      for (const head of heads) {
        let expectedSeq = 1;
        let prevHash = genesisHash;
        let lastSeq = 0;
        for (;;) {
          const rows = await chainEventsAfter(tx, head.chain_key, lastSeq, batchSize);
          for (const row of rows) {
            events++;
            if (row.chain_seq !== expectedSeq) {
              findings.push({
                chainKey: head.chain_key,
                eventId: row.id,
                seq: row.chain_seq,
                problem: 'missing_rows',
              });
            } else if (row.prev_hash !== prevHash) {
              findings.push({
                chainKey: head.chain_key,
                eventId: row.id,
                seq: row.chain_seq,
                problem: 'broken_link',
              });
            }
            if (auditHash(row.prev_hash, fieldsOf(row)) !== row.hash) {
              findings.push({
                chainKey: head.chain_key,
                eventId: row.id,
                seq: row.chain_seq,
                problem: 'hash_mismatch',
              });
            }
            expectedSeq = row.chain_seq + 1;
            prevHash = row.hash;
            lastSeq = row.chain_seq;
          }
          if (rows.length < batchSize) break;
        }
        if (head.seq !== lastSeq || head.last_hash !== prevHash) {
          findings.push({ chainKey: head.chain_key, eventId: null, seq: head.seq, problem: 'head_mismatch' });
        }
      }
      return { ok: findings.length === 0, chains: heads.length, events, findings };
    },
    { isolation: 'repeatable read' },
  );
}
