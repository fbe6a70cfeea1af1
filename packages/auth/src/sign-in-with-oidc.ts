// Citizens' sign-in through the agency's national identity provider (OpenID Connect). The
// provider vouches for the person, so the account is marked identity-verified and the session
// needs no second factor. The transport keeps the pending sign-in (state, nonce, PKCE verifier)
// between the two steps, bound to this tenant and safe from tampering.
import { createHash } from 'node:crypto';
import { type Database, newId, type TenantDb, type TenantSlug, withTenant } from '@motcua/db';
import { citizens } from '@motcua/db/tenant';
import { DomainError } from '@motcua/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from './audit.ts';
import type { EgressPolicy } from './oidc/egress.ts';
import { OidcDiscoveryError, OidcSignInError } from './oidc/errors.ts';
import {
  createRelyingParty,
  type OidcIdentity,
  type PendingSignIn,
  type RelyingParty,
} from './oidc/relying-party.ts';
import { loadOidcSettings, type TenantOidcSettings } from './oidc-settings-store.ts';
import { createTenantSession } from './tenant-sessions.ts';

export interface OidcSignInContext {
  database: Database;
  slug: TenantSlug;
  /** The callback on the host the citizen is using; the tenant's settings may name another. */
  redirectUri: string;
  /** Accept an `http:` redirect URI: development and tests only. */
  allowHttp?: boolean;
  /** Where the server may connect (public https hosts, and the operator's OIDC_ALLOWED_HOSTS). */
  egress?: EgressPolicy;
  requestId?: string;
  ip?: string;
}

/** How the signed-in identity met an account. */
export type OidcSignInOutcome = 'returning' | 'linked' | 'created';

export interface OidcSignInResult {
  token: string;
  expiresAt: Date;
  citizenId: string;
  outcome: OidcSignInOutcome;
}

export class OidcNotConfiguredError extends DomainError {
  override name = 'OidcNotConfiguredError';
  readonly code = 'oidc_not_configured';
  constructor() {
    super('This agency does not offer sign-in through an identity provider.');
  }
}

// Shown until the citizen completes their profile, when the provider sends no name.
const unnamedCitizen = 'Công dân';

const maxRelyingParties = 256;
// One relying party per tenant and settings, so the provider is discovered once, not per sign-in.
// Keyed by a digest of the settings: a change takes effect on the next sign-in (settings are
// read every time), and the key holds no secret. Least recently used goes first.
const relyingParties = new Map<string, RelyingParty>();

function relyingPartyFor(ctx: OidcSignInContext, settings: TenantOidcSettings): RelyingParty {
  const allowHttp = ctx.allowHttp ?? false;
  const egress = ctx.egress ?? {};
  const redirectUri = settings.redirectUri ?? ctx.redirectUri;
  const { issuer, clientId, clientSecret } = settings;
  const key = createHash('sha256')
    .update(
      JSON.stringify([ctx.slug, allowHttp, egress.allowedHosts, issuer, clientId, clientSecret, redirectUri]),
    )
    .digest('base64url');
  const cached = relyingParties.get(key);
  if (cached) {
    relyingParties.delete(key);
    relyingParties.set(key, cached);
    return cached;
  }
  const created = createRelyingParty({ issuer, clientId, clientSecret, redirectUri }, { allowHttp, egress });
  if (relyingParties.size >= maxRelyingParties) {
    relyingParties.delete(relyingParties.keys().next().value as string);
  }
  relyingParties.set(key, created);
  return created;
}

async function configuredRelyingParty(ctx: OidcSignInContext): Promise<RelyingParty> {
  const settings = await loadOidcSettings(ctx.database, ctx.slug, {
    allowHttp: ctx.allowHttp ?? false,
    allowedHosts: ctx.egress?.allowedHosts ?? [],
  });
  if (!settings) throw new OidcNotConfiguredError();
  return relyingPartyFor(ctx, settings);
}

/** The provider's authorization URL to send the browser to, and what to keep until the callback. */
export async function beginOidcSignIn(
  ctx: OidcSignInContext,
): Promise<{ url: string; pending: PendingSignIn }> {
  const relyingParty = await configuredRelyingParty(ctx);
  try {
    return await relyingParty.beginSignIn();
  } catch (error) {
    if (error instanceof OidcDiscoveryError) throw new OidcSignInError('provider_unavailable', error.message);
    throw error;
  }
}

