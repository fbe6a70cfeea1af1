// Onboards an agency: validates the request and, in one transaction, reserves the slug with
// a tenant row in status `provisioning`, creates its run with `reserve` done, and writes the
// audit row. The remaining steps run in runProvisioning.

import { newId } from '@motcua/db';
import type { RunStep } from '@motcua/db/platform';
import { type ProvisioningRun, provisioningRuns, type Tenant, tenants } from '@motcua/db/platform';
import { ConflictError } from '@motcua/domain';
import type { ProvisioningContext } from './context.ts';
import { pgErrorCode } from './errors.ts';
import { parseStartInput, type StartProvisioningInput } from './input.ts';
import { recordAudit } from './records.ts';
import { pendingSteps, provisionSteps } from './steps.ts';

export async function startProvisioning(
  ctx: ProvisioningContext,
  input: StartProvisioningInput,
): Promise<{ tenant: Tenant; run: ProvisioningRun }> {
  const { slug, name, kind, adminEmail, actor } = parseStartInput(input);
  const startedAt = new Date();
  const started = performance.now();
  try {
    return await ctx.database.platform.transaction(async (tx) => {
      await ctx.hooks?.beforeStep?.('reserve', slug);
      const [tenant] = await tx
        .insert(tenants)
        .values({ id: newId('ten'), slug, name, kind, adminEmail, status: 'provisioning' })
        .returning();
      if (!tenant) throw new Error('The tenant row was not written.');
      await ctx.hooks?.afterStep?.('reserve', slug);
      const reserve: RunStep = {
        name: 'reserve',
        status: 'done',
        startedAt: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        durationMs: Math.round(performance.now() - started),
        note: `slug ${slug} reserved`,
      };
      const [run] = await tx
        .insert(provisioningRuns)
        .values({
          id: newId('run'),
          tenantId: tenant.id,
          kind: 'provision',
          status: 'running',
          steps: [reserve, ...pendingSteps(provisionSteps.slice(1))],
        })
        .returning();
      if (!run) throw new Error('The provisioning run was not written.');
      await recordAudit(ctx, tx, {
        actor,
        action: 'tenant.provisioning_started',
        tenantId: tenant.id,
        details: { slug, name, kind, adminEmail, runId: run.id },
      });
      return { tenant, run };
    });
  } catch (error) {
    // The unique index decides between concurrent requests for the same slug.
    if (pgErrorCode(error) === '23505') {
      throw new ConflictError(`The slug "${slug}" is taken (slugs of offboarded tenants stay reserved).`, [
        { path: 'slug', message: 'This slug is taken.' },
      ]);
    }
    throw error;
  }
}
