// API keys for the agency's integrations: `mc_<mode>_<prefix>_<secret>`. The prefix is
// stored in clear to find the key and to recognise it in lists and logs; the secret only as
// SHA-256, so a database leak yields no usable key.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { type ApiKey, type ApiKeyMode, apiKeyModes, apiKeys } from '@motcua/db/tenant';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Actor } from './permissions.ts';
import { constantTimeEqual, generateId, generateSecret, hashSecret, randomBase32 } from './tokens.ts';

/** A key as the API shows it: everything but the hash. */
export type PublicApiKey = Omit<ApiKey, 'secretHash'>;

export interface GeneratedApiKey {
  /** The whole key, shown to its creator once and never again. */
  key: string;
  /** `mc_<mode>_<8 characters>`, unique per tenant. */
  prefix: string;
  secretHash: Uint8Array;
}

export function generateApiKey(mode: ApiKeyMode): GeneratedApiKey {
  // 40 random bits make the prefix unique in practice among one tenant's keys (the unique
  // index catches the rest); the 160-bit secret is what makes the key unguessable.
  const prefix = `mc_${mode}_${randomBase32(5)}`;
  const secret = generateSecret();
  return { key: `${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

export function newApiKeyId(): string {
  return `key_${generateId()}`;
}

export interface ParsedApiKey {
  mode: ApiKeyMode;
  prefix: string;
  secret: string;
}

const keyPattern = new RegExp(`^(mc_(${apiKeyModes.join('|')})_[a-z2-7]{8})_([a-z2-7]{32})$`);

/** Syntax only, so that a malformed key is refused before any database work. */
export function parseApiKey(raw: unknown): ParsedApiKey | null {
  if (typeof raw !== 'string' || raw.length > 64) return null;
  const match = keyPattern.exec(raw);
  if (!match) return null;
  const [, prefix = '', mode, secret = ''] = match;
  return { mode: mode as ApiKeyMode, prefix, secret };
}

export const publicApiKeyColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  mode: apiKeys.mode,
  permissions: apiKeys.permissions,
  createdBy: apiKeys.createdBy,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

/** How often `lastUsedAt` is written: a busy integration must not write on every call. */
export const lastUsedResolutionMs = 60_000;

/** The live (not revoked) key a raw value stands for, or null. */
export async function verifyApiKey(
  database: Database,
  slug: TenantSlug,
  raw: unknown,
  now: Date = new Date(),
): Promise<PublicApiKey | null> {
  const parsed = parseApiKey(raw);
  if (!parsed) return null;
  return withTenant(database, slug, async (db) => {
    const [row] = await db
      .select({ ...publicApiKeyColumns, secretHash: apiKeys.secretHash })
      .from(apiKeys)
      .where(and(eq(apiKeys.prefix, parsed.prefix), isNull(apiKeys.revokedAt)));
    if (!row || !constantTimeEqual(row.secretHash, hashSecret(parsed.secret))) return null;
    const { secretHash: _, ...key } = row;
    const cutoff = new Date(now.getTime() - lastUsedResolutionMs);
    if (key.lastUsedAt === null || key.lastUsedAt < cutoff) {
      await db
        .update(apiKeys)
        .set({ lastUsedAt: now })
        .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, cutoff))));
      key.lastUsedAt = now;
    }
    return key;
  });
}

/** The actor a verified key acts as. */
export function apiKeyActor(key: Pick<PublicApiKey, 'id' | 'permissions'>): Actor {
  return { kind: 'api_key', id: key.id, permissions: key.permissions };
}
