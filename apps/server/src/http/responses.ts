import { problem } from '@familiespor/contracts';

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;

/** Documents the problem+json answers a route can give, for the OpenAPI reference. */
export function problems<S extends ErrorStatus>(...statuses: S[]): Record<S, typeof problem> {
  return Object.fromEntries(statuses.map((s) => [s, problem])) as Record<S, typeof problem>;
}

/** What every authenticated write can answer besides success. */
export const writeProblems = problems(400, 401, 403, 404, 409, 413);
export const readProblems = problems(400, 401, 403, 404);
