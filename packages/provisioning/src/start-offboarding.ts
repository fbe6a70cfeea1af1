// Begins offboarding an active or suspended tenant: in one transaction the tenant becomes
// `offboarding` (the API stops serving it), its offboard run is created and the request is
// audited. The steps, export first, run in runOffboarding.
import { newId } from '@motcua/db';
import { type ProvisioningRun, provisioningRuns, type Tenant, tenants } from '@motcua/db/platform';
import { ConflictError, NotFoundError, PreconditionFailedError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import type { ProvisioningContext } from './context.ts';
import { parseActor, parseSlugArgument } from './input.ts';
import { recordAudit } from './records.ts';
import { offboardSteps, pendingSteps } from './steps.ts';

export async function startOffboarding(
  ctx: ProvisioningContext,
  slug: string,
  actor: string,
): Promise<{ tenant: Tenant; run: ProvisioningRun }> {
  const validSlug = parseSlugArgument(slug);
  const who = parseActor(actor);
  return ctx.database.platform.transaction(async (tx) => {
    // Row lock: a concurrent suspend, resume or second offboarding waits for us and then
    // sees the new status.
    const [current] = await tx.select().from(tenants).where(eq(tenants.slug, validSlug)).for('update');
    if (!current) throw new NotFoundError(`There is no tenant with the slug "${validSlug}".`);
    if (current.status === 'offboarding') {
      throw new ConflictError(`Tenant "${validSlug}" is already being offboarded; retry its run instead.`);
    }
    if (current.status !== 'active' && current.status !== 'suspended') {
      throw new PreconditionFailedError(
        `Tenant "${validSlug}" is ${current.status}; only an active or suspended tenant can be offboarded.`,
        { status: current.status },
        'tenant_not_offboardable',
      );
    }
    const [tenant] = await tx
      .update(tenants)
      .set({ status: 'offboarding', updatedAt: new Date() })
      .where(eq(tenants.id, current.id))
      .returning();
    const [run] = await tx
      .insert(provisioningRuns)
      .values({
        id: newId('run'),
        tenantId: current.id,
        kind: 'offboard',
        status: 'running',
        steps: pendingSteps(offboardSteps),
      })
      .returning();
    if (!tenant || !run) throw new Error('The offboarding was not recorded.');
    await recordAudit(ctx, tx, {
      actor: who,
      action: 'tenant.offboarding_started',
      tenantId: current.id,
      details: { slug: validSlug, previousStatus: current.status, runId: run.id },
    });
    return { tenant, run };
  });
}
