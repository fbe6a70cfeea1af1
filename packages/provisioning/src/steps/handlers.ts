// Step name → the work it does, per run kind. The executor looks steps up here by the names
// a run stored, so each handler must be safe to run again after a crash or a failure.
import { createTenantSchema, migrateTenant, parseSlug } from '@motcua/db';
import type { ProvisioningRun, RunKind, Tenant } from '@motcua/db/platform';
import type { ProvisioningContext } from '../context.ts';
import { localDriver } from '../drivers/local.ts';
import { exportTenant } from '../export/export-tenant.ts';
import type { OffboardStep, ProvisionStep, StepOutcome } from '../steps.ts';
import { deleteObjects, dropSchema } from './offboard.ts';
import { inviteAdmin, seedTenant } from './seed.ts';
import { activateTenant, finishOffboarding } from './status-changes.ts';

export type StepHandler = (
  ctx: ProvisioningContext,
  tenant: Tenant,
  run: ProvisioningRun,
) => Promise<StepOutcome | undefined>;

const provisionHandlers: Record<Exclude<ProvisionStep, 'reserve'>, StepHandler> = {
  async schema(ctx, tenant) {
    await createTenantSchema(ctx.database, parseSlug(tenant.slug));
    return { note: 'schema and roles present' };
  },
  async migrate(ctx, tenant) {
    const { from, to } = await migrateTenant(ctx.database, parseSlug(tenant.slug));
    return { note: from === to ? `already at version ${to}` : `version ${from} → ${to}` };
  },
  seed: (ctx, tenant) => seedTenant(ctx, tenant),
  storage: (ctx, tenant) => (ctx.driver ?? localDriver).prepareStorage(ctx, tenant),
  infrastructure: (ctx, tenant) => (ctx.driver ?? localDriver).prepareInfrastructure(ctx, tenant),
  invite_admin: (ctx, tenant) => inviteAdmin(ctx, tenant),
  activate: (ctx, tenant) => activateTenant(ctx, tenant),
};

const offboardHandlers: Record<OffboardStep, StepHandler> = {
  async export(ctx, tenant, run) {
    const { key, manifest, bytes } = await exportTenant(ctx, tenant, run.id);
    const rows = Object.values(manifest.rowCounts).reduce((sum, n) => sum + n, 0);
    return {
      exportKey: key,
      note: `${manifest.tables.length} tables, ${rows} rows, ${manifest.objectCount} objects, ${bytes} bytes`,
    };
  },
  drop_schema: dropSchema,
  delete_objects: deleteObjects,
  finish: (ctx, tenant, run) => finishOffboarding(ctx, tenant, run.exportKey),
};

export function findStepHandler(kind: RunKind, step: string): StepHandler | undefined {
  const handlers: Record<string, StepHandler> = kind === 'provision' ? provisionHandlers : offboardHandlers;
  return Object.hasOwn(handlers, step) ? handlers[step] : undefined;
}
