// Every request body is read through one limit: a small default, more only where a route says it
// needs more (allowBody), refused with 413 as soon as it is known to be too large (from its
// Content-Length, or while it streams in without one), and JSON nested too deep refused with 400
// before anything parses it. What passes is kept in memory, so later readers get it at once.
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../context.ts';
import { renderError } from '../errors.tsx';

/** Enough for any sign-in, settings or action body; a route that needs more declares it. */
export const defaultBodyBytes = 64 * 1024;
/**
 * A JSON document a person builds up: a dossier's answers (saveDossier refuses more than 200,000
 * characters of them, up to three bytes each in UTF-8) or a procedure's version document.
 */
export const documentBodyBytes = 1024 * 1024;
/** No request of ours nests deeper than a few levels; 100,000 levels overflowed the stack. */
export const maxJsonDepth = 32;

type TooLarge = (c: Context<AppEnv>) => Response | Promise<Response>;

interface Allowance {
  maxBytes: number;
  /** A page's own answer (e.g. the form again with a message); the error shape otherwise. */
  onTooLarge?: TooLarge;
}

const allowance = Symbol('body allowance');
type Declared = MiddlewareHandler<AppEnv> & { [allowance]?: Allowance };

/**
 * A route's larger body limit. It does nothing itself: `limitBodies` finds it among the
 * handlers the request matched, before any of them runs, and applies it instead of the default.
 */
export function allowBody(declared: Allowance): MiddlewareHandler<AppEnv> {
  const marker: Declared = (_c, next) => next();
  marker[allowance] = declared;
  return marker;
}

function allowanceOf(c: Context<AppEnv>): Allowance | undefined {
  // The last declaration matched is the most specific one (a route's own after its folder's).
  return matchedRoutes(c)
    .map((route) => (route.handler as Declared)[allowance])
    .filter((a): a is Allowance => a !== undefined)
    .at(-1);
}

/** The body's bytes, or undefined as soon as they would exceed `maxBytes` (the rest is never read). */
async function readAtMost(request: Request, maxBytes: number): Promise<Uint8Array | undefined> {
  const declared = request.headers.get('content-length');
  if (declared !== null && !request.headers.has('transfer-encoding') && Number(declared) > maxBytes) {
    return undefined;
  }
  const reader = (request.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Stop reading; the server discards what the client still sends and closes the connection.
    if (size > maxBytes) {
      reader.releaseLock();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const [openBrace, openBracket, closeBrace, closeBracket, quote, backslash] = [...'{[}]"\\'].map((ch) =>
  ch.charCodeAt(0),
);

/** How deep JSON text nests, counted on its bytes (brackets inside strings do not count). */
export function jsonDepth(bytes: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === backslash) i++;
      else if (byte === quote) inString = false;
    } else if (byte === quote) inString = true;
    else if (byte === openBrace || byte === openBracket) deepest = Math.max(deepest, ++depth);
    else if (byte === closeBrace || byte === closeBracket) depth--;
  }
  return deepest;
}

export const isJson = (contentType: string | undefined) =>
  /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(contentType ?? '');

function refuse(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: unknown,
) {
  return renderError(c, status, {
    error: details === undefined ? { code, message } : { code, message, details },
  });
}

export function limitBodies() {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.req.raw.body) return next();
    const declared = allowanceOf(c);
    const maxBytes = declared?.maxBytes ?? defaultBodyBytes;
    const bytes = await readAtMost(c.req.raw, maxBytes);
    if (!bytes) {
      // The client may still be sending: it must not reuse this connection.
      c.header('Connection', 'close');
      if (declared?.onTooLarge) return declared.onTooLarge(c);
      return refuse(c, 413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes.`);
    }
    if (isJson(c.req.header('content-type')) && jsonDepth(bytes) > maxJsonDepth) {
      return refuse(c, 400, 'invalid_input', 'The request is not valid.', [
        { path: '', message: `JSON may nest at most ${maxJsonDepth} levels deep.` },
      ]);
    }
    c.req.raw = new Request(c.req.raw, { body: bytes });
    return next();
  });
}
