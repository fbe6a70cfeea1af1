import type { ProvisioningRun } from '@motcua/db/platform';
import type { ProvisioningContext } from './context.ts';
import { continueRun } from './execute-run.ts';

/**
 * Runs the remaining steps of an offboarding run: export, drop_schema, delete_objects,
 * finish. Like runProvisioning, a failing step is recorded and the failed run returned.
 */
export async function runOffboarding(ctx: ProvisioningContext, runId: string): Promise<ProvisioningRun> {
  return continueRun(ctx, runId, 'offboard');
}
