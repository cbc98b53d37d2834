import type { ProblemCode } from '@familiespor/contracts';

export type FieldError = { path: string; code: string; message: string };

/** An error a service raises on purpose; the HTTP layer turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends AppError {
  constructor(what: string) {
    super(404, 'not_found', `${what} was not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, errors?: FieldError[]) {
    super(409, 'conflict', message, errors);
  }
}

export class InputError extends AppError {
  constructor(message: string, errors?: FieldError[]) {
    super(400, 'validation', message, errors);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(
    code: 'unauthenticated' | 'session_expired' | 'invalid_credentials' = 'unauthenticated',
    message?: string,
  ) {
    super(401, code, message ?? 'You need to log in');
  }
}

export class TooManyAttemptsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'too_many_attempts',
      `Too many failed attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
    );
  }
}

export class NotConfiguredError extends AppError {
  constructor(what: string) {
    super(404, 'not_configured', `${what} is not configured on this server`);
  }
}

/** What a denied attempt was aimed at; the use-case runner writes it to the audit trail. */
export type DeniedAttempt = {
  attempted: 'read' | 'write' | 'create' | 'update' | 'delete' | 'execute';
  entityType: string;
  entityId?: string | null;
  familyId?: string | null;
  dataOrgId?: string | null;
  reason: string;
};

export class ForbiddenError extends AppError {
  constructor(readonly attempt: DeniedAttempt) {
    super(403, 'forbidden', 'You do not have access to this');
  }
}
