// The local driver: every tenant shares the cell's bucket (under its own prefix) and the
// cell's processes, so there is no stack to build.
import { parseSlug } from '@motcua/db';
import type { Tenant } from '@motcua/db/platform';
import type { ProvisioningDriver } from './driver.ts';

/** Written at provisioning; its presence says the tenant's prefix was set up. */
export const tenantMarkerKey = '.motcua-tenant.json';

export function tenantMarker(tenant: Tenant, driver: string): string {
  // Only stable fields, so that a re-run writes the same bytes.
  return `${JSON.stringify(
    {
      tenantId: tenant.id,
      slug: tenant.slug,
      kind: tenant.kind,
      createdAt: tenant.createdAt.toISOString(),
      driver,
    },
    null,
    2,
  )}\n`;
}

export const localDriver: ProvisioningDriver = {
  name: 'local',
  async prepareStorage(ctx, tenant) {
    await ctx.storage.ensureBucket();
    const tenantStorage = ctx.storage.forTenant(parseSlug(tenant.slug));
    await tenantStorage.put(tenantMarkerKey, tenantMarker(tenant, 'local'), 'application/json');
    return {
      note:
        `prefix ${tenantStorage.prefix} in bucket ${ctx.storage.bucket}; ` +
        'encryption at rest is the bucket’s default encryption on real S3 (the embedded S3 server has none)',
    };
  },
  async prepareInfrastructure() {
    return { note: 'local driver: shared cell, no per-tenant stack' };
  },
};
