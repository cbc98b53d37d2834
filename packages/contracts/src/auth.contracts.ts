import { categories, staffRoles } from '@familiespor/domain';
import { z } from 'zod';
import { uuid } from './common.contracts';

export const staffRole = z.enum(staffRoles);
export const category = z.enum(categories);
export const organisationKinds = ['municipality', 'region', 'ngo', 'housing_social'] as const;
export const organisationKind = z.enum(organisationKinds);

export const loginBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof loginBody>;

const organisationRef = z.object({ id: uuid, name: z.string(), kind: organisationKind });
const unitRef = z.object({ id: uuid, name: z.string() });

export const staffMe = z.object({
  kind: z.literal('staff'),
  user: z.object({ id: uuid, name: z.string(), email: z.string() }),
  organisation: organisationRef,
  roles: z.array(staffRole),
  units: z.array(unitRef),
  csrfToken: z.string(),
  sessionExpiresAt: z.string(),
});

export const parentMe = z.object({
  kind: z.literal('parent'),
  person: z.object({ id: uuid, name: z.string() }),
  families: z.array(z.object({ id: uuid, organisation: organisationRef })),
  csrfToken: z.string(),
  sessionExpiresAt: z.string(),
});

export const me = z.discriminatedUnion('kind', [staffMe, parentMe]).meta({ id: 'Me' });
export type Me = z.infer<typeof me>;

export const oidcAudiences = ['staff', 'citizen'] as const;
export const oidcAudience = z.enum(oidcAudiences);
export type OidcAudience = z.infer<typeof oidcAudience>;

export const authProviders = z.object({
  demo: z.boolean(),
  password: z.boolean(),
  oidc: z.object({ staff: z.boolean(), citizen: z.boolean() }),
});

export const oidcStartQuery = z.strictObject({
  returnTo: z
    .string()
    .max(2000)
    .regex(/^\/(?![/\\])/, 'must be a path on this site')
    // Browsers read "/\evil.example" as "//evil.example": no backslashes or control characters.
    .refine(
      (s) => ![...s].some((ch) => ch === '\\' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f),
      {
        message: 'must be a path on this site',
      },
    )
    .optional(),
});
export const oidcCallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(512).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(2000).optional(),
});
