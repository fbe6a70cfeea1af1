// A tenant's OpenID Provider settings, checked by hand (zod is not a dependency of @motcua/auth).

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

export function parseOidcSettings(input: unknown, { allowHttp = false } = {}): ParsedOidcSettings {
  if (typeof input !== 'object' || input === null)
    throw new OidcSettingsError(['settings must be an object']);
  const raw = input as Record<string, unknown>;
  const problems: string[] = [];
  const protocols = allowHttp ? ['https:', 'http:'] : ['https:'];

  const issuer = checkUrl(raw.issuer, 'issuer', protocols, problems);
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
