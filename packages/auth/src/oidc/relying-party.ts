// The relying-party core for a tenant's national identity provider (VNeID-style): authorization
// code with PKCE, state and nonce, ID token verified against the provider's JWKS. Every
// protocol check is openid-client's; this module decides what to keep and how failures read.
import * as client from 'openid-client';
import type { EgressPolicy } from './egress.ts';
import { OidcDiscoveryError, OidcSignInError, toSignInError } from './errors.ts';
import { createGuardedFetch } from './guarded-fetch.ts';
import { type OidcSettings, type ParsedOidcSettings, parseOidcSettings } from './settings.ts';

/** How long a started sign-in may wait for its callback. */
export const pendingSignInTtlMs = 10 * 60 * 1000;
// A pending sign-in made by a sibling process whose clock runs a little ahead is still ours.
const clockSkewMs = 60 * 1000;
// openid-client's default is 30 s; a citizen should not watch a spinner that long.
const requestTimeoutSeconds = 10;

/**
 * What the caller keeps server-side (or in a signed, HttpOnly cookie) between `beginSignIn` and
 * the callback. Holds no secret of the client; `createdAt` is epoch milliseconds so it
 * survives JSON.
 */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  createdAt: number;
}

/** The verified identity of the person who signed in at the provider. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email?: string;
  name?: string;
  emailVerified?: boolean;
}

export interface RelyingParty {
  readonly issuer: string;
  beginSignIn(now?: Date): Promise<{ url: string; pending: PendingSignIn }>;
  /** Throws `OidcSignInError` for every failure. */
  completeSignIn(callbackUrl: URL, pending: PendingSignIn, now?: Date): Promise<OidcIdentity>;
}

export interface RelyingPartyOptions {
  /** Allow an `http:` redirect URI. Tests and local development only. */
  allowHttp?: boolean;
  /** Where requests may go: public https hosts, and those the operator allows (see egress.ts). */
  egress?: EgressPolicy;
}

/**
 * Validates `settings` now (throws `OidcSettingsError`) and discovers the provider on first use.
 * The discovered configuration is kept for the life of the relying party; a failed discovery
 * (`OidcDiscoveryError`) is not kept, so the next sign-in tries again.
 */
export function createRelyingParty(settings: OidcSettings, options: RelyingPartyOptions = {}): RelyingParty {
  const egress = options.egress ?? {};
  const parsed = parseOidcSettings(settings, {
    allowHttp: options.allowHttp ?? false,
    allowedHosts: egress.allowedHosts ?? [],
  });
  let configuration: Promise<client.Configuration> | undefined;

  function discover(): Promise<client.Configuration> {
    configuration ??= discoverProvider(parsed, egress).catch((error: unknown) => {
      configuration = undefined;
      throw new OidcDiscoveryError(parsed.issuer, error);
    });
    return configuration;
  }

  return {
    issuer: parsed.issuer,
    beginSignIn: async (now = new Date()) => beginSignIn(await discover(), parsed, now),
    completeSignIn: async (callbackUrl, pending, now = new Date()) => {
      try {
        checkPending(pending, now);
        return await completeSignIn(await discover(), parsed, callbackUrl, pending);
      } catch (error) {
        throw toSignInError(error);
      }
    },
  };
}

function discoverProvider(settings: ParsedOidcSettings, egress: EgressPolicy): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  // The secret travels only inside the client-authentication closure, not in the client
  // metadata that the configuration exposes. The configuration keeps the guarded fetch for
  // every later request (JWKS, token, UserInfo), wherever the discovery document points.
  return client.discovery(
    issuer,
    settings.clientId,
    undefined,
    client.ClientSecretBasic(settings.clientSecret),
    {
      [client.customFetch]: createGuardedFetch(egress),
      // Only an issuer the operator allowed can be http (parseOidcSettings); the guard still
      // refuses http to any other host the provider names.
      execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
      timeout: requestTimeoutSeconds,
    },
  );
}

async function beginSignIn(
  configuration: client.Configuration,
  settings: ParsedOidcSettings,
  now: Date,
): Promise<{ url: string; pending: PendingSignIn }> {
  const pending: PendingSignIn = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
    createdAt: now.getTime(),
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUri,
    scope: settings.scopes.join(' '),
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url: url.href, pending };
}

function checkPending(pending: PendingSignIn, now: Date): void {
  const wellFormed =
    typeof pending === 'object' &&
    pending !== null &&
    [pending.state, pending.nonce, pending.codeVerifier].every((v) => typeof v === 'string' && v !== '') &&
    Number.isFinite(pending.createdAt);
  if (!wellFormed) throw new OidcSignInError('invalid_response', 'pending sign-in is malformed');
  const age = now.getTime() - pending.createdAt;
  // Checked before any request, so a stale or forged pending sign-in never reaches the provider.
  if (age > pendingSignInTtlMs || age < -clockSkewMs) {
    throw new OidcSignInError('expired', `pending sign-in is ${Math.round(age / 1000)} s old`);
  }
}

async function completeSignIn(
  configuration: client.Configuration,
  settings: ParsedOidcSettings,
  callbackUrl: URL,
  pending: PendingSignIn,
): Promise<OidcIdentity> {
  // openid-client checks state too, but reports a mismatch like any malformed response; this
  // check exists to give it its own code. It precedes `error=`, as in openid-client, because an
  // error answer for someone else's sign-in is not ours to report.
  if (callbackUrl.searchParams.get('state') !== pending.state) {
    throw new OidcSignInError('state_mismatch', 'callback state differs from the pending sign-in');
  }
  const tokens = await client.authorizationCodeGrant(configuration, responseAt(settings, callbackUrl), {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new OidcSignInError('invalid_response', 'no ID token in the token response');

  const identity = identityFrom(claims.iss, claims);
  const wantsProfile = settings.scopes.includes('profile') || settings.scopes.includes('email');
  const missing = identity.name === undefined || identity.email === undefined;
  if (wantsProfile && missing && configuration.serverMetadata().userinfo_endpoint) {
    // Many providers (oidc-provider by default) put profile claims only in UserInfo once an
    // access token is issued. openid-client refuses a UserInfo answer for another subject.
    const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, identity.subject);
    return { ...identityFrom(claims.iss, userInfo), ...definedOnly(identity) };
  }
  return identity;
}

/**
 * The authorization response re-based on the registered redirect URI: openid-client sends the
 * callback's own origin and path as `redirect_uri`, which behind a proxy (http inside, another
 * host name) would not be the registered one and the provider would refuse the code.
 */
function responseAt(settings: ParsedOidcSettings, callbackUrl: URL): URL {
  const url = new URL(settings.redirectUri);
  for (const key of callbackUrl.searchParams.keys()) url.searchParams.delete(key);
  for (const [key, value] of callbackUrl.searchParams) url.searchParams.append(key, value);
  return url;
}

function identityFrom(issuer: string, claims: Record<string, unknown>): OidcIdentity {
  return definedOnly({
    issuer,
    subject: String(claims.sub),
    email: typeof claims.email === 'string' ? claims.email : undefined,
    name: typeof claims.name === 'string' ? claims.name : undefined,
    emailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : undefined,
  });
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
