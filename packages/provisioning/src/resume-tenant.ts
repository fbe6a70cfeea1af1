import type { Tenant } from '@motcua/db/platform';
import { changeTenantStatus } from './change-status.ts';
import type { ProvisioningContext } from './context.ts';
import { parseActor, parseSlugArgument } from './input.ts';

/** Makes a suspended tenant active again. */
export async function resumeTenant(ctx: ProvisioningContext, slug: string, actor: string): Promise<Tenant> {
  return changeTenantStatus(ctx, parseSlugArgument(slug), parseActor(actor), {
    from: 'suspended',
    to: 'active',
    action: 'tenant.resumed',
    set: { suspendedAt: null, suspendedReason: null },
    code: 'tenant_not_suspended',
  });
}
