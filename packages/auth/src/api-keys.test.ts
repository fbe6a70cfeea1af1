import { type TenantSlug, withTenant } from '@motcua/db';
import { apiKeys } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { later, untouchableDatabase } from '../test/fixtures.ts';
import { generateApiKey, parseApiKey, verifyApiKey } from './api-keys.ts';
import { createApiKey } from './create-api-key.ts';
import type { Actor } from './permissions.ts';
import { revokeApiKey } from './revoke-api-key.ts';
import { hashSecret } from './tokens.ts';

const database = useTestDatabase(4);
const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };

async function newKey(slug?: TenantSlug) {
  const tenant = slug ?? (await createTestTenant(database));
  const created = await createApiKey(
    { database, slug: tenant, actor: admin },
    { name: 'Cổng DVC quốc gia', mode: 'live', permissions: ['dossiers.read'] },
  );
  return { slug: tenant, ...created };
}

async function lastUsedAt(slug: TenantSlug, id: string) {
  const [row] = await withTenant(database, slug, (db) =>
    db.select({ lastUsedAt: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, id)),
  );
  return row?.lastUsedAt;
}

describe('generateApiKey and parseApiKey', () => {
  it('makes mc_<mode>_<prefix>_<secret> and hashes the secret', () => {
    for (const mode of ['live', 'test'] as const) {
      const { key, prefix, secretHash } = generateApiKey(mode);
      expect(prefix).toMatch(new RegExp(`^mc_${mode}_[a-z2-7]{8}$`));
      expect(key.startsWith(`${prefix}_`)).toBe(true);
      const parsed = parseApiKey(key);
      expect(parsed).toEqual({ mode, prefix, secret: key.slice(prefix.length + 1) });
      expect(secretHash).toEqual(hashSecret(parsed!.secret));
    }
    expect(generateApiKey('live').key).not.toBe(generateApiKey('live').key);
  });

  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['unknown mode', 'mc_prod_abcdefgh_abcdefghijklmnopqrstuvwxyz234567'],
    ['short secret', 'mc_live_abcdefgh_abcdefghijklmnopqrstuvwxyz23456'],
    ['upper case', 'MC_LIVE_ABCDEFGH_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'],
    ['outside base32', 'mc_live_abcdefg1_abcdefghijklmnopqrstuvwxyz234567'],
    ['trailing part', 'mc_live_abcdefgh_abcdefghijklmnopqrstuvwxyz234567_x'],
    ['other vendor', 'sk_live_abcdefgh_abcdefghijklmnopqrstuvwxyz234567'],
  ])('refuses a malformed key (%s)', (_label, raw) => {
    expect(parseApiKey(raw)).toBeNull();
  });
});

describe('verifyApiKey', () => {
  it('stores the hash only and verifies the key shown once', async () => {
    const { slug, key, apiKey } = await newKey();
    const secret = key.split('_').at(-1)!;
    const stored = await withTenant(database, slug, (db) =>
      db.execute<{
        row: string;
      }>(sql`select concat_ws(' ', id, name, prefix, encode(secret_hash, 'hex'), mode,
        permissions::text, created_by) as row from api_keys`),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.row).not.toContain(secret);
    expect(stored[0]!.row).toContain(Buffer.from(hashSecret(secret)).toString('hex'));
    expect(apiKey).not.toHaveProperty('secretHash');

    const verified = await verifyApiKey(database, slug, key);
    expect(verified).toMatchObject({
      id: apiKey.id,
      name: 'Cổng DVC quốc gia',
      permissions: ['dossiers.read'],
    });
    expect(verified).not.toHaveProperty('secretHash');
  });

  it('refuses a wrong secret, an unknown prefix, a revoked key and another tenant’s key', async () => {
    const { slug, key, apiKey } = await newKey();
    const flipped = `${key.slice(0, -1)}${key.endsWith('a') ? 'b' : 'a'}`;
    expect(await verifyApiKey(database, slug, flipped)).toBeNull();
    expect(await verifyApiKey(database, slug, generateApiKey('live').key)).toBeNull();

    const other = await createTestTenant(database);
    expect(await verifyApiKey(database, other, key)).toBeNull();

    await revokeApiKey({ database, slug, actor: admin }, { id: apiKey.id });
    expect(await verifyApiKey(database, slug, key)).toBeNull();
  });

  it('writes lastUsedAt at most once a minute', async () => {
    const { slug, key, apiKey } = await newKey();
    expect(await lastUsedAt(slug, apiKey.id)).toBeNull();
    const first = new Date();
    expect((await verifyApiKey(database, slug, key, first))?.lastUsedAt).toEqual(first);
    await verifyApiKey(database, slug, key, later(first, 59_000));
    expect(await lastUsedAt(slug, apiKey.id)).toEqual(first);
    const next = later(first, 61_000);
    await verifyApiKey(database, slug, key, next);
    expect(await lastUsedAt(slug, apiKey.id)).toEqual(next);
  });

  it('rejects a malformed key before any database work', async () => {
    const { slug, key } = await newKey();
    const untouchable = untouchableDatabase();
    for (const raw of [undefined, 'Bearer x', `${key}x`, key.replace('mc_live', 'mc_prod')]) {
      expect(await verifyApiKey(untouchable, slug, raw)).toBeNull();
    }
    await expect(verifyApiKey(untouchable, slug, key)).rejects.toThrow(/database was touched/);
  });
});
