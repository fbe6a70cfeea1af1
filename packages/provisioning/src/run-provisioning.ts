import type { ProvisioningRun } from '@motcua/db/platform';
import type { ProvisioningContext } from './context.ts';
import { continueRun } from './execute-run.ts';

/**
 * Runs the remaining steps of a provisioning run. A failing step is recorded and the failed
 * run returned (nothing is thrown for it); a run that is not `running` is returned as it is.
 */
export async function runProvisioning(ctx: ProvisioningContext, runId: string): Promise<ProvisioningRun> {
  return continueRun(ctx, runId, 'provision');
}
