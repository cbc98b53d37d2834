import type { createPartnershipBody, partnership, updatePartnershipBody } from '@familiespor/contracts';
import type { Category } from '@familiespor/domain';
import type { z } from 'zod';
import { requireOrgAdmin, requireOwnOrgRole } from '../../access/admin-policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { asSystem } from '../../db/scope';
import { ConflictError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as repo from './organisations.repo';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findPartnership>>>;
const toPartnership = (r: Row): z.infer<typeof partnership> => ({
  id: r.id,
  municipalityOrgId: r.municipality_org_id,
  partnerOrgId: r.partner_org_id,
  description: r.description,
  recordCategories: r.record_categories as Category[],
  ackDeadlineWorkingDays: r.ack_deadline_working_days,
  active: r.active,
  createdAt: r.created_at.toISOString(),
});

/** Both sides of a partnership see it: its admin and its programme lead. */
export async function listPartnerships(deps: Deps, ctx: RequestContext, orgId: string) {
  return runUseCase(deps, ctx, async (tx) => {
    requireOwnOrgRole(ctx, orgId, ['org_admin', 'programme_lead'], {
      attempted: 'read',
      entityType: 'partnership',
    });
    return (await repo.listPartnerships(tx, orgId)).map(toPartnership);
  });
}

export async function createPartnership(
  deps: Deps,
  ctx: RequestContext,
  municipalityOrgId: string,
  body: z.infer<typeof createPartnershipBody>,
) {
  return runUseCase(deps, ctx, async (tx) => {
    await requireOrgAdmin(tx, ctx, municipalityOrgId, { attempted: 'create', entityType: 'partnership' });
    const municipality = await repo.findOrganisation(tx, municipalityOrgId);
    if (!municipality) throw new NotFoundError('The organisation');
    if (municipality.kind !== 'municipality') {
      throw new InputError('Only a municipality enters partnerships in Familiespor');
    }
    const partner = await repo.findOrganisation(tx, body.partnerOrgId);
    if (!partner?.active || partner.id === municipalityOrgId) {
      throw new InputError('Unknown partner organisation', [
        { path: 'partnerOrgId', code: 'invalid_reference', message: 'Choose another, active organisation' },
      ]);
    }
    // The pair is unique across both sides; the other side's rows are outside this scope.
    if (await asSystem(tx, () => repo.partnershipExists(tx, municipalityOrgId, body.partnerOrgId))) {
      throw new ConflictError('The partnership exists already');
    }
    const row = await repo.insertPartnership(tx, {
      municipality_org_id: municipalityOrgId,
      partner_org_id: body.partnerOrgId,
      description: body.description,
      record_categories: body.recordCategories,
      ack_deadline_working_days: body.ackDeadlineWorkingDays,
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'partnership',
      entityId: row.id,
      orgId: municipalityOrgId,
      detail: { partnerOrgId: body.partnerOrgId, recordCategories: body.recordCategories },
    });
    return toPartnership(row);
  });
}

export async function updatePartnership(
  deps: Deps,
  ctx: RequestContext,
  partnershipId: string,
  body: z.infer<typeof updatePartnershipBody>,
) {
  return runUseCase(deps, ctx, async (tx) => {
    const existing = await asSystem(tx, () => repo.findPartnership(tx, partnershipId));
    if (!existing) throw new NotFoundError('The partnership');
    await requireOrgAdmin(tx, ctx, existing.municipality_org_id, {
      attempted: 'update',
      entityType: 'partnership',
      entityId: partnershipId,
    });
    const row = await repo.updatePartnership(tx, partnershipId, {
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.recordCategories !== undefined ? { record_categories: body.recordCategories } : {}),
      ...(body.ackDeadlineWorkingDays !== undefined
        ? { ack_deadline_working_days: body.ackDeadlineWorkingDays }
        : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
      updated_at: ctx.now,
    });
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'partnership',
      entityId: partnershipId,
      orgId: existing.municipality_org_id,
      detail: { fields: Object.keys(body) },
    });
    return toPartnership(row);
  });
}
