import type {
  createOrganisationBody,
  createUnitBody,
  Organisation,
  unit as unitSchema,
  updateOrganisationBody,
  updateUnitBody,
} from '@familiespor/contracts';
import type { z } from 'zod';
import { requireOrgAdmin, requirePlatformAdmin, requireStaff } from '../../access/admin-policy';
import type { RequestContext } from '../../access/request-context';
import { writeAudit } from '../../audit/write-audit';
import { ConflictError, InputError, NotFoundError } from '../../errors';
import { type Deps, runUseCase } from '../../use-case';
import * as repo from './organisations.repo';

type OrgRow = NonNullable<Awaited<ReturnType<typeof repo.findOrganisation>>>;
type UnitRow = NonNullable<Awaited<ReturnType<typeof repo.findUnit>>>;

const toOrganisation = (o: OrgRow): Organisation => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  municipalityCode: o.municipality_code,
  active: o.active,
  createdAt: o.created_at.toISOString(),
});

const toUnit = (u: UnitRow): z.infer<typeof unitSchema> => ({
  id: u.id,
  orgId: u.org_id,
  kind: u.kind,
  name: u.name,
  parentUnitId: u.parent_unit_id,
  active: u.active,
});

/** The directory of organisations: every staff user may read it (referrals need it). */
export async function listOrganisations(deps: Deps, ctx: RequestContext, includeInactive: boolean) {
  return runUseCase(deps, ctx, async (tx) => {
    const p = requireStaff(ctx, { attempted: 'read', entityType: 'organisation' });
    const rows = await repo.listOrganisations(tx, includeInactive && p.roles.includes('platform_admin'));
    return rows.map(toOrganisation);
  });
}

export async function createOrganisation(
  deps: Deps,
  ctx: RequestContext,
  body: z.infer<typeof createOrganisationBody>,
) {
  return runUseCase(deps, ctx, async (tx) => {
    requirePlatformAdmin(ctx, { attempted: 'create', entityType: 'organisation' });
    if (await repo.organisationNameTaken(tx, body.name)) {
      throw new ConflictError('An organisation with that name exists', [
        { path: 'name', code: 'taken', message: 'The name is already in use' },
      ]);
    }
    if (body.kind === 'municipality' && !body.municipalityCode) {
      throw new InputError('A municipality needs its municipality code', [
        { path: 'municipalityCode', code: 'required', message: 'Required for a municipality' },
      ]);
    }
    if (
      body.kind === 'municipality' &&
      body.municipalityCode &&
      (await repo.municipalityCodeTaken(tx, body.municipalityCode))
    ) {
      throw new ConflictError('Another municipality has this code', [
        { path: 'municipalityCode', code: 'taken', message: 'The municipality code is in use' },
      ]);
    }
    const row = await repo.insertOrganisation(tx, {
      kind: body.kind,
      name: body.name,
      municipality_code: body.municipalityCode ?? null,
    });
    await writeAudit(tx, ctx, {
      action: 'create',
      entityType: 'organisation',
      entityId: row.id,
      detail: { kind: row.kind },
    });
    return toOrganisation(row);
  });
}

export async function updateOrganisation(
  deps: Deps,
  ctx: RequestContext,
  orgId: string,
  body: z.infer<typeof updateOrganisationBody>,
) {
  return runUseCase(deps, ctx, async (tx) => {
    const attempt = { attempted: 'update', entityType: 'organisation', entityId: orgId } as const;
    const p = await requireOrgAdmin(tx, ctx, orgId, attempt);
    // Switching an organisation off is the platform operator's decision, not its own admin's.
    if (body.active !== undefined) requirePlatformAdmin(ctx, attempt);
    const existing = await repo.findOrganisation(tx, orgId);
    if (!existing) throw new NotFoundError('The organisation');
    if (body.name && (await repo.organisationNameTaken(tx, body.name, orgId))) {
      throw new ConflictError('An organisation with that name exists', [
        { path: 'name', code: 'taken', message: 'The name is already in use' },
      ]);
    }
    if (
      existing.kind === 'municipality' &&
      body.municipalityCode &&
      (await repo.municipalityCodeTaken(tx, body.municipalityCode, orgId))
    ) {
      throw new ConflictError('Another municipality has this code', [
        { path: 'municipalityCode', code: 'taken', message: 'The municipality code is in use' },
      ]);
    }
    const row = await repo.updateOrganisation(tx, orgId, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.municipalityCode !== undefined ? { municipality_code: body.municipalityCode } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
      updated_at: ctx.now,
    });
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'organisation',
      entityId: orgId,
      dataOrgId: orgId === p.orgId ? null : orgId,
      detail: { fields: Object.keys(body) },
    });
    return toOrganisation(row);
  });
}

