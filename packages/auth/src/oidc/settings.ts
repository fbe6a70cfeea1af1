// A tenant's OpenID Provider settings, checked by hand (zod is not a dependency of @motcua/auth).
import { isAllowedHost } from './egress.ts';

export interface OidcSettings {
  /** The provider's Issuer Identifier, exactly as its discovery document states it. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The callback URL registered at the provider; the token request repeats it verbatim. */
  redirectUri: string;
  /** Must include `openid`. Default: openid, profile, email. */
  scopes?: string[];
}

export type ParsedOidcSettings = Required<OidcSettings>;

export const defaultScopes: readonly string[] = ['openid', 'profile', 'email'];

/** Lists every problem at once; no message repeats a value, so the secret never reaches a log. */
export class OidcSettingsError extends Error {
  override name = 'OidcSettingsError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid OpenID Connect settings: ${problems.join('; ')}`);
  }
}

export interface OidcSettingsOptions {
  /** Accept an `http:` redirect URI: development and tests only. */
  allowHttp?: boolean;
  /** Hosts the operator allows (OIDC_ALLOWED_HOSTS); an issuer on one of them may use `http:`. */
  allowedHosts?: readonly string[];
}

export function parseOidcSettings(
  input: unknown,
  { allowHttp = false, allowedHosts = [] }: OidcSettingsOptions = {},
): ParsedOidcSettings {
  if (typeof input !== 'object' || input === null)
    throw new OidcSettingsError(['settings must be an object']);
  const raw = input as Record<string, unknown>;
  const problems: string[] = [];
  const protocols = allowHttp ? ['https:', 'http:'] : ['https:'];
  // Plain http only to a provider the operator named (a local one in development and tests).
  const issuerUrl = typeof raw.issuer === 'string' ? URL.parse(raw.issuer) : null;
  const issuerProtocols =
    issuerUrl && isAllowedHost(issuerUrl, { allowedHosts }) ? ['https:', 'http:'] : ['https:'];

  const issuer = checkUrl(raw.issuer, 'issuer', issuerProtocols, problems);
  if (issuer && (issuer.search || issuer.hash)) {
    // OpenID Connect Discovery 1.0 §3: an issuer has no query or fragment component.
    problems.push('issuer must not have a query or fragment');
  }
  const redirectUri = checkUrl(raw.redirectUri, 'redirectUri', protocols, problems);
  if (redirectUri?.hash) problems.push('redirectUri must not have a fragment');
  const clientId = checkText(raw.clientId, 'clientId', problems);
  const clientSecret = checkText(raw.clientSecret, 'clientSecret', problems);
  const scopes = checkScopes(raw.scopes, problems);

  if (problems.length > 0) throw new OidcSettingsError(problems);
  return {
    issuer: raw.issuer as string,
    clientId: clientId as string,
    clientSecret: clientSecret as string,
    redirectUri: raw.redirectUri as string,
    scopes: scopes as string[],
  };
}

function checkText(value: unknown, field: string, problems: string[]): string | undefined {
  if (typeof value === 'string' && value.trim() !== '' && value === value.trim()) return value;
  problems.push(`${field} must be a non-empty string without surrounding spaces`);
  return undefined;
}

function checkUrl(value: unknown, field: string, protocols: string[], problems: string[]): URL | undefined {
  const url = typeof value === 'string' ? URL.parse(value) : null;
  if (!url) {
    problems.push(`${field} must be an absolute URL`);
    return undefined;
  }
  if (!protocols.includes(url.protocol)) {
    problems.push(`${field} must use ${protocols.join(' or ')}`);
    return undefined;
  }
  // Credentials in a URL end up in logs and error messages.
  if (url.username || url.password) {
    problems.push(`${field} must not contain a user name or password`);
    return undefined;
  }
  return url;
}

function checkScopes(value: unknown, problems: string[]): string[] | undefined {
  if (value === undefined) return [...defaultScopes];
  // RFC 6749 §3.3 scope-token characters.
  if (
    !Array.isArray(value) ||
    !value.every((scope) => typeof scope === 'string' && /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope))
  ) {
    problems.push('scopes must be a list of scope names without spaces');
    return undefined;
  }
  if (!value.includes('openid')) {
    problems.push('scopes must include openid (without it the provider issues no ID token)');
    return undefined;
  }
  return [...new Set(value as string[])];
}
