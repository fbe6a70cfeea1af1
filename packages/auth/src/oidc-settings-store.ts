// A tenant's national identity provider (OpenID Connect) settings, kept in its own `settings`
// table under `oidc`: the agency registers the portal at the provider and owns the client.
import { type Database, type TenantDb, type TenantSlug, withTenant } from '@motcua/db';
import { settings } from '@motcua/db/tenant';
import { ValidationError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import { recordAudit } from './audit.ts';
import type { AuthContext } from './context.ts';
import { type EgressPolicy, EgressRefusedError, resolveEgressTarget } from './oidc/egress.ts';
import { OidcSettingsError, parseOidcSettings } from './oidc/settings.ts';
import { assertCan } from './permissions.ts';
import { sealedColumns } from './sealed-columns.ts';

export const oidcSettingsKey = 'oidc';

export interface TenantOidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * The callback registered at the provider. Absent: `<origin><basePath>/api/auth/oidc/callback`
   * of the host the sign-in started on. Set it when a proxy hides that origin from the app.
   */
  redirectUri?: string;
  /** The provider as citizens know it, for the sign-in button ("VNeID"). */
  displayName: string;
}

/** What an admin may read back: the client secret never leaves the database through a verb. */
export type OidcSettingsView = Omit<TenantOidcSettings, 'clientSecret'>;

export interface OidcSettingsContext extends AuthContext {
  /** Accept an `http:` redirect URI: development and tests only. */
  allowHttp?: boolean;
  /** Where the server may connect (public https hosts, and the operator's OIDC_ALLOWED_HOSTS). */
  egress?: EgressPolicy;
}

/** How the settings are read: the same rules as when they were stored. */
export interface OidcSettingsReadOptions {
  allowHttp?: boolean;
  allowedHosts?: readonly string[];
}

const displayNameMaxLength = 80;
// The redirect URI may be left to the request; parseOidcSettings requires one, so a reserved
// name (RFC 2606 `.invalid`) stands in while it checks the other fields.
const standInRedirectUri = 'https://redirect-uri.invalid/';

// One message whatever the reason an address is refused: telling loopback from private from
// "nothing there" would let an admin map the network behind the server.
const refusedIssuer =
  'issuer must be an identity provider on the public internet: this server does not connect to its address';

/** Throws `ValidationError` listing every problem; no message repeats a value (the secret). */
export function parseTenantOidcSettings(
  input: unknown,
  { allowHttp = false, allowedHosts = [] }: OidcSettingsReadOptions = {},
): TenantOidcSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError('The identity provider settings need correcting.', [
      { path: '', message: 'settings must be an object' },
    ]);
  }
  const raw = input as Record<string, unknown>;
  const problems: { path: string; message: string }[] = [];
  const { displayName } = raw;
  const redirectUri = raw.redirectUri === null ? undefined : raw.redirectUri;
  const isDisplayName =
    typeof displayName === 'string' &&
    displayName.trim() !== '' &&
    displayName === displayName.trim() &&
    displayName.length <= displayNameMaxLength;
  if (!isDisplayName) {
    problems.push({
      path: 'displayName',
      message: `displayName must be 1-${displayNameMaxLength} characters without surrounding spaces`,
    });
  }
  try {
    parseOidcSettings(
      { ...raw, redirectUri: redirectUri ?? standInRedirectUri },
      { allowHttp, allowedHosts },
    );
  } catch (error) {
    if (!(error instanceof OidcSettingsError)) throw error;
    // Each problem starts with the field it is about.
    problems.push(...error.problems.map((message) => ({ path: message.split(' ', 1)[0] ?? '', message })));
  }
  if (problems.length > 0) {
    throw new ValidationError('The identity provider settings need correcting.', problems);
  }
  return {
    issuer: raw.issuer as string,
    clientId: raw.clientId as string,
    clientSecret: raw.clientSecret as string,
    ...(redirectUri === undefined ? {} : { redirectUri: redirectUri as string }),
    displayName: displayName as string,
  };
}

