// Transport-free errors. Domain verbs throw these; each transport (HTTP, CLI, job) maps
// them once. `code` is stable and machine-readable; `message` is safe to show a person.
import type { ErrorFacts, FieldProblem } from './field-problem.ts';

/**
 * What a thrower hands an error beside its message: a list is the input's problems, field by
 * field (`details`); an object states facts that belong to no field (`facts`).
 */
export type ErrorDetail = readonly FieldProblem[] | ErrorFacts;

export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** The input's problems, field by field: what to correct before trying again. */
  readonly details: FieldProblem[] | undefined;
  /** Facts about the refusal that are no field's problem (see ErrorFacts). */
  readonly facts: ErrorFacts | undefined;
  constructor(message: string, detail?: ErrorDetail) {
    super(message);
    // A list is field problems; no array type passes as ErrorFacts, so the two cannot mix.
    this.details = Array.isArray(detail) ? [...(detail as readonly FieldProblem[])] : undefined;
    this.facts = detail !== undefined && !Array.isArray(detail) ? (detail as ErrorFacts) : undefined;
  }
}

export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly code: string;
  constructor(message: string, detail?: ErrorDetail, code = 'invalid_input') {
    super(message, detail);
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
  constructor(message: string, detail?: ErrorDetail, code = 'unauthenticated') {
    super(message, detail);
    this.code = code;
  }
}

export class ConflictError extends DomainError {
  override name = 'ConflictError';
  readonly code: string;
  constructor(message: string, detail?: ErrorDetail, code = 'conflict') {
    super(message, detail);
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
  constructor(message: string, detail?: ErrorDetail, code = 'precondition_failed') {
    super(message, detail);
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
    detail?: ErrorDetail,
  ) {
    super(message, detail);
  }
}
