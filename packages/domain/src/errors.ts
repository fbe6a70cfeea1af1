// Transport-free errors. Domain verbs throw these; each transport (HTTP, CLI, job) maps
// them once. `code` is stable and machine-readable; `message` is safe to show a person.

export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly code: string;
  constructor(message: string, details?: unknown, code = 'invalid_input') {
    super(message, details);
    this.code = code;
  }
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
  readonly code = 'not_found';
}

/** No valid credentials or session; never says which part was wrong. */
export class UnauthenticatedError extends DomainError {
  override name = 'UnauthenticatedError';
  readonly code: string;
  constructor(message: string, details?: unknown, code = 'unauthenticated') {
    super(message, details);
    this.code = code;
  }
}

export class ConflictError extends DomainError {
  override name = 'ConflictError';
  readonly code: string;
  constructor(message: string, details?: unknown, code = 'conflict') {
    super(message, details);
    this.code = code;
  }
}

export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  readonly code = 'forbidden';
}

export class PreconditionFailedError extends DomainError {
  override name = 'PreconditionFailedError';
  readonly code: string;
  constructor(message: string, details?: unknown, code = 'precondition_failed') {
    super(message, details);
    this.code = code;
  }
}

export class LimitExceededError extends DomainError {
  override name = 'LimitExceededError';
  readonly code = 'limit_exceeded';
  constructor(
    message: string,
    /** When the caller may try again, for a Retry-After header. */
    readonly retryAfterSeconds?: number,
    details?: unknown,
  ) {
    super(message, details);
  }
}
