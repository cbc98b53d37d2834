import type { RequestContext } from '../access/request-context';
import type { AuditAction, AuditActorKind, AuditBasis } from '../db/schema';
import type { Tx } from '../db/scope';
import { insertAuditEvent, nextChainPosition } from './audit.repo';
import { auditHash, canonicalJson, type HashedFields, platformChainKey } from './audit-hash';

export type AuditInput = {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  familyId?: string | null;
  personId?: string | null;
  /** The organisation that controls the data, when it is not the actor's own. */
  dataOrgId?: string | null;
  /** The chain the event belongs to; defaults to the actor's organisation, else the data's. */
  orgId?: string | null;
  purpose?: string | null;
  basis?: AuditBasis | null;
  consentId?: string | null;
  outcome?: 'success' | 'failure';
  /** Never personal data: ids, field names, counts, reasons. */
  detail?: Record<string, unknown> | null;
};

function actorOf(ctx: RequestContext): { kind: AuditActorKind; id: string | null; orgId: string | null } {
  const p = ctx.principal;
  if (!p) return { kind: ctx.system ? 'system' : 'anonymous', id: null, orgId: null };
  return p.kind === 'staff'
    ? { kind: 'staff', id: p.userId, orgId: p.orgId }
    : { kind: 'parent', id: p.personId, orgId: null };
}

/** Writes one audit event inside the use case's transaction: it commits or rolls back with it. */
export async function writeAudit(tx: Tx, ctx: RequestContext, input: AuditInput): Promise<void> {
  const actor = actorOf(ctx);
  const orgId = input.orgId !== undefined ? input.orgId : (actor.orgId ?? input.dataOrgId ?? null);
  const chainKey = orgId ?? platformChainKey;
  const { seq, prevHash } = await nextChainPosition(tx, chainKey);
  const fields: HashedFields = {
    chainKey,
    chainSeq: seq,
    occurredAt: ctx.now,
    actorKind: actor.kind,
    actorId: actor.id,
    orgId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    familyId: input.familyId ?? null,
    personId: input.personId ?? null,
    dataOrgId: input.dataOrgId ?? null,
    purpose: input.purpose ?? null,
    basis: input.basis ?? null,
    consentId: input.consentId ?? null,
    outcome: input.outcome ?? 'success',
    detail: input.detail ?? null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
  const hash = auditHash(prevHash, fields);
  await insertAuditEvent(tx, {
    chain_key: chainKey,
    chain_seq: seq,
    occurred_at: fields.occurredAt,
    actor_kind: fields.actorKind as AuditActorKind,
    actor_id: fields.actorId,
    org_id: orgId,
    action: input.action,
    entity_type: fields.entityType,
    entity_id: fields.entityId,
    family_id: fields.familyId,
    person_id: fields.personId,
    data_org_id: fields.dataOrgId,
    purpose: fields.purpose,
    basis: fields.basis as AuditBasis | null,
    consent_id: fields.consentId,
    outcome: fields.outcome as 'success' | 'failure',
    detail: fields.detail ? canonicalJson(fields.detail) : null,
    request_id: fields.requestId,
    ip: fields.ip,
    prev_hash: prevHash,
    hash,
  });
}
