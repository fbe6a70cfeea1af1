import type { Tenant } from '@motcua/db/platform';
import { changeTenantStatus } from './change-status.ts';
import type { ProvisioningContext } from './context.ts';
import { parseActor, parseSlugArgument } from './input.ts';

/** Suspends an active tenant (its data stays; the API refuses its requests). */
export async function suspendTenant(ctx: ProvisioningContext, slug: string, actor: string): Promise<Tenant> {
  return changeTenantStatus(ctx, parseSlugArgument(slug), parseActor(actor), {
    from: 'active',
    to: 'suspended',
    action: 'tenant.suspended',
    set: { suspendedAt: new Date() },
    code: 'tenant_not_active',
  });
}
