import { accessLevels } from '@familiespor/domain';
import { z } from 'zod';
import { category, organisationKind, staffRole } from './auth.contracts';
import { uuid } from './common.contracts';

const name = z.string().trim().min(1).max(200);

export const organisation = z
  .object({
    id: uuid,
    kind: organisationKind,
    name: z.string(),
    municipalityCode: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof organisation>;

const municipalityCode = z.string().regex(/^\d{3}$/, 'a Danish municipality code has three digits');

export const createOrganisationBody = z.strictObject({
  kind: organisationKind,
  name,
  municipalityCode: municipalityCode.nullable().optional(),
});
export const updateOrganisationBody = z
  .strictObject({
    name: name.optional(),
    municipalityCode: municipalityCode.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const unitKinds = ['team', 'district', 'department', 'birthplace', 'daycare'] as const;
export const unitKind = z.enum(unitKinds);
export const unit = z
  .object({
    id: uuid,
    orgId: uuid,
    kind: unitKind,
    name: z.string(),
    parentUnitId: uuid.nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Unit' });
export const createUnitBody = z.strictObject({
  kind: unitKind,
  name,
  parentUnitId: uuid.nullable().optional(),
});
export const updateUnitBody = z
  .strictObject({
    name: name.optional(),
    parentUnitId: uuid.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const staffUser = z
  .object({
    id: uuid,
    orgId: uuid,
    name: z.string(),
    email: z.string(),
    title: z.string().nullable(),
    active: z.boolean(),
    roles: z.array(staffRole),
    unitIds: z.array(uuid),
    hasPassword: z.boolean(),
    createdAt: z.string(),
    deactivatedAt: z.string().nullable(),
  })
  .meta({ id: 'StaffUser' });
export type StaffUser = z.infer<typeof staffUser>;

/** Passwords: long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const newPassword = z.string().min(12, 'at least 12 characters').max(256);

export const createStaffUserBody = z.strictObject({
  name,
  email: z.email().max(254),
  title: z.string().trim().max(200).nullable().optional(),
  roles: z.array(staffRole).min(1).max(staffRole.options.length),
  unitIds: z.array(uuid).max(50).default([]),
  password: newPassword.optional(),
});
export const updateStaffUserBody = z
  .strictObject({
    name: name.optional(),
    email: z.email().max(254).optional(),
    title: z.string().trim().max(200).nullable().optional(),
    unitIds: z.array(uuid).max(50).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export const setRolesBody = z.strictObject({
  roles: z.array(staffRole).min(1).max(staffRole.options.length),
});
export const deactivateBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });

export const partnership = z
  .object({
    id: uuid,
    municipalityOrgId: uuid,
    partnerOrgId: uuid,
    description: z.string(),
    recordCategories: z.array(category),
    ackDeadlineWorkingDays: z.number().int(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Partnership' });
export const createPartnershipBody = z.strictObject({
  partnerOrgId: uuid,
  description: z.string().trim().min(1).max(2000),
  recordCategories: z.array(category).max(9).default([]),
  ackDeadlineWorkingDays: z.number().int().min(1).max(30).default(5),
});
export const updatePartnershipBody = z
  .strictObject({
    description: z.string().trim().min(1).max(2000).optional(),
    recordCategories: z.array(category).max(9).optional(),
    ackDeadlineWorkingDays: z.number().int().min(1).max(30).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');

export const accessLevel = z.enum(accessLevels);
export const accessMatrixEntry = z.object({
  role: staffRole,
  category,
  level: accessLevel,
  defaultLevel: accessLevel,
});
export const accessMatrix = z
  .object({ orgId: uuid, entries: z.array(accessMatrixEntry) })
  .meta({ id: 'AccessMatrix' });
export const updateAccessMatrixBody = z.strictObject({
  entries: z
    .array(z.strictObject({ role: staffRole, category, level: accessLevel }))
    .min(1)
    .max(200),
});
