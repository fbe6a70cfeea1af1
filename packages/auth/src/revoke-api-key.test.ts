import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError, NotFoundError } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { auditRows } from '../test/fixtures.ts';
import { verifyApiKey } from './api-keys.ts';
import { createApiKey } from './create-api-key.ts';
import type { Actor } from './permissions.ts';
import { revokeApiKey } from './revoke-api-key.ts';

const database = useTestDatabase(4);
const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };

async function setUp() {
  const slug = await createTestTenant(database);
  const ctx = { database, slug, actor: admin };
  const created = await createApiKey(ctx, { name: 'sync', mode: 'live', permissions: ['dossiers.read'] });
  return { ctx, slug, ...created };
}

describe('revokeApiKey', () => {
  it('stops the key at once and records it; a second revocation changes nothing', async () => {
    const { ctx, slug, key, apiKey } = await setUp();
    const revoked = await revokeApiKey(ctx, { id: apiKey.id });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await verifyApiKey(database, slug, key)).toBeNull();

    const again = await revokeApiKey(ctx, { id: apiKey.id });
    expect(again.revokedAt).toEqual(revoked.revokedAt);
    const actions = (await auditRows(database, slug)).map((row) => [row.action, row.subject, row.details]);
    expect(actions).toEqual([
      ['api_key.created', apiKey.id, expect.any(Object)],
      ['api_key.revoked', apiKey.id, { name: 'sync', prefix: apiKey.prefix }],
    ]);
  });

  it('answers not found for an unknown key and forbidden for a role without the right', async () => {
    const { ctx, slug, key, apiKey } = await setUp();
    await expect(revokeApiKey(ctx, { id: 'key_missing' })).rejects.toBeInstanceOf(NotFoundError);
    const viewer: Actor = { kind: 'staff', id: 'usr_view', role: 'viewer' };
    await expect(revokeApiKey({ ...ctx, actor: viewer }, { id: apiKey.id })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await verifyApiKey(database, slug, key)).not.toBeNull();
  });
});
