import { tenantMigrations, tenantNames } from '@motcua/db';
import type { ProvisioningRun, Tenant } from '@motcua/db/platform';
import type { ProvisioningContext } from './context.ts';
import { parseSlugArgument } from './input.ts';
import { requireTenant, tenantRuns } from './records.ts';

export interface TenantDetails {
  tenant: Tenant;
  /** Every provisioning and offboarding run, latest first, with its steps. */
  runs: ProvisioningRun[];
  storagePrefix: string;
  /** The tenant schema version of this release; a tenant at head has `schemaVersion === schemaHead`. */
  schemaHead: number;
}

export async function getTenant(ctx: ProvisioningContext, slug: string): Promise<TenantDetails> {
  const validSlug = parseSlugArgument(slug);
  const tenant = await requireTenant(ctx.database.platform, validSlug);
  const runs = await tenantRuns(ctx.database.platform, tenant.id);
  return {
    tenant,
    runs,
    storagePrefix: tenantNames(validSlug).storagePrefix,
    schemaHead: tenantMigrations().length,
  };
}
