// Error helpers: PostgreSQL codes through drizzle's wrapping, and the message a run records.
import { DomainError } from '@motcua/domain';

interface WithCause {
  cause?: unknown;
  code?: unknown;
}

/** The SQLSTATE of a PostgreSQL error, also when drizzle wrapped it (`DrizzleQueryError.cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  return findPgError(error)?.code;
}

function findPgError(error: unknown): { code: string; message: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const { code, cause } = current as WithCause;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, message: String((current as { message?: unknown }).message ?? '') };
    }
    current = cause;
  }
  return undefined;
}

const maxMessageLength = 300;

/**
 * A message that is safe to store on a run and show to an operator: no stack, no SQL text
 * or bound parameters (drizzle puts both in its own message), no credentials in URLs.
 */
export function safeErrorMessage(error: unknown): string {
  if (error instanceof DomainError) return clip(error.message);
  const pg = findPgError(error);
  if (pg) return clip(`database error ${pg.code}: ${firstLine(pg.message)}`);
  if (error instanceof Error) {
    const prefix = error.name && error.name !== 'Error' ? `${error.name}: ` : '';
    return clip(`${prefix}${firstLine(error.message)}`);
  }
  return clip(firstLine(String(error)));
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/\/\/[^/\s@]+@/g, '//***@').trim();
}

function clip(text: string): string {
  if (!text) return 'unknown error';
  return text.length > maxMessageLength ? `${text.slice(0, maxMessageLength - 1)}…` : text;
}
