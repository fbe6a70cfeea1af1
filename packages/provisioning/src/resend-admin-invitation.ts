// An operator sends an agency's first admin a new invitation: the email was lost, the link
// expired, or a run of an older release finished without sending one. The new link replaces the
// old one (which stops working); the agency's audit and the platform audit both record it.
import { resendFirstAdminInvitation } from '@motcua/auth';
import { withTenant } from '@motcua/db';
import { staffUsers } from '@motcua/db/tenant';
import { PreconditionFailedError } from '@motcua/domain';
import { sql } from 'drizzle-orm';
import { type ProvisioningContext, tenantSiteUrlOf } from './context.ts';
import { parseActor, parseSlugArgument } from './input.ts';
import { recordAudit, requireTenant } from './records.ts';

export async function resendAdminInvitation(
  ctx: ProvisioningContext,
  slug: string,
  actor: string,
): Promise<{ staffId: string }> {
  const validSlug = parseSlugArgument(slug);
  const who = parseActor(actor);
  const tenant = await requireTenant(ctx.database.platform, validSlug);
  if (tenant.status !== 'active' && tenant.status !== 'suspended') {
    throw new PreconditionFailedError(
      `Tenant "${validSlug}" is ${tenant.status}; an invitation is sent once it is active.`,
      { status: tenant.status },
      'tenant_not_live',
    );
  }
  // Throws PreconditionFailed `not_invited` once the admin has accepted, NotFound without them.
  const { id } = await resendFirstAdminInvitation(
    ctx.database,
    validSlug,
    tenant.adminEmail,
    { linkBase: tenantSiteUrlOf(ctx, validSlug), siteName: tenant.name },
    { actor: who, requestId: ctx.requestId },
  );
  await recordAudit(ctx, ctx.database.platform, {
    actor: who,
    action: 'tenant.admin_invitation_sent',
    tenantId: tenant.id,
    details: { slug: validSlug, staffId: id },
  });
  return { staffId: id };
}

/** Whether the agency's first admin has yet to accept; false for an agency that is not live. */
export async function isAdminInvitationPending(ctx: ProvisioningContext, slug: string): Promise<boolean> {
  const validSlug = parseSlugArgument(slug);
  const tenant = await requireTenant(ctx.database.platform, validSlug);
  if (tenant.status !== 'active' && tenant.status !== 'suspended') return false;
  const [admin] = await withTenant(ctx.database, validSlug, (db) =>
    db
      .select({ status: staffUsers.status })
      .from(staffUsers)
      .where(sql`lower(${staffUsers.email}) = lower(${tenant.adminEmail})`),
  );
  return admin?.status === 'invited';
}
