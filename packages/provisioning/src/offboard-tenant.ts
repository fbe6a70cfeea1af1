import type { ProvisioningRun, Tenant } from '@motcua/db/platform';
import type { ProvisioningContext } from './context.ts';
import { requireTenantById } from './records.ts';
import { runOffboarding } from './run-offboarding.ts';
import { startOffboarding } from './start-offboarding.ts';

/** Start and run an offboarding in one call; returns the final run and tenant. */
export async function offboardTenant(
  ctx: ProvisioningContext,
  slug: string,
  actor: string,
): Promise<{ tenant: Tenant; run: ProvisioningRun }> {
  const started = await startOffboarding(ctx, slug, actor);
  const run = await runOffboarding(ctx, started.run.id);
  return { tenant: await requireTenantById(ctx.database.platform, started.tenant.id), run };
}
