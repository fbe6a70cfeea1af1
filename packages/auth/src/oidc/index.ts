// The OpenID Connect relying party for tenants' national identity providers.

export {
  classifyAddress,
  type EgressPolicy,
  EgressRefusedError,
  isAllowedHost,
  resolveEgressTarget,
} from './egress.ts';
export {
  OidcDiscoveryError,
  OidcSignInError,
  type OidcSignInErrorCode,
  oidcSignInErrorCodes,
} from './errors.ts';
export {
  createRelyingParty,
  type OidcIdentity,
  type PendingSignIn,
  pendingSignInTtlMs,
  type RelyingParty,
  type RelyingPartyOptions,
} from './relying-party.ts';
export { type OidcSettings, OidcSettingsError, parseOidcSettings } from './settings.ts';
