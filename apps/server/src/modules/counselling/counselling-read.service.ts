import type {
  CounsellingCase,
  CounsellingCasePage,
  CounsellingCaseSummary,
  ListCounsellingCasesQuery,
} from '@familiespor/contracts';
import { requireStaff } from '../../access/admin-policy';
import { authorize, decide } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem } from '../../db/scope';
import { ForbiddenError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { familyFacts } from '../families/family-detail';
import * as repo from './counselling.repo';
import { toSummary } from './counselling.view';
import { auditCase, authorizeCaseRead, caseOwner, caseView } from './counselling-case';

/**
 * One case: goals with their scores, contacts, parties. The counsellor and her colleagues read it
 * as their organisation's record; a professional of another organisation (the family's health
 * visitor, a caseworker) only on the parents' consent for category counselling.
 */
export async function getCounsellingCase(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
): Promise<CounsellingCase> {
  return runUseCase(deps, ctx, async (tx) => {
    requireStaff(ctx, { attempted: 'read', entityType: 'counselling_case', entityId: caseId });
    const owner = await caseOwner(tx, caseId);
    const d = await authorizeCaseRead(tx, ctx, owner);
    const view = await caseView(tx, ctx, owner);
    await auditCase(tx, ctx, owner, { action: 'read', basis: d.basis, consentId: d.consentId ?? null });
    return view;
  });
}

/**
 * "Rådgivningsforløb": the counsellor's own cases, or (a programme lead) the organisation's. Each
 * row is decided as a single read would be; one refused is left out of the page.
 */
export async function listCounsellingCases(
  deps: Deps,
  ctx: RequestContext,
  q: ListCounsellingCasesQuery,
): Promise<CounsellingCasePage> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'counselling_case' });
    if (q.scope === 'organisation' && !p.roles.includes('programme_lead'))
      throw new ForbiddenError({
        attempted: 'read',
        entityType: 'counselling_case',
        dataOrgId: p.orgId,
        reason: 'the organisation’s cases are listed for its programme lead',
      });
    // May this role read counselling at all? The same question as for one case, without the family.
    const d = await authorize(tx, ctx, 'read', {
      orgId: p.orgId,
      category: 'counselling',
      entityType: 'counselling_case',
    });
    const { total, rows } = await repo.listCases(tx, {
      orgId: p.orgId,
      counsellorId: q.scope === 'mine' ? p.userId : null,
      status: q.status,
      limit: q.limit,
      offset: q.offset,
    });
    const items: CounsellingCaseSummary[] = [];
    for (const r of rows) {
      const one = await decide(tx, ctx, 'read', {
        orgId: r.org_id,
        category: 'counselling',
        familyId: r.family_id,
      });
      if (one.allowed) items.push(toSummary(r));
    }
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'counselling_case',
      purpose: 'caseload',
      basis: d.basis,
      detail: { category: 'counselling', list: q.scope, status: q.status, caseIds: items.map((i) => i.id) },
    });
    return { total, items };
  });
}

/**
 * The family page's "Familierådgivning": the family's cases in every organisation that the caller
 * may read — their own organisation's, or another's on the parents' consent.
 */
export async function listFamilyCounsellingCases(
  deps: Deps,
  ctx: RequestContext,
  familyId: string,
): Promise<CounsellingCaseSummary[]> {
  return runUseCase(deps, ctx, async (tx) => {
    requireStaff(ctx, { attempted: 'read', entityType: 'counselling_case', familyId });
    const facts = await familyFacts(tx, familyId);
    const identity = await authorize(tx, ctx, 'read', {
      orgId: facts.org_id,
      category: 'identity',
      familyId,
      entityType: 'family',
      entityId: familyId,
    });
    const all = await asSystem(tx, () => repo.familyCases(tx, familyId));
    const items: CounsellingCaseSummary[] = [];
    const bases = new Map<string, { basis: typeof identity.basis; consentId: string | null }>();
    for (const r of all) {
      const d = await decide(tx, ctx, 'read', { orgId: r.org_id, category: 'counselling', familyId });
      if (!d.allowed) continue;
      items.push(toSummary(r));
      bases.set(r.org_id, { basis: d.basis, consentId: d.consentId ?? null });
    }
    for (const [orgId, b] of bases) {
      await writeAudit(tx, ctx, {
        action: 'read',
        entityType: 'counselling_case',
        familyId,
        dataOrgId: orgId,
        purpose: 'care',
        basis: b.basis,
        consentId: b.consentId,
        detail: {
          category: 'counselling',
          caseIds: items.filter((i) => i.organisation.id === orgId).map((i) => i.id),
        },
      });
    }
    return items;
  });
}