export async function listUnits(deps: Deps, ctx: RequestContext, orgId: string) {
  return runUseCase(deps, ctx, async (tx) => {
    requireStaff(ctx, { attempted: 'read', entityType: 'unit' });
    if (!(await repo.findOrganisation(tx, orgId))) throw new NotFoundError('The organisation');
    return (await repo.listUnits(tx, orgId)).map(toUnit);
  });
}

async function checkParent(
  tx: Parameters<typeof repo.findUnit>[0],
  orgId: string,
  parentUnitId: string | null | undefined,
) {
  if (!parentUnitId) return;
  const parent = await repo.findUnit(tx, parentUnitId);
  if (!parent || parent.org_id !== orgId) {
    throw new InputError('The parent unit is not in this organisation', [
      { path: 'parentUnitId', code: 'invalid_reference', message: 'Unknown unit in this organisation' },
    ]);
  }
}

const unitNameConflict = () =>
  new ConflictError('The organisation already has a unit with that name', [
    { path: 'name', code: 'taken', message: 'The name is already in use' },
  ]);

export async function createUnit(
  deps: Deps,
  ctx: RequestContext,
  orgId: string,
  body: z.infer<typeof createUnitBody>,
) {
  return runUseCase(deps, ctx, async (tx) => {
    await requireOrgAdmin(tx, ctx, orgId, { attempted: 'create', entityType: 'unit' });
    if (!(await repo.findOrganisation(tx, orgId))) throw new NotFoundError('The organisation');
    await checkParent(tx, orgId, body.parentUnitId);
    if (await repo.unitNameTaken(tx, orgId, body.name)) throw unitNameConflict();
    const row = await repo.insertUnit(tx, {
      org_id: orgId,
      kind: body.kind,
      name: body.name,
      parent_unit_id: body.parentUnitId ?? null,
    });
    await writeAudit(tx, ctx, { action: 'create', entityType: 'unit', entityId: row.id, orgId });
    return toUnit(row);
  });
}

export async function updateUnit(
  deps: Deps,
  ctx: RequestContext,
  unitId: string,
  body: z.infer<typeof updateUnitBody>,
) {
  return runUseCase(deps, ctx, async (tx) => {
    const existing = await repo.findUnit(tx, unitId);
    if (!existing) throw new NotFoundError('The unit');
    await requireOrgAdmin(tx, ctx, existing.org_id, {
      attempted: 'update',
      entityType: 'unit',
      entityId: unitId,
    });
    if (body.parentUnitId === unitId) {
      throw new InputError('A unit cannot be its own parent', [
        { path: 'parentUnitId', code: 'invalid_reference', message: 'A unit cannot be its own parent' },
      ]);
    }
    await checkParent(tx, existing.org_id, body.parentUnitId);
    if (body.name && (await repo.unitNameTaken(tx, existing.org_id, body.name, unitId)))
      throw unitNameConflict();
    const row = await repo.updateUnit(tx, unitId, {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.parentUnitId !== undefined ? { parent_unit_id: body.parentUnitId } : {}),
      ...(body.active !== undefined ? { active: body.active } : {}),
      updated_at: ctx.now,
    });
    await writeAudit(tx, ctx, {
      action: 'update',
      entityType: 'unit',
      entityId: unitId,
      orgId: existing.org_id,
      detail: { fields: Object.keys(body) },
    });
    return toUnit(row);
  });
}
