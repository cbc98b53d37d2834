import type { Enrollment } from '@familiespor/contracts';
import { authorize } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem } from '../../db/scope';
import { ForbiddenError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { familyFacts } from '../families/family-detail';
import * as repo from './enrollment.repo';
import { toEnrollment } from './enrollment.service';

/** The family's sign-ups: for the parents in the portal, or for staff who may see the family's course records. */
export async function listFamilyEnrollments(
  deps: Deps,
  ctx: RequestContext,
  familyIdParam?: string,
): Promise<Enrollment[]> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    const familyId = p?.kind === 'parent' ? (familyIdParam ?? p.familyIds[0]) : familyIdParam;
    if (!familyId)
      throw new ForbiddenError({ attempted: 'read', entityType: 'enrollment', reason: 'no family' });
    const facts = await familyFacts(tx, familyId);
    const decision = await authorize(tx, ctx, 'read', {
      orgId: facts.org_id,
      category: 'course',
      familyId,
      entityType: 'enrollment',
    });
    const rows = await asSystem(tx, () => repo.familyEnrollments(tx, familyId));
    const out: Enrollment[] = [];
    for (const r of rows) {
      const full = await asSystem(tx, () => repo.findEnrollment(tx, r.id));
      if (full) out.push(await toEnrollment(tx, full));
    }
    await writeAudit(tx, ctx, {
      action: 'read',
      entityType: 'enrollment',
      familyId,
      dataOrgId: facts.org_id,
      basis: decision.basis,
      detail: { count: out.length },
    });
    return out;
  });
}
