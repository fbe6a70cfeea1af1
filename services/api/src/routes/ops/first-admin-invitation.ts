// After a tenant is provisioned, its first admin gets an invitation email on the tenant's own
// host; the link is built from configuration, never from a request's Host header.
import { sendFirstAdminInvitation } from '@motcua/auth';
import type { ProvisioningRun, Tenant } from '@motcua/provisioning';
import type { Context } from 'hono';
import type { AppEnv } from '../../context.ts';
import { tenantOrigin } from '../../site-links.ts';

export async function inviteFirstAdminWhenDone(c: Context<AppEnv>, tenant: Tenant, run: ProvisioningRun) {
  if (run.kind !== 'provision' || run.status !== 'succeeded') return;
  const { database, mailer, env } = c.get('deps');
  const linkBase = tenantOrigin(env, tenant.slug);
  await sendFirstAdminInvitation(
    database,
    tenant.slug as Parameters<typeof sendFirstAdminInvitation>[1],
    tenant.adminEmail,
    {
      send: (message) => mailer.send(message),
      linkBase,
      siteName: tenant.name,
    },
  );
}