/** Stores (replaces) the tenant's provider settings; `settings.manage` only. */
export async function setOidcSettings(ctx: OidcSettingsContext, input: unknown): Promise<OidcSettingsView> {
  assertCan(ctx.actor, 'settings.manage');
  const value = parseTenantOidcSettings(input, readOptions(ctx));
  await checkIssuerAddress(value.issuer, ctx.egress ?? {});
  const { clientSecret, ...view } = value;
  const stored = {
    ...value,
    clientSecret: ctx.database.secrets.seal(sealedColumns.oidcClientSecret, clientSecret),
  };
  await withTenant(ctx.database, ctx.slug, async (db) => {
    await db
      .insert(settings)
      .values({ key: oidcSettingsKey, value: stored })
      .onConflictDoUpdate({ target: settings.key, set: { value: stored, updatedAt: new Date() } });
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'settings.oidc_updated',
      subject: oidcSettingsKey,
      details: { ...view, redirectUri: view.redirectUri ?? null },
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
  });
  return view;
}

function readOptions(ctx: OidcSettingsContext): OidcSettingsReadOptions {
  return { allowHttp: ctx.allowHttp ?? false, allowedHosts: ctx.egress?.allowedHosts ?? [] };
}

/**
 * Refuses an issuer that is, or resolves to, an address the server must not connect to, so the
 * admin hears of it now. A name that does not resolve yet is accepted: every request to the
 * provider is checked again when it is made (see guarded-fetch.ts).
 */
async function checkIssuerAddress(issuer: string, egress: EgressPolicy): Promise<void> {
  try {
    await resolveEgressTarget(new URL(issuer), egress);
  } catch (error) {
    if (!(error instanceof EgressRefusedError)) throw error;
    if (error.reason === 'unresolved') return;
    throw new ValidationError('The identity provider settings need correcting.', [
      { path: 'issuer', message: refusedIssuer },
    ]);
  }
}

/** The tenant's provider settings without the secret, or null; `settings.manage` only. */
export async function getOidcSettings(ctx: OidcSettingsContext): Promise<OidcSettingsView | null> {
  assertCan(ctx.actor, 'settings.manage');
  // The view has no secret, so it is read without opening it.
  const stored = await withTenant(ctx.database, ctx.slug, (db) => readStored(db, ctx.slug, readOptions(ctx)));
  if (!stored) return null;
  const { clientSecret: _secret, ...view } = stored.settings;
  return view;
}

/** The stored settings, the client secret still sealed (or in clear, from before sealing). */
async function readStored(db: TenantDb, slug: TenantSlug, options: OidcSettingsReadOptions) {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, oidcSettingsKey));
  if (!row) return null;
  try {
    return {
      value: row.value as Record<string, unknown>,
      settings: parseTenantOidcSettings(row.value, options),
    };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const problems = (error.details as { message: string }[]).map((p) => p.message).join('; ');
    throw new Error(`The stored OpenID Connect settings of tenant ${slug} are invalid: ${problems}`);
  }
}

/**
 * The full settings, secret opened, for the sign-in verbs (a citizen signing in is nobody's
 * actor yet). Not exported from the package. A stored value that no longer parses is an
 * operator's problem, reported as an error, not as "not configured". A secret stored in clear
 * (from before sealing) or under a rotated-out key is sealed again in the same unit of work.
 */
export async function loadOidcSettings(
  database: Database,
  slug: TenantSlug,
  options: OidcSettingsReadOptions = {},
): Promise<TenantOidcSettings | null> {
  const { secrets } = database;
  return withTenant(database, slug, async (db) => {
    const stored = await readStored(db, slug, options);
    if (!stored) return null;
    const opened = secrets.open(sealedColumns.oidcClientSecret, stored.settings.clientSecret);
    if (opened.stale) {
      const clientSecret = secrets.seal(sealedColumns.oidcClientSecret, opened.value);
      await db
        .update(settings)
        .set({ value: { ...stored.value, clientSecret } })
        .where(eq(settings.key, oidcSettingsKey));
    }
    return { ...stored.settings, clientSecret: opened.value };
  });
}
