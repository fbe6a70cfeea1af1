import type { ProvisioningRun } from '@motcua/db/platform';
import { ConflictError } from '@motcua/domain';
import type { ProvisioningContext } from './context.ts';
import { continueRun } from './execute-run.ts';
import { parseSlugArgument } from './input.ts';
import { requireRun, requireTenant, saveRun, tenantRuns } from './records.ts';
import { withRunLock } from './run-lock.ts';

export interface RetryHandle {
  /** The run as claimed: `running` again, one more attempt, error cleared. */
  run: ProvisioningRun;
  /** Runs its remaining steps from the failed or interrupted one; resolves to the final run. */
  resume: () => Promise<ProvisioningRun>;
}

/**
 * Claims the tenant's latest run, provisioning or offboarding, for another attempt, and
 * returns it with `resume` to carry it out, so that an HTTP handler can answer at once and
 * resume in the background. ConflictError when there is no failed or interrupted run, or
 * another process is executing it right now. Should the process die before `resume`, the
 * claimed run is `running` and resumeInterruptedRuns picks it up at the next start.
 */
export async function retryProvisioning(ctx: ProvisioningContext, slug: string): Promise<RetryHandle> {
  const tenant = await requireTenant(ctx.database.platform, parseSlugArgument(slug));
  const [latest] = await tenantRuns(ctx.database.platform, tenant.id);
  const nothingToResume = () =>
    new ConflictError(`Tenant "${tenant.slug}" has no failed or interrupted run to resume.`);
  if (!latest || latest.status === 'succeeded') throw nothingToResume();

  const claimed = await withRunLock(ctx.database, tenant.id, { waitMs: 0 }, async () => {
    // Read again under the lock: the run may have finished since.
    const run = await requireRun(ctx.database.platform, latest.id);
    if (run.status === 'succeeded') return undefined;
    return saveRun(ctx.database.platform, {
      ...run,
      status: 'running',
      attempts: run.attempts + 1,
      error: null,
      finishedAt: null,
    });
  });
  if (!claimed.acquired) {
    throw new ConflictError(`The run of tenant "${tenant.slug}" is in progress in another process.`);
  }
  const run = claimed.value;
  if (!run) throw nothingToResume();
  return { run, resume: () => continueRun(ctx, run.id, run.kind) };
}
