// The provisioning context of an operator's request: the service's own, whose agency site
// links (the first admin's invitation that a run queues) come from configuration.
import type { ProvisioningContext } from '@motcua/provisioning';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';

export function provisioningFor(c: Context<AppEnv>): ProvisioningContext {
  return c.get('deps').provisioning;
}
