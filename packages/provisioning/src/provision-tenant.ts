import type { ProvisioningRun, Tenant } from '@motcua/db/platform';
import type { ProvisioningContext } from './context.ts';
import type { StartProvisioningInput } from './input.ts';
import { requireTenantById } from './records.ts';
import { runProvisioning } from './run-provisioning.ts';
import { startProvisioning } from './start-provisioning.ts';

/** Start and run in one call (launcher, tests, benchmarks); returns the final run and tenant. */
export async function provisionTenant(
  ctx: ProvisioningContext,
  input: StartProvisioningInput,
): Promise<{ tenant: Tenant; run: ProvisioningRun }> {
  const started = await startProvisioning(ctx, input);
  const run = await runProvisioning(ctx, started.run.id);
  return { tenant: await requireTenantById(ctx.database.platform, started.tenant.id), run };
}
