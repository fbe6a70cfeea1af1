// Errors of the OpenID Connect relying party, and the one place openid-client's errors are read.
import { DomainError } from '@motcua/domain';
import { AuthorizationResponseError, ClientError, ResponseBodyError } from 'openid-client';
import { EgressRefusedError } from './egress.ts';

export const oidcSignInErrorCodes = [
  'state_mismatch',
  'nonce_mismatch',
  'expired',
  'provider_error',
  'invalid_response',
  'provider_unavailable',
] as const;

export type OidcSignInErrorCode = (typeof oidcSignInErrorCodes)[number];

const messages: Record<OidcSignInErrorCode, string> = {
  state_mismatch: 'This sign-in answer does not match a sign-in started here. Please start again.',
  nonce_mismatch: "The identity provider's answer does not belong to this sign-in. Please start again.",
  expired: 'The sign-in took too long. Please start again.',
  provider_error: 'The identity provider did not complete the sign-in. Please try again.',
  invalid_response: "The identity provider's answer could not be verified. Please start again.",
  provider_unavailable: 'The identity provider could not be reached. Please try again in a few minutes.',
};

/**
 * A failed sign-in. `message` is fixed per `code` and safe to show a person (localise by `code`).
 * `diagnostic` is for operators' logs: library error codes and the provider's error, never
 * token contents, claims or secrets. It is deliberately not `details`, which the API's one
 * error shape would send to the browser.
 */
export class OidcSignInError extends DomainError {
  override name = 'OidcSignInError';
  constructor(
    readonly code: OidcSignInErrorCode,
    readonly diagnostic?: string,
  ) {
    super(messages[code]);
  }
}

/** The provider's discovery document could not be fetched or did not describe `issuer`. */
export class OidcDiscoveryError extends Error {
  override name = 'OidcDiscoveryError';
  constructor(
    readonly issuer: string,
    cause: unknown,
  ) {
    super(`Could not discover the OpenID Provider ${issuer}: ${describeError(cause)}`, { cause });
  }
}

/** Classifies whatever openid-client (or the network under it) threw during a callback. */
export function toSignInError(error: unknown): OidcSignInError {
  if (error instanceof OidcSignInError) return error;
  if (error instanceof OidcDiscoveryError) return new OidcSignInError('provider_unavailable', error.message);
  if (error instanceof AuthorizationResponseError) {
    return new OidcSignInError('provider_error', providerError(error.error, error.error_description));
  }
  if (error instanceof ResponseBodyError) {
    return new OidcSignInError(
      'invalid_response',
      `HTTP ${error.status} ${providerError(error.error, error.error_description)}`,
    );
  }
  if (isNonceMismatch(error)) return new OidcSignInError('nonce_mismatch', describeError(error));
  if (isUnreachable(error)) return new OidcSignInError('provider_unavailable', describeError(error));
  return new OidcSignInError('invalid_response', describeError(error));
}

function isNonceMismatch(error: unknown): boolean {
  if (!(error instanceof ClientError) || error.code !== 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') return false;
  // openid-client keeps oauth4webapi's failure in `cause`, which names the claim compared.
  const inner = error.cause as { cause?: { claim?: unknown } } | undefined;
  return inner?.cause?.claim === 'nonce';
}

const networkErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'ABORT_ERR',
  'UND_ERR_SOCKET',
]);

function isUnreachable(error: unknown): boolean {
  for (const link of causeChain(error)) {
    const code = (link as { code?: unknown }).code;
    if (code === 'OAUTH_TIMEOUT' || code === 'OAUTH_ABORT') return true;
    // The egress policy refused a request: to a person, the provider cannot be reached.
    if (link instanceof EgressRefusedError) return true;
    // undici reports every connection failure as this TypeError; node:http (the guarded fetch)
    // with the system error's code, or an AbortError when the request timed out.
    if (link instanceof TypeError && link.message === 'fetch failed') return true;
    if (typeof code === 'string' && networkErrorCodes.has(code)) return true;
    if (link.name === 'AbortError' || link.name === 'TimeoutError') return true;
  }
  return false;
}

/**
 * `name[code]: message` of each Error in the cause chain. Non-Error causes are skipped: in
 * openid-client they carry response bodies and ID token claims.
 */
export function describeError(error: unknown): string {
  const parts = causeChain(error).map((link) => {
    const code = (link as { code?: unknown }).code;
    return `${link.name}${typeof code === 'string' ? `[${code}]` : ''}: ${link.message}`;
  });
  return clean(parts.join(' <- ') || String(error));
}

function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  let current = error;
  while (current instanceof Error && chain.length < 5) {
    chain.push(current);
    current = current.cause;
  }
  return chain;
}

function providerError(code: string, description: string | undefined): string {
  return clean(`error=${code}${description ? ` (${description})` : ''}`);
}

// Provider text and callback parameters are attacker-controlled: one line, bounded length.
function clean(text: string): string {
  const line = text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  return line.length > 400 ? `${line.slice(0, 399)}…` : line;
}
