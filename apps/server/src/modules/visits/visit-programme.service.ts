import type { updateVisitProgrammeBody, VisitProgramme } from '@familiespor/contracts';
import { checkProgramme, type ProgrammeProblem, type VisitType } from '@familiespor/domain';
import type { z } from 'zod';
import { requireOwnOrgRole, requireStaff } from '../../access/admin-policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import type { Tx } from '../../db/scope';
import { type FieldError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import { loadEpdsCutoffs, loadProgramme } from './visit-plan';
import * as repo from './visits.repo';

const problemMessages: Record<ProgrammeProblem['code'], string> = {
  window_order: 'The window ends before it starts',
  duplicate_key: 'Two visit types have the same key',
  after_third_birthday: 'A visit may not lie after the child’s third birthday',
};

async function readProgramme(tx: Tx, orgId: string): Promise<VisitProgramme> {
  const org = await repo.findOrganisation(tx, orgId);
  if (org?.kind !== 'municipality') throw new NotFoundError('The municipality');
  const programme = await loadProgramme(tx, orgId);
  return {
    organisation: { id: org.id, name: org.name },
    visitTypes: programme.visitTypes,
    epdsCutoffs: await loadEpdsCutoffs(tx, orgId),
    isDefault: programme.isDefault,
    updatedAt: programme.updatedAt?.toISOString() ?? null,
  };
}

/**
 * A municipality's visit programme and EPDS cut-offs: its published configuration, which any
 * staff member may read (not personal data, so not audited). Default: the caller's own.
 */
export async function getVisitProgramme(
  deps: Deps,
  ctx: RequestContext,
  query: { orgId?: string | undefined },
): Promise<VisitProgramme> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'visit_programme' });
    return readProgramme(tx, query.orgId ?? p.orgId);
  });
}

/**
 * The programme lead replaces the municipality's programme. Plans made before stay as they
 * were: a changed programme applies to children born from now on.
 */
export async function updateVisitProgramme(
  deps: Deps,
  ctx: RequestContext,
  body: z.infer<typeof updateVisitProgrammeBody>,
): Promise<VisitProgramme> {
  return runUseCase(deps, ctx, async (tx) => {
    const staff = requireStaff(ctx, { attempted: 'update', entityType: 'visit_programme' });
    const p = requireOwnOrgRole(ctx, staff.orgId, ['programme_lead'], {
      attempted: 'update',
      entityType: 'visit_programme',
      entityId: staff.orgId,
    });
    const org = await repo.findOrganisation(tx, p.orgId);
    if (org?.kind !== 'municipality') throw new NotFoundError('The municipality');
    const visitTypes: VisitType[] = body.visitTypes;
    const errors: FieldError[] = checkProgramme(visitTypes).map((problem) => ({
      path:
        problem.code === 'duplicate_key'
          ? `visitTypes.${problem.index}.key`
          : `visitTypes.${problem.index}.window`,
      code: problem.code,
      message: problemMessages[problem.code],
    }));
    if (errors.length > 0) throw new InputError('The visit programme has invalid visit types', errors);
    await repo.upsertProgramme(tx, {
      org_id: p.orgId,
      visit_types: JSON.stringify(visitTypes),
      updated_by: p.userId,
      updated_at: ctx.now,
    });
    if (body.epdsCutoffs) {
      for (const role of ['mother', 'father'] as const) {
        await repo.upsertEpdsCutoff(tx, {
          org_id: p.orgId,
          respondent_role: role,
          cutoff: body.epdsCutoffs[role],
          updated_at: ctx.now,
        });
      }
    }
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'visit_programme',
      entityId: p.orgId,
      detail: {
        visitTypes: visitTypes.map((t) => t.key),
        ...(body.epdsCutoffs ? { epdsCutoffs: body.epdsCutoffs } : {}),
      },
    });
    return readProgramme(tx, p.orgId);
  });
}
