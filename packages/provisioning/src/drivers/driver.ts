// Where a tenant's storage and infrastructure come from. `local` serves the embedded setup
// and one shared cell; a `pulumi` driver (Automation API running infra/tenant per tenant)
// implements the same two steps. Each method must be safe to call again after a crash.
import type { Tenant } from '@motcua/db/platform';
import type { ProvisioningContext } from '../context.ts';
import type { StepOutcome } from '../steps.ts';

export interface ProvisioningDriver {
  readonly name: string;
  /** The `storage` step: the tenant's bucket or prefix and its encryption. */
  prepareStorage(ctx: ProvisioningContext, tenant: Tenant): Promise<StepOutcome>;
  /** The `infrastructure` step: whatever per-tenant stack the driver builds. */
  prepareInfrastructure(ctx: ProvisioningContext, tenant: Tenant): Promise<StepOutcome>;
}
