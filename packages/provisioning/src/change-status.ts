// Suspend and resume share this: one conditional update with its audit row, and a clear
// error when the tenant is missing or in another status.
import type { TenantSlug } from '@motcua/db';
import { type Tenant, type TenantStatus, tenants } from '@motcua/db/platform';
import { NotFoundError, PreconditionFailedError } from '@motcua/domain';
import { and, eq } from 'drizzle-orm';
import type { ProvisioningContext } from './context.ts';
import { findTenant, recordAudit } from './records.ts';

export interface StatusChange {
  from: TenantStatus;
  to: TenantStatus;
  action: string;
  set: Partial<Pick<Tenant, 'suspendedAt' | 'suspendedReason'>>;
  /** Recorded with the change in the platform audit. */
  details?: Record<string, unknown>;
  /** Code of the PreconditionFailedError when the tenant is not in `from`. */
  code: string;
}

export async function changeTenantStatus(
  ctx: ProvisioningContext,
  slug: TenantSlug,
  actor: string,
  change: StatusChange,
): Promise<Tenant> {
  return ctx.database.platform.transaction(async (tx) => {
    const [changed] = await tx
      .update(tenants)
      .set({ status: change.to, updatedAt: new Date(), ...change.set })
      .where(and(eq(tenants.slug, slug), eq(tenants.status, change.from)))
      .returning();
    if (changed) {
      await recordAudit(ctx, tx, {
        actor,
        action: change.action,
        tenantId: changed.id,
        details: { slug, ...change.details },
      });
      return changed;
    }
    const current = await findTenant(tx, slug);
    if (!current) throw new NotFoundError(`There is no tenant with the slug "${slug}".`);
    throw new PreconditionFailedError(
      `Tenant "${slug}" is ${current.status}; only a tenant that is ${change.from} can become ${change.to}.`,
      { status: current.status },
      change.code,
    );
  });
}
