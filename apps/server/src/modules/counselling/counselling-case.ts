import type { CounsellingCase } from '@familiespor/contracts';
import { authorize, decide } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { type AuditInput, writeAudit } from '../../audit/write-audit';
import { asSystem, type Tx } from '../../db/scope';
import { ConflictError, NotFoundError } from '../../errors';
// Every path that decides about counselling cases has the case's relationship, timeline and open needs.
import './counselling-access';
import './counselling-open-needs';
import './counselling-timeline.sources';
import * as repo from './counselling.repo';
import { readCase } from './counselling.view';

/** The case's owner, read before the decision; 404 when there is no such case. */
export async function caseOwner(tx: Tx, caseId: string): Promise<repo.CaseOwner> {
  const owner = await asSystem(tx, () => repo.findCaseOwner(tx, caseId));
  if (!owner) throw new NotFoundError('The counselling case');
  return owner;
}

/**
 * Reading a case is reading the counsellor's organisation's counselling records about the family:
 * own organisation with a relationship, or another organisation on the parents' consent.
 */
export function authorizeCaseRead(tx: Tx, ctx: RequestContext, owner: repo.CaseOwner) {
  return authorize(tx, ctx, 'read', {
    orgId: owner.org_id,
    category: 'counselling',
    familyId: owner.family_id,
    entityType: 'counselling_case',
    entityId: owner.id,
  });
}

/**
 * Writing in a case: the matrix's write on counselling in the case's own organisation, with a
 * relationship to the family (consent never opens writing). A closed case is history: 409.
 */
export async function authorizeCaseWrite(tx: Tx, ctx: RequestContext, owner: repo.CaseOwner) {
  const d = await authorize(tx, ctx, 'write', {
    orgId: owner.org_id,
    category: 'counselling',
    familyId: owner.family_id,
    entityType: 'counselling_case',
    entityId: owner.id,
  });
  if (owner.status !== 'open')
    throw new ConflictError('The counselling case is closed', [
      { path: 'caseId', code: 'case_closed', message: 'Nothing more is recorded in a closed case' },
    ]);
  return d;
}

/** Every event on one case is logged against the family, with the case's organisation's data. */
export async function auditCase(
  tx: Tx,
  ctx: RequestContext,
  owner: Pick<repo.CaseOwner, 'id' | 'family_id' | 'org_id'>,
  entry: Pick<AuditInput, 'action' | 'basis' | 'consentId' | 'detail'> & {
    entityType?: string;
    entityId?: string;
  },
) {
  await writeAudit(tx, ctx, {
    ...entry,
    entityType: entry.entityType ?? 'counselling_case',
    entityId: entry.entityId ?? owner.id,
    familyId: owner.family_id,
    dataOrgId: owner.org_id,
    detail: {
      category: 'counselling',
      ...(entry.detail ?? {}),
      ...(entry.entityId ? { caseId: owner.id } : {}),
    },
  });
}

/** The case as the caller sees it, with whether they may write in it. */
export async function caseView(tx: Tx, ctx: RequestContext, owner: repo.CaseOwner): Promise<CounsellingCase> {
  const write =
    owner.status === 'open' &&
    (
      await decide(tx, ctx, 'write', {
        orgId: owner.org_id,
        category: 'counselling',
        familyId: owner.family_id,
      })
    ).allowed;
  return readCase(tx, owner.id, ctx.now, write);
}
