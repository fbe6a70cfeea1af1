import type { ProvisioningRun } from '@motcua/db/platform';
import { provisioningRuns } from '@motcua/db/platform';
import { asc, eq } from 'drizzle-orm';
import type { ProvisioningContext } from './context.ts';
import { executeRun } from './execute-run.ts';

/**
 * For process start: carries on every run left `running` by a process that died. A run whose
 * lock is still held belongs to a live process and is skipped. Returns the runs it resumed.
 */
export async function resumeInterruptedRuns(ctx: ProvisioningContext): Promise<ProvisioningRun[]> {
  const candidates = await ctx.database.platform
    .select({ id: provisioningRuns.id })
    .from(provisioningRuns)
    .where(eq(provisioningRuns.status, 'running'))
    .orderBy(asc(provisioningRuns.createdAt));
  const resumed: ProvisioningRun[] = [];
  // One at a time: each run holds a connection, and a restart must not drain the pool.
  for (const { id } of candidates) {
    const result = await executeRun(ctx, id, { mode: 'resume', waitMs: 0 });
    if (result?.executed) resumed.push(result.run);
  }
  return resumed;
}
