import type { FamilyDetail } from '@familiespor/contracts';
import { configurationOnlyRoles, type StaffRole } from '@familiespor/domain';
import { authorize } from '../../access/policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem } from '../../db/scope';
import { ConflictError, ForbiddenError, InputError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as repo from './families.repo';
import { isActiveCoordinator } from './family-access.repo';
import { familyFacts, readFamilyDetail } from './family-detail';

/**
 * One coordinator (tovholder) per family. A change needs a handover note, so the next
 * person knows what the family needs; the history stays.
 */
export async function assignCoordinator(
  deps: Deps,
  ctx: RequestContext,
  familyId: string,
  body: { staffUserId: string; handoverNote?: string | undefined },
): Promise<FamilyDetail> {
  return runUseCase(deps, ctx, async (tx) => {
    const p = ctx.principal;
    const attempt = { attempted: 'update' as const, entityType: 'coordinator_assignment', familyId };
    if (p?.kind !== 'staff') throw new ForbiddenError({ ...attempt, reason: 'staff only' });
    const facts = await familyFacts(tx, familyId);
    // The municipality that owns the red thread assigns; the current coordinator may hand over.
    if (
      p.orgId !== facts.org_id &&
      !(await asSystem(tx, () => isActiveCoordinator(tx, p.userId, familyId)))
    ) {
      throw new ForbiddenError({
        ...attempt,
        dataOrgId: facts.org_id,
        reason: 'only the family’s municipality or its coordinator assigns',
      });
    }
    await authorize(tx, ctx, 'write', {
      orgId: facts.org_id,
      category: 'identity',
      familyId,
      entityType: 'coordinator_assignment',
    });

    const target = await asSystem(tx, () => repo.findStaffForCoordination(tx, body.staffUserId));
    const targetRoles = (target?.roles ?? []) as StaffRole[];
    const involved =
      target &&
      (target.org_id === facts.org_id ||
        (await asSystem(tx, () => repo.hasActiveInvolvement(tx, familyId, target.org_id))));
    if (
      !target?.active ||
      !target.org_active ||
      !involved ||
      targetRoles.every((r) => configurationOnlyRoles.includes(r))
    ) {
      throw new InputError(
        'The coordinator must be an active professional of an organisation working with the family',
        [
          {
            path: 'staffUserId',
            code: 'not_eligible',
            message: 'Choose a professional from an organisation working with the family',
          },
        ],
      );
    }

    const current = await repo.findActiveCoordinator(tx, familyId);
    if (current?.staff_user_id === target.id)
      throw new ConflictError('This person is the coordinator already');
    if (current && !body.handoverNote) {
      throw new InputError('A change of coordinator needs a handover note', [
        { path: 'handoverNote', code: 'required', message: 'Write what the new coordinator needs to know' },
      ]);
    }
    if (current) await repo.endCoordinator(tx, current.id, ctx.now);
    const { id } = await repo.insertCoordinator(tx, {
      family_id: familyId,
      family_org_id: facts.org_id,
      coordinator_org_id: target.org_id,
      staff_user_id: target.id,
      started_at: ctx.now,
      handover_note: body.handoverNote ?? null,
      assigned_by: p.userId,
    });
    await writeAudit(tx, ctx, {
      action: current ? 'update' : 'create',
      entityType: 'coordinator_assignment',
      entityId: id,
      familyId,
      dataOrgId: facts.org_id,
      detail: {
        from: current?.staff_user_id ?? null,
        to: target.id,
        handoverNote: Boolean(body.handoverNote),
      },
    });
    return readFamilyDetail(tx, ctx, familyId, 'coordination');
  });
}

/** The professionals who may become the family's coordinator, the district's health visitors first. */
export async function listCoordinatorCandidates(deps: Deps, ctx: RequestContext, familyId: string) {
  return runUseCase(deps, ctx, async (tx) => {
    const facts = await familyFacts(tx, familyId);
    await authorize(tx, ctx, 'read', {
      orgId: facts.org_id,
      category: 'identity',
      familyId,
      entityType: 'coordinator_assignment',
    });
    const rows = await asSystem(tx, () =>
      repo.coordinatorCandidates(tx, familyId, facts.org_id, facts.district_unit_id),
    );
    return rows
      .map((r) => ({
        id: r.id,
        name: r.name,
        title: r.title,
        organisation: { id: r.org_id, name: r.org_name },
        roles: r.roles as StaffRole[],
        inDistrict: Boolean(r.in_district),
      }))
      .sort((a, b) => Number(b.inDistrict) - Number(a.inDistrict));
  });
}
