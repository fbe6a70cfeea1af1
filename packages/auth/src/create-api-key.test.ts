import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError, ValidationError } from '@motcua/domain';
import { describe, expect, it } from 'vitest';
import { auditRows } from '../test/fixtures.ts';
import { verifyApiKey } from './api-keys.ts';
import { createApiKey } from './create-api-key.ts';
import { listApiKeys } from './list-api-keys.ts';
import type { Actor } from './permissions.ts';

const database = useTestDatabase(4);
const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };

describe('createApiKey', () => {
  it('creates a key, shows it once and records who created it', async () => {
    const slug = await createTestTenant(database);
    const ctx = { database, slug, actor: admin, requestId: 'req_1', ip: '203.0.113.9' };
    const { key, apiKey } = await createApiKey(ctx, {
      name: '  Hệ thống một cửa  ',
      mode: 'test',
      permissions: ['dossiers.read', 'reports.read', 'dossiers.read'],
    });
    expect(apiKey).toMatchObject({
      name: 'Hệ thống một cửa',
      mode: 'test',
      permissions: ['dossiers.read', 'reports.read'],
      createdBy: 'staff:usr_admin',
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(apiKey.id).toMatch(/^key_[a-z2-7]{24}$/);
    expect(key.startsWith(`${apiKey.prefix}_`)).toBe(true);
    expect(await verifyApiKey(database, slug, key)).toMatchObject({ id: apiKey.id });

    const [listed] = await listApiKeys(ctx);
    expect(listed).toEqual({ ...apiKey, lastUsedAt: expect.any(Date) });
    expect(JSON.stringify(listed)).not.toContain(key);

    const audit = await auditRows(database, slug);
    expect(audit).toEqual([
      {
        actor: 'staff:usr_admin',
        action: 'api_key.created',
        subject: apiKey.id,
        requestId: 'req_1',
        ip: '203.0.113.9',
        details: {
          name: 'Hệ thống một cửa',
          mode: 'test',
          prefix: apiKey.prefix,
          permissions: ['dossiers.read', 'reports.read'],
        },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(key.split('_').at(-1));
  });

  it('refuses a role without api_keys.manage and writes nothing', async () => {
    const slug = await createTestTenant(database);
    const reception: Actor = { kind: 'staff', id: 'usr_desk', role: 'reception' };
    const error = await createApiKey(
      { database, slug, actor: reception },
      { name: 'x', mode: 'live', permissions: ['dossiers.read'] },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toContain('api_keys.manage');
    expect(await auditRows(database, slug)).toEqual([]);
  });

  it('answers field by field for bad input', async () => {
    const slug = await createTestTenant(database);
    const error = await createApiKey({ database, slug, actor: admin }, {
      name: ' ',
      mode: 'prod',
      permissions: ['dossiers.read', 'staff.manage', 'nonsense'],
    } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const problems = (error as ValidationError).details ?? [];
    expect(problems.map((p) => p.path).sort()).toEqual(['mode', 'name', 'permissions']);
    expect(problems.find((p) => p.path === 'permissions')?.message).toContain('staff.manage, nonsense');

    const none = await createApiKey(
      { database, slug, actor: admin },
      { name: 'n', mode: 'live', permissions: [] },
    ).catch((e: unknown) => e);
    expect((none as ValidationError).details).toEqual([
      { path: 'permissions', message: 'Give the key at least one permission.' },
    ]);
  });

  it('does not let a key carry permissions its creator lacks', async () => {
    const slug = await createTestTenant(database);
    const error = await createApiKey(
      { database, slug, actor: admin },
      { name: 'intake', mode: 'live', permissions: ['dossiers.read', 'dossiers.receive'] },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).facts).toEqual({ permissions: ['dossiers.receive'] });
    expect(await listApiKeys({ database, slug, actor: admin }, { includeRevoked: true })).toEqual([]);
  });
});
