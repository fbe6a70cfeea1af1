// The destructive offboarding steps. Each one first checks that the export archive is in
// storage: a tenant's data is never dropped without the copy the agency is entitled to.
import { dropTenantSchema, parseSlug } from '@motcua/db';
import { type ProvisioningRun, type Tenant, tenants } from '@motcua/db/platform';
import { PreconditionFailedError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import type { ProvisioningContext } from '../context.ts';
import type { StepOutcome } from '../steps.ts';

async function requireExport(ctx: ProvisioningContext, run: ProvisioningRun): Promise<string> {
  const key = run.exportKey;
  const archive = key ? await ctx.storage.headExport(key) : undefined;
  if (!key || !archive) {
    throw new PreconditionFailedError(
      'The export archive of this run is missing; nothing is deleted without it.',
      { exportKey: key },
      'export_missing',
    );
  }
  return key;
}

export async function dropSchema(
  ctx: ProvisioningContext,
  tenant: Tenant,
  run: ProvisioningRun,
): Promise<StepOutcome> {
  const key = await requireExport(ctx, run);
  await dropTenantSchema(ctx.database, parseSlug(tenant.slug));
  // 0 = no migrations applied: there is no schema any more.
  await ctx.database.platform
    .update(tenants)
    .set({ schemaVersion: 0, updatedAt: new Date() })
    .where(eq(tenants.id, tenant.id));
  return { note: `schema and roles dropped; export kept at ${key}` };
}

export async function deleteObjects(
  ctx: ProvisioningContext,
  tenant: Tenant,
  run: ProvisioningRun,
): Promise<StepOutcome> {
  await requireExport(ctx, run);
  const deleted = await ctx.storage.forTenant(parseSlug(tenant.slug)).deleteAll();
  return { note: `${deleted} objects deleted` };
}
