// Runs the steps of a provisioning or offboarding run that are not done yet, in order,
// recording each one (status, start, finish, duration, note or error) before going on.
// A failed step fails the run with a safe message and stops it; a crash leaves the step
// `running`, and the next execution starts again from that step.
import { parseSlug } from '@motcua/db';
import type { ProvisioningRun, RunKind, RunStep } from '@motcua/db/platform';
import { ConflictError, PreconditionFailedError } from '@motcua/domain';
import type { ProvisioningContext } from './context.ts';
import { safeErrorMessage } from './errors.ts';
import { requireRun, requireTenantById, saveRun } from './records.ts';
import { withRunLock } from './run-lock.ts';
import { findStepHandler } from './steps/handlers.ts';

/**
 * - `continue`: carry on a run that is `running` (a failed or finished run is left as it is);
 * - `resume`: the same for a run left `running` by a process that died, counting a new attempt.
 */
export type ExecutionMode = 'continue' | 'resume';

export interface ExecuteOptions {
  mode: ExecutionMode;
  /** How long to wait for another process that holds the run; 0 gives up at once. */
  waitMs: number;
}

export interface ExecuteResult {
  run: ProvisioningRun;
  /** False when the run was no longer `running` once the lock was ours. */
  executed: boolean;
}

/** The run after execution, or `undefined` when another process holds it. */
export async function executeRun(
  ctx: ProvisioningContext,
  runId: string,
  { mode, waitMs }: ExecuteOptions,
): Promise<ExecuteResult | undefined> {
  const { tenantId } = await requireRun(ctx.database.platform, runId);
  const locked = await withRunLock(ctx.database, tenantId, { waitMs }, async () => {
    // Read again under the lock: the holder we waited for may have finished the run.
    let run = await requireRun(ctx.database.platform, runId);
    if (run.status !== 'running') return { run, executed: false };
    if (mode === 'resume') {
      run = await saveRun(ctx.database.platform, { ...run, attempts: run.attempts + 1 });
    }
    return { run: await executeSteps(ctx, run), executed: true };
  });
  return locked.acquired ? locked.value : undefined;
}

/** How long a caller waits for another process that is executing the same run. */
export const runLockWaitMs = 60_000;

/** Carries on a run of the given kind, waiting for another process that holds it. */
export async function continueRun(
  ctx: ProvisioningContext,
  runId: string,
  kind: RunKind,
): Promise<ProvisioningRun> {
  const run = await requireRun(ctx.database.platform, runId);
  if (run.kind !== kind) {
    throw new PreconditionFailedError(
      `Run ${runId} is a ${run.kind} run, not a ${kind} run.`,
      undefined,
      'wrong_run_kind',
    );
  }
  const result = await executeRun(ctx, runId, { mode: 'continue', waitMs: runLockWaitMs });
  if (!result) throw new ConflictError(`Run ${runId} is still being executed by another process.`);
  return result.run;
}

async function executeSteps(ctx: ProvisioningContext, initial: ProvisioningRun): Promise<ProvisioningRun> {
  let run = initial;
  const tenant = await requireTenantById(ctx.database.platform, run.tenantId);
  const slug = parseSlug(tenant.slug);
  for (const [index, step] of run.steps.entries()) {
    if (step.status === 'done') continue;
    const startedAt = new Date();
    const started = performance.now();
    const running: RunStep = { name: step.name, status: 'running', startedAt: startedAt.toISOString() };
    run = await saveRun(ctx.database.platform, withStep(run, index, running));
    const timing = () => ({
      finishedAt: new Date().toISOString(),
      durationMs: Math.round(performance.now() - started),
    });
    try {
      const handler = findStepHandler(run.kind, step.name);
      if (!handler) throw new Error(`Unknown step "${step.name}" for a ${run.kind} run.`);
      await ctx.hooks?.beforeStep?.(step.name, slug);
      // The handler sees the tenant as it is now: earlier steps may have changed it.
      const current = await requireTenantById(ctx.database.platform, run.tenantId);
      const outcome = await handler(ctx, current, run);
      await ctx.hooks?.afterStep?.(step.name, slug);
      const done: RunStep = {
        ...running,
        status: 'done',
        ...timing(),
        ...(outcome?.note ? { note: outcome.note } : {}),
      };
      run = await saveRun(ctx.database.platform, {
        ...withStep(run, index, done),
        ...(outcome?.exportKey ? { exportKey: outcome.exportKey } : {}),
      });
    } catch (error) {
      const message = safeErrorMessage(error);
      const failed: RunStep = { ...running, status: 'failed', ...timing(), error: message };
      const saved = await saveRun(ctx.database.platform, {
        ...withStep(run, index, failed),
        status: 'failed',
        error: `Step "${step.name}" failed: ${message}`,
        finishedAt: new Date(),
      });
      ctx.hooks?.onStepFailed?.(step.name, slug, error);
      return saved;
    }
  }
  return saveRun(ctx.database.platform, { ...run, status: 'succeeded', error: null, finishedAt: new Date() });
}

function withStep(run: ProvisioningRun, index: number, step: RunStep): ProvisioningRun {
  return { ...run, steps: run.steps.map((s, i) => (i === index ? step : s)) };
}
