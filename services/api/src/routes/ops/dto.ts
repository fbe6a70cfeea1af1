// Platform rows as the operator API shows them (dates as ISO strings).
import type { ProvisioningRun, Tenant } from '@motcua/provisioning';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

export function toTenantDto(tenant: Tenant) {
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    kind: tenant.kind,
    status: tenant.status,
    adminEmail: tenant.adminEmail,
    schemaVersion: tenant.schemaVersion,
    createdAt: tenant.createdAt.toISOString(),
    suspendedAt: iso(tenant.suspendedAt),
    offboardedAt: iso(tenant.offboardedAt),
  };
}

export function toRunDto(run: ProvisioningRun) {
  return {
    id: run.id,
    kind: run.kind,
    status: run.status,
    steps: run.steps,
    attempts: run.attempts,
    error: run.error,
    exportKey: run.exportKey,
    createdAt: run.createdAt.toISOString(),
    finishedAt: iso(run.finishedAt),
  };
}
