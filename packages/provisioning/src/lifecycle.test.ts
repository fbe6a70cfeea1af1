import { tenantMigrations } from '@motcua/db';
import { platformAudit } from '@motcua/db/platform';
import { testSlug } from '@motcua/db/testing';
import { NotFoundError, PreconditionFailedError, ValidationError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { failOnce, InjectedFailure, provisionInput, useProvisioningContext } from '../test/fixtures.ts';
import { getTenant } from './get-tenant.ts';
import { listTenants } from './list-tenants.ts';
import { openTenantExport } from './open-tenant-export.ts';
import { provisionTenant } from './provision-tenant.ts';
import { resumeTenant } from './resume-tenant.ts';
import { runProvisioning } from './run-provisioning.ts';
import { startProvisioning } from './start-provisioning.ts';
import { suspendTenant } from './suspend-tenant.ts';

const ctx = useProvisioningContext();
const { database } = ctx;

async function auditActions(tenantId: string) {
  const rows = await database.platform
    .select()
    .from(platformAudit)
    .where(eq(platformAudit.tenantId, tenantId));
  return rows.map((r) => [r.action, r.actor]);
}

async function preconditionCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PreconditionFailedError);
  return (error as PreconditionFailedError).code;
}

describe('suspend and resume', () => {
  it('moves an active tenant to suspended and back, with an audit row each way', async () => {
    const slug = testSlug('s');
    const { tenant } = await provisionTenant(ctx, provisionInput(slug));

    // A reason over 500 characters is refused and changes nothing.
    await expect(suspendTenant(ctx, slug, 'opr_a', 'x'.repeat(501))).rejects.toThrow(
      'at most 500 characters',
    );
    expect((await getTenant(ctx, slug)).tenant.status).toBe('active');

    const suspended = await suspendTenant(ctx, slug, 'opr_a', '  Chưa thanh toán hợp đồng thuê quý 3  ');
    expect(suspended.status).toBe('suspended');
    expect(suspended.suspendedAt).toBeInstanceOf(Date);
    expect(suspended.suspendedReason).toBe('Chưa thanh toán hợp đồng thuê quý 3');
    expect(await preconditionCode(suspendTenant(ctx, slug, 'opr_a'))).toBe('tenant_not_active');

    const resumed = await resumeTenant(ctx, slug, 'opr_b');
    expect(resumed).toMatchObject({ status: 'active', suspendedAt: null, suspendedReason: null });
    expect(await preconditionCode(resumeTenant(ctx, slug, 'opr_b'))).toBe('tenant_not_suspended');

    expect((await auditActions(tenant.id)).slice(2)).toEqual([
      ['tenant.suspended', 'opr_a'],
      ['tenant.resumed', 'opr_b'],
    ]);
  });

  it('refuses a tenant that is still provisioning', async () => {
    const slug = testSlug('s');
    await provisionTenant({ ...ctx, hooks: failOnce('migrate', 'before') }, provisionInput(slug));
    expect(await preconditionCode(suspendTenant(ctx, slug, 'opr_a'))).toBe('tenant_not_active');
    expect(await preconditionCode(resumeTenant(ctx, slug, 'opr_a'))).toBe('tenant_not_suspended');
    expect((await getTenant(ctx, slug)).tenant.status).toBe('provisioning');
  });

  it('reports unknown tenants, invalid slugs and a missing actor', async () => {
    await expect(suspendTenant(ctx, testSlug('nobody'), 'opr_a')).rejects.toThrow(NotFoundError);
    await expect(resumeTenant(ctx, testSlug('nobody'), 'opr_a')).rejects.toThrow(NotFoundError);
    const invalid = await suspendTenant(ctx, 'DROP SCHEMA', 'opr_a').catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).code).toBe('invalid_slug');
    const slug = testSlug('s');
    await provisionTenant(ctx, provisionInput(slug));
    await expect(suspendTenant(ctx, slug, ' ')).rejects.toThrow(ValidationError);
    expect((await getTenant(ctx, slug)).tenant.status).toBe('active');
  });
});

describe('getTenant and listTenants', () => {
  it('shows a tenant with its runs, latest first, and its storage prefix', async () => {
    const slug = testSlug('g');
    const failures: [string, string, boolean][] = [];
    const hooks = {
      ...failOnce('storage', 'before'),
      onStepFailed: (step: string, failed: string, error: unknown) => {
        failures.push([step, failed, error instanceof InjectedFailure]);
      },
    };
    const { run } = await provisionTenant({ ...ctx, hooks }, provisionInput(slug));
    // The hook gets the error itself, for logs; the run keeps only its safe message.
    expect(failures).toEqual([['storage', slug, true]]);
    const details = await getTenant(ctx, slug);
    expect(details.storagePrefix).toBe(`tenants/${slug}/`);
    expect(details.schemaHead).toBe(tenantMigrations().length);
    expect(details.runs).toHaveLength(1);
    expect(details.runs[0]).toMatchObject({ id: run.id, status: 'failed' });
    expect(details.runs[0]?.steps.find((s) => s.name === 'storage')?.status).toBe('failed');

    await expect(getTenant(ctx, testSlug('nobody'))).rejects.toThrow(NotFoundError);
    await expect(openTenantExport(ctx, slug)).rejects.toThrow(NotFoundError);
    await expect(getTenant(ctx, '../x')).rejects.toThrow(ValidationError);
  });

  it('lists every tenant with its status, schema version and latest run', async () => {
    const active = testSlug('l');
    const failed = testSlug('l');
    const started = testSlug('l');
    await provisionTenant(ctx, provisionInput(active));
    await provisionTenant({ ...ctx, hooks: failOnce('seed', 'before') }, provisionInput(failed));
    const { run: pending } = await startProvisioning(ctx, provisionInput(started));

    const list = await listTenants(ctx);
    const bySlug = new Map(list.map((item) => [item.tenant.slug, item]));
    expect(bySlug.get(active)).toMatchObject({
      tenant: { status: 'active', schemaVersion: expect.any(Number) },
      latestRun: { kind: 'provision', status: 'succeeded' },
    });
    expect(bySlug.get(active)?.tenant.schemaVersion).toBeGreaterThan(0);
    expect(bySlug.get(failed)).toMatchObject({
      tenant: { status: 'provisioning', schemaVersion: expect.any(Number) },
      latestRun: { status: 'failed', error: expect.stringContaining('seed') },
    });
    expect(bySlug.get(started)?.latestRun).toMatchObject({ id: pending.id, status: 'running' });
    expect(list.map((item) => item.tenant.slug)).toEqual([...list.map((item) => item.tenant.slug)].sort());
    await runProvisioning(ctx, pending.id);
  });
});
