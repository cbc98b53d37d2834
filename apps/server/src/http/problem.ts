import type { Problem, ProblemCode } from '@familiespor/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError, TooManyAttemptsError } from '../errors';

const titles: Record<ProblemCode, string> = {
  validation: 'The request has invalid fields',
  malformed_json: 'The request body is not valid JSON',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'The request body has an unsupported content type',
  unauthenticated: 'Login required',
  session_expired: 'The session has expired',
  invalid_credentials: 'E-mail or password is wrong',
  too_many_attempts: 'Too many attempts',
  csrf: 'The request was not sent by Familiespor',
  forbidden: 'Access denied',
  not_found: 'Not found',
  conflict: 'Conflict',
  not_configured: 'Not configured',
  internal: 'Something went wrong on our side',
};

export function problemBody(
  request: FastifyRequest,
  status: number,
  code: ProblemCode,
  detail?: string,
  errors?: FieldError[],
): Problem {
  return {
    type: `https://familiespor.dk/problems/${code.replaceAll('_', '-')}`,
    title: titles[code],
    status,
    ...(detail ? { detail } : {}),
    instance: request.url.split('?')[0],
    code,
    requestId: request.id,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ProblemCode,
  detail?: string,
  errors?: FieldError[],
) {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(problemBody(request, status, code, detail, errors));
}

type ValidationItem = {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
};

/** One field error per invalid field; an unknown key is reported at its own path. */
function fieldErrors(validation: readonly ValidationItem[]): FieldError[] {
  const out: FieldError[] = [];
  for (const v of validation) {
    const path = (v.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const keys = v.params?.keys;
    if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      for (const key of keys) {
        out.push({
          path: path ? `${path}.${String(key)}` : String(key),
          code: 'unrecognized_key',
          message: 'Unknown field',
        });
      }
      continue;
    }
    out.push({ path, code: v.keyword ?? 'invalid', message: v.message ?? 'Invalid value' });
  }
  return out;
}

/** Every error leaves as RFC 9457 problem+json with a request id; never a stack trace. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
      return sendProblem(request, reply, error.status, error.code, error.message, error.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors = fieldErrors(error.validation).map((e) => ({ ...e, path: e.path || where }));
      return sendProblem(request, reply, 400, 'validation', `Invalid ${where}`, errors);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(request, reply, 400, 'malformed_json', 'The body could not be parsed as JSON');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(request, reply, 413, 'payload_too_large', 'The body is larger than 1 MB');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(request, reply, 415, 'unsupported_media_type', 'Send application/json');
    }
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return sendProblem(request, reply, 400, 'malformed_json', 'The body could not be parsed');
    }
    // Driver errors carry the offending values in `detail` (an e-mail, a CPR): log only what locates the fault.
    request.log.error(
      { err: { name: error.name, code: error.code, message: error.message, stack: error.stack } },
      'unhandled error',
    );
    return sendProblem(request, reply, 500, 'internal', 'The error has been logged; quote the request id');
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      404,
      'not_found',
      `No such resource: ${request.method} ${request.url.split('?')[0]}`,
    ),
  );
}
