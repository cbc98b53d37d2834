import { z } from 'zod';

export const uuid = z.uuid();
export const isoDateTime = z.iso.datetime({ offset: true });

/** Codes the web app translates; `type` is the stable URI, `code` its short name. */
export const problemCodes = [
  'validation',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'session_expired',
  'invalid_credentials',
  'too_many_attempts',
  'csrf',
  'forbidden',
  'not_found',
  'conflict',
  'not_configured',
  'internal',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export const fieldError = z.object({
  path: z.string().describe('JSON pointer-like path of the field, e.g. "email" or "units.0"'),
  code: z.string(),
  message: z.string(),
});

/** RFC 9457 problem details, with a request id and per-field errors. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.enum(problemCodes),
    requestId: z.string(),
    errors: z.array(fieldError).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problem>;

export const languages = ['da', 'en', 'ar'] as const;
export const language = z.enum(languages);
export type Language = z.infer<typeof language>;

export const idParams = (name: string) => z.strictObject({ [name]: uuid });

/** What a file import did: counts, and each failed line with its field and reason. */
export const lineImportResult = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  errors: z.array(
    z.object({
      line: z.number().int(),
      field: z.string().nullable(),
      code: z.string(),
      reason: z.string(),
    }),
  ),
});