/**
 * Redeems the callback and signs the citizen in. `pending` is null when the transport holds no
 * valid pending sign-in for this tenant (missing, forged, another tenant's). Every failure is
 * an `OidcSignInError` with an audit row, and leaves no account or session behind.
 */
export async function completeOidcSignIn(
  ctx: OidcSignInContext,
  input: { callbackUrl: URL | string; pending: PendingSignIn | null },
): Promise<OidcSignInResult> {
  const relyingParty = await configuredRelyingParty(ctx);
  const audit = { requestId: ctx.requestId, ip: ctx.ip };
  let identity: OidcIdentity;
  try {
    if (!input.pending) {
      throw new OidcSignInError('state_mismatch', 'no valid pending sign-in for this tenant');
    }
    identity = await relyingParty.completeSignIn(new URL(input.callbackUrl), input.pending);
  } catch (error) {
    if (error instanceof OidcSignInError) {
      // The code only: the diagnostic can quote the provider, and the log is permanent.
      await withTenant(ctx.database, ctx.slug, (db) =>
        recordAudit(db, {
          actor: 'anonymous',
          action: 'auth.oidc_failed',
          details: { code: error.code },
          ...audit,
        }),
      );
    }
    throw error;
  }
  const citizen = await withTenant(ctx.database, ctx.slug, async (db) => {
    const found = await findOrCreateCitizen(db, identity);
    // Who it was is the citizen row's business (it holds issuer and subject); the log only
    // says which account signed in and how it was found.
    await recordAudit(db, {
      actor: { kind: 'citizen', id: found.id },
      action: 'auth.oidc_sign_in',
      subject: found.id,
      details: { outcome: found.outcome },
      ...audit,
    });
    return found;
  });
  const { token, session } = await createTenantSession(ctx.database, ctx.slug, {
    kind: 'citizen',
    principalId: citizen.id,
    twoFactorVerified: true,
  });
  return { token, expiresAt: session.expiresAt, citizenId: citizen.id, outcome: citizen.outcome };
}

/**
 * The citizen for a verified identity: the one already linked to it; else the one whose email
 * the provider says the person controls, if that account has no identity yet; else a new one.
 * An email the provider has not verified is neither matched nor stored: stored, it would
 * claim the address and keep its owner from registering it.
 */
export async function findOrCreateCitizen(
  db: TenantDb,
  identity: OidcIdentity,
): Promise<{ id: string; outcome: OidcSignInOutcome }> {
  const { issuer, subject } = identity;
  const sameIdentity = and(eq(citizens.oidcIssuer, issuer), eq(citizens.oidcSubject, subject));
  const [known] = await db
    .update(citizens)
    .set({ identityVerified: true })
    .where(sameIdentity)
    .returning({ id: citizens.id });
  if (known) return { id: known.id, outcome: 'returning' };

  const email = identity.emailVerified === true && identity.email ? identity.email.toLowerCase() : null;
  if (email) {
    const [linked] = await db
      .update(citizens)
      .set({ oidcIssuer: issuer, oidcSubject: subject, identityVerified: true })
      .where(and(sql`lower(${citizens.email}) = ${email}`, isNull(citizens.oidcIssuer)))
      .returning({ id: citizens.id });
    if (linked) return { id: linked.id, outcome: 'linked' };
  }

  const row = {
    fullName: identity.name?.trim() || unnamedCitizen,
    identityVerified: true,
    oidcIssuer: issuer,
    oidcSubject: subject,
  };
  const [created] = await db
    .insert(citizens)
    .values({ id: newId('usr'), email, ...row })
    .onConflictDoNothing()
    .returning({ id: citizens.id });
  if (created) return { id: created.id, outcome: 'created' };
  // A concurrent sign-in of the same person committed first (PostgreSQL waited for it), or the
  // email belongs to an account already linked to another identity.
  const [raced] = await db.select({ id: citizens.id }).from(citizens).where(sameIdentity);
  if (raced) return { id: raced.id, outcome: 'returning' };
  const [withoutEmail] = await db
    .insert(citizens)
    .values({ id: newId('usr'), email: null, ...row })
    .returning({ id: citizens.id });
  if (!withoutEmail) throw new Error('inserting a citizen returned no row');
  return { id: withoutEmail.id, outcome: 'created' };
}
