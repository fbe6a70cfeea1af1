// The `activate` and `finish` steps: the tenant's status changes together with its platform
// audit row. The update only matches the expected previous status, so a re-run after the
// change committed changes nothing and writes no second audit row.
import type { Tenant, TenantStatus } from '@motcua/db/platform';
import { tenants } from '@motcua/db/platform';
import { PreconditionFailedError } from '@motcua/domain';
import { and, eq } from 'drizzle-orm';
import type { ProvisioningContext } from '../context.ts';
import { recordAudit, requireTenantById } from '../records.ts';
import type { StepOutcome } from '../steps.ts';

interface Transition {
  from: TenantStatus;
  to: Extract<TenantStatus, 'active' | 'offboarded'>;
  action: string;
  details?: Record<string, unknown>;
}

async function transition(
  ctx: ProvisioningContext,
  tenant: Tenant,
  change: Transition,
): Promise<StepOutcome> {
  return ctx.database.platform.transaction(async (tx) => {
    const now = new Date();
    const [changed] = await tx
      .update(tenants)
      .set({
        status: change.to,
        updatedAt: now,
        ...(change.to === 'offboarded' ? { offboardedAt: now } : {}),
      })
      .where(and(eq(tenants.id, tenant.id), eq(tenants.status, change.from)))
      .returning({ id: tenants.id });
    if (changed) {
      await recordAudit(ctx, tx, {
        actor: 'system',
        action: change.action,
        tenantId: tenant.id,
        details: { slug: tenant.slug, ...change.details },
      });
      return { note: `status ${change.from} → ${change.to}` };
    }
    const current = await requireTenantById(tx, tenant.id);
    if (current.status === change.to) return { note: `already ${change.to}` };
    throw new PreconditionFailedError(
      `Tenant "${tenant.slug}" is ${current.status}; expected ${change.from}.`,
      { status: current.status },
      'tenant_status_changed',
    );
  });
}

export function activateTenant(ctx: ProvisioningContext, tenant: Tenant): Promise<StepOutcome> {
  return transition(ctx, tenant, { from: 'provisioning', to: 'active', action: 'tenant.activated' });
}

export function finishOffboarding(
  ctx: ProvisioningContext,
  tenant: Tenant,
  exportKey: string | null,
): Promise<StepOutcome> {
  return transition(ctx, tenant, {
    from: 'offboarding',
    to: 'offboarded',
    action: 'tenant.offboarded',
    details: { exportKey },
  });
}
