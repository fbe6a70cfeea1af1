import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { createApiKey } from './create-api-key.ts';
import { listApiKeys } from './list-api-keys.ts';
import type { Actor } from './permissions.ts';
import { revokeApiKey } from './revoke-api-key.ts';

const database = useTestDatabase(4);
const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };

describe('listApiKeys', () => {
  it('lists live keys newest first, revoked ones on request, never a hash', async () => {
    const slug = await createTestTenant(database);
    const ctx = { database, slug, actor: admin };
    const names = ['first', 'second', 'third'];
    const created = [];
    for (const name of names) {
      created.push((await createApiKey(ctx, { name, mode: 'live', permissions: ['reports.read'] })).apiKey);
    }
    await revokeApiKey(ctx, { id: created[1]!.id });

    expect((await listApiKeys(ctx)).map((k) => k.name)).toEqual(['third', 'first']);
    const all = await listApiKeys(ctx, { includeRevoked: true });
    expect(all.map((k) => k.name)).toEqual(['third', 'second', 'first']);
    for (const key of all) expect(key).not.toHaveProperty('secretHash');
  });

  it('is for those who manage keys', async () => {
    const slug = await createTestTenant(database);
    const approver: Actor = { kind: 'staff', id: 'usr_lead', role: 'approver' };
    await expect(listApiKeys({ database, slug, actor: approver })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
