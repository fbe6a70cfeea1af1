// The relying party's only way out to the network (openid-client's customFetch): every request
// (discovery, JWKS, token, UserInfo) is checked by the egress policy and connects to the very
// address the check approved. Redirects are never followed (openid-client asks for none, and
// a redirect is how a checked host would hand the request on to an unchecked one).
import type { IncomingMessage, RequestOptions } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { type EgressPolicy, type ResolvedAddress, resolveEgressTarget } from './egress.ts';

/** What openid-client passes to a custom fetch (its `CustomFetchOptions`). */
export interface GuardedFetchInit {
  method: string;
  headers: Record<string, string>;
  body?: unknown;
  redirect?: 'manual';
  signal?: AbortSignal;
}

export type GuardedFetch = (url: string, init: GuardedFetchInit) => Promise<Response>;

/** A provider's documents and tokens are small; anything larger is not an answer to wait for. */
const maxResponseBytes = 1024 * 1024;
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

export function createGuardedFetch(policy: EgressPolicy = {}): GuardedFetch {
  return async (input, init) => {
    const url = new URL(input);
    const target = await resolveEgressTarget(url, policy);
    return send(url, target, init);
  };
}

function pinnedLookup({ address, family }: ResolvedAddress): LookupFunction {
  // Node asks with `all: true` when it may try several addresses (happy eyeballs): it gets one.
  return ((_hostname, options, callback) => {
    if ((options as { all?: boolean }).all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
}

function bodyOf(body: unknown): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new TypeError('unsupported request body');
}

function send(url: URL, target: ResolvedAddress, init: GuardedFetchInit): Promise<Response> {
  const body = bodyOf(init.body);
  const options: RequestOptions = {
    method: init.method,
    // A length rather than chunked encoding, which some token endpoints refuse.
    headers:
      body === undefined
        ? init.headers
        : { ...init.headers, 'content-length': String(Buffer.byteLength(body)) },
    // A fresh connection each time: a pooled one could have been opened for another address.
    agent: false,
    // Used for names only; a literal address is connected to as it is (and was checked as it is).
    lookup: pinnedLookup(target),
    ...(init.signal ? { signal: init.signal } : {}),
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Response>((resolve, reject) => {
    const req = request(url, options, (res) => {
      readBody(res).then((bytes) => resolve(toResponse(res, bytes)), reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function readBody(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > maxResponseBytes) {
      res.destroy();
      throw new Error(`response larger than ${maxResponseBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function toResponse(res: IncomingMessage, bytes: Buffer): Response {
  const headers = new Headers();
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    headers.append(res.rawHeaders[i] as string, res.rawHeaders[i + 1] as string);
  }
  const status = res.statusCode ?? 502;
  return new Response(nullBodyStatuses.has(status) ? null : new Uint8Array(bytes), {
    status,
    statusText: res.statusMessage ?? '',
    headers,
  });
}
