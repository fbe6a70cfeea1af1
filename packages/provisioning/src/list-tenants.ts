import { type ProvisioningRun, provisioningRuns, type Tenant, tenants } from '@motcua/db/platform';
import { asc, desc } from 'drizzle-orm';
import type { ProvisioningContext } from './context.ts';

export interface TenantListItem {
  tenant: Tenant;
  /** The tenant's most recent run with its steps, or null for a tenant created outside provisioning. */
  latestRun: ProvisioningRun | null;
}

/** Every tenant by slug, with status, schema version and its latest run. */
export async function listTenants(ctx: ProvisioningContext): Promise<TenantListItem[]> {
  const db = ctx.database.platform;
  const [rows, runs] = await Promise.all([
    db.select().from(tenants).orderBy(asc(tenants.slug)),
    db
      .selectDistinctOn([provisioningRuns.tenantId])
      .from(provisioningRuns)
      .orderBy(provisioningRuns.tenantId, desc(provisioningRuns.createdAt), desc(provisioningRuns.id)),
  ]);
  const latest = new Map(runs.map((run) => [run.tenantId, run]));
  return rows.map((tenant) => ({ tenant, latestRun: latest.get(tenant.id) ?? null }));
}
