// Reading and writing the platform rows the verbs share: tenants, runs and audit entries.
import type { PlatformDb, TenantSlug } from '@motcua/db';
import {
  type ProvisioningRun,
  platformAudit,
  provisioningRuns,
  type Tenant,
  tenants,
} from '@motcua/db/platform';
import { NotFoundError } from '@motcua/domain';
import { desc, eq } from 'drizzle-orm';
import type { ProvisioningContext } from './context.ts';

type PlatformTx = Parameters<Parameters<PlatformDb['transaction']>[0]>[0];
/** The platform handle or a transaction on it. */
export type PlatformWriter = PlatformDb | PlatformTx;

export async function findTenant(db: PlatformWriter, slug: TenantSlug): Promise<Tenant | undefined> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, slug));
  return tenant;
}

export async function requireTenant(db: PlatformWriter, slug: TenantSlug): Promise<Tenant> {
  const tenant = await findTenant(db, slug);
  if (!tenant) throw new NotFoundError(`There is no tenant with the slug "${slug}".`);
  return tenant;
}

export async function requireTenantById(db: PlatformWriter, id: string): Promise<Tenant> {
  const [tenant] = await db.select().from(tenants).where(eq(tenants.id, id));
  if (!tenant) throw new NotFoundError(`There is no tenant with the id "${id}".`);
  return tenant;
}

export async function requireRun(db: PlatformWriter, runId: string): Promise<ProvisioningRun> {
  const [run] = await db.select().from(provisioningRuns).where(eq(provisioningRuns.id, runId));
  if (!run) throw new NotFoundError(`There is no provisioning run with the id "${runId}".`);
  return run;
}

/** Runs of a tenant, latest first (ids are time-sortable, which breaks ties). */
export function tenantRuns(db: PlatformWriter, tenantId: string): Promise<ProvisioningRun[]> {
  return db
    .select()
    .from(provisioningRuns)
    .where(eq(provisioningRuns.tenantId, tenantId))
    .orderBy(desc(provisioningRuns.createdAt), desc(provisioningRuns.id));
}

export async function saveRun(db: PlatformWriter, run: ProvisioningRun): Promise<ProvisioningRun> {
  const [saved] = await db
    .update(provisioningRuns)
    .set({
      status: run.status,
      steps: run.steps,
      attempts: run.attempts,
      error: run.error,
      exportKey: run.exportKey,
      finishedAt: run.finishedAt,
      updatedAt: new Date(),
    })
    .where(eq(provisioningRuns.id, run.id))
    .returning();
  if (!saved) throw new NotFoundError(`The provisioning run "${run.id}" disappeared.`);
  return saved;
}

export async function recordAudit(
  ctx: ProvisioningContext,
  db: PlatformWriter,
  entry: { actor: string; action: string; tenantId: string; details?: Record<string, unknown> },
): Promise<void> {
  await db.insert(platformAudit).values({
    actor: entry.actor,
    action: entry.action,
    tenantId: entry.tenantId,
    requestId: ctx.requestId ?? null,
    details: entry.details ?? null,
  });
}
