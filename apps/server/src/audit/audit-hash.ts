import { createHash } from 'node:crypto';

export const genesisHash = '0'.repeat(64);
/** Events that belong to no organisation (a parent's login) form their own chain. */
export const platformChainKey = '00000000-0000-0000-0000-000000000000';

export type HashedFields = {
  chainKey: string;
  chainSeq: number;
  occurredAt: Date;
  actorKind: string;
  actorId: string | null;
  orgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  familyId: string | null;
  personId: string | null;
  dataOrgId: string | null;
  purpose: string | null;
  basis: string | null;
  consentId: string | null;
  outcome: string;
  detail: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
};

/** JSON with sorted keys, so a jsonb round trip (which reorders keys) hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, f: HashedFields): string {
  const body = canonicalJson({ ...f, occurredAt: f.occurredAt.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
