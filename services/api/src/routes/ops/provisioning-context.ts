// The provisioning context of an operator's request: the service's, with the agency's site
// taken as the operator reaches the platform (scheme and port), for the first admin's invitation
// that the run queues. A run resumed at start uses the service's own, from configuration.
import type { ProvisioningContext } from '@motcua/provisioning';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { tenantSiteUrlFromRequest } from '../../tenant-mail.ts';

export function provisioningFor(c: Context<AppEnv>): ProvisioningContext {
  return { ...c.get('deps').provisioning, tenantSiteUrl: tenantSiteUrlFromRequest(c) };
}
