/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// One error design: every failure becomes `{ error: { code, message, details? } }` with the
// right status on /api, or a person-readable page elsewhere. No stack traces, no SQL text.
import { DeadlineExceededError, InvalidSlugError, isDatabaseUnavailable } from '@motcua/db';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  LimitExceededError,
  NotFoundError,
  PreconditionFailedError,
  UnauthenticatedError,
  ValidationError,
} from '@motcua/domain';
import { InvalidObjectKeyError, StorageUnavailableError } from '@motcua/storage';
import { MessagePage, pickLocale, t } from '@motcua/ui';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import type { AppEnv } from './context.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

interface Mapped {
  status: ContentfulStatusCode;
  body: ErrorBody;
}

const httpCodes: Partial<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

function domainStatus(error: DomainError): ContentfulStatusCode {
  if (error instanceof ValidationError) return 400;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError || error instanceof PreconditionFailedError) return 409;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof LimitExceededError) return 429;
  return 400;
}

export function zodDetails(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Maps any thrown value; `undefined` means unknown (a 500 whose cause must be logged). */
export function mapError(error: unknown): Mapped | undefined {
  const body = (code: string, message: string, details?: unknown): ErrorBody => ({
    error: details === undefined ? { code, message } : { code, message, details },
  });
  if (error instanceof DomainError) {
    // Field problems, or else the facts of the refusal (a quota, a state), as `details`.
    return {
      status: domainStatus(error),
      body: body(error.code, error.message, error.details ?? error.facts),
    };
  }
  if (error instanceof InvalidSlugError) return { status: 400, body: body(error.code, error.message) };
  if (error instanceof StorageUnavailableError) return { status: 503, body: body(error.code, error.message) };
  // Keys are built from checked names and generated ids; should one still be refused, it came
  // from the request, and it says nothing about the server.
  if (error instanceof InvalidObjectKeyError) {
    return { status: 400, body: body('invalid_name', 'A name in the request cannot be used for a file.') };
  }
  if (error instanceof ZodError) {
    return { status: 400, body: body('invalid_input', 'The request is not valid.', zodDetails(error)) };
  }
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const message =
      status >= 500 ? 'The server could not complete the request.' : error.message || 'Bad request.';
    return { status, body: body(httpCodes[status] ?? 'http_error', message) };
  }
  if (error instanceof DeadlineExceededError) {
    return { status: 503, body: body('timeout', 'The server took too long to answer; please try again.') };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      body: body(
        'database_unavailable',
        'The service is briefly unavailable; please try again in a few seconds.',
      ),
    };
  }
  return undefined;
}

/** Seconds a client should wait after a 503 of a database outage or a timed-out request. */
const unavailableRetryAfter = 5;

export function wantsJson(c: Context<AppEnv>): boolean {
  const path = c.req.path;
  if (path.startsWith('/api/') || path === '/api' || path.endsWith('.json')) return true;
  return !(c.req.header('accept') ?? '').includes('text/html');
}

export function renderError(c: Context<AppEnv>, status: ContentfulStatusCode, body: ErrorBody) {
  if (wantsJson(c)) return c.json(body, status);
  const locale = pickLocale(c.req.query('lang'), c.req.header('accept-language'));
  const isServer = status >= 500;
  return c.html(
    <MessagePage
      locale={locale}
      path={c.req.path}
      basePath={c.env?.basePath ?? ''}
      siteName={c.get('tenant')?.name ?? t(locale, 'platformName')}
      title={
        isServer ? t(locale, 'errorTitle') : status === 404 ? t(locale, 'notFoundTitle') : body.error.message
      }
      body={isServer ? t(locale, 'errorBody') : status === 404 ? t(locale, 'notFoundBody') : ''}
      {...(isServer ? { detail: c.get('requestId') } : {})}
    />,
    status,
  );
}

/**
 * drizzle's "Failed query" errors carry the statement's parameters (names, addresses, ids):
 * the log keeps the statement and drops what was bound to it.
 */
function withoutQueryParameters(text: string): string {
  return text.replace(/\nparams: [^\n]*/g, '\nparams: [redacted]');
}

/** The PostgreSQL error code behind a failed query (e.g. 23502), which says what broke without data. */
function pgCode(error: Error): string | undefined {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

export function onError(error: Error, c: Context<AppEnv>) {
  const mapped = mapError(error);
  if (error instanceof LimitExceededError && error.retryAfterSeconds !== undefined) {
    c.header('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  }
  if (mapped && mapped.body.error.code === 'file_altered') {
    c.get('logger')?.warn('stored file altered: refused', { path: c.req.path });
  }
  if (mapped && mapped.status < 500) return renderError(c, mapped.status, mapped.body);
  if (error instanceof StorageUnavailableError && mapped) {
    // Expected while storage is away; its reason, not a stack per request. Before the database
    // check: a refused connection to storage carries the same network error codes.
    c.header('Retry-After', String(error.retryAfterSeconds));
    c.get('logger')?.warn('document storage unavailable', { reason: error.reason });
    return renderError(c, mapped.status, mapped.body);
  }
  if (mapped && (error instanceof DeadlineExceededError || isDatabaseUnavailable(error))) {
    // Expected while the database is away: a warning naming the cause, not a stack per request.
    c.header('Retry-After', String(unavailableRetryAfter));
    c.get('logger')?.warn('request not served', {
      code: mapped.body.error.code,
      error: error.name,
      ...(pgCode(error) ? { pgCode: pgCode(error) } : {}),
    });
    return renderError(c, mapped.status, mapped.body);
  }
  c.get('logger')?.error('request failed', {
    error: error.name,
    message: withoutQueryParameters(error.message),
    stack: withoutQueryParameters(error.stack ?? ''),
    ...(pgCode(error) ? { pgCode: pgCode(error) } : {}),
  });
  return renderError(
    c,
    mapped?.status ?? 500,
    mapped?.body ?? {
      error: { code: 'internal_error', message: 'The server could not complete the request.' },
    },
  );
}

export function onNotFound(c: Context<AppEnv>) {
  return renderError(c, 404, { error: { code: 'not_found', message: 'No such resource.' } });
}
