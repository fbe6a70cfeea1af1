// Platform rows as the operator API shows them (dates as ISO strings).
import type { ProvisioningRun, Tenant, UsageSummary } from '@motcua/provisioning';

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
    suspendedReason: tenant.suspendedReason,
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

/** The latest measured usage, or null for an agency not measured yet. */
export function toUsageDto(usage: UsageSummary | undefined) {
  if (!usage) return null;
  return {
    day: usage.day,
    dossiersReceived: usage.dossiersReceived,
    dossiersSubmitted: usage.dossiersSubmitted,
    storageBytes: usage.storageBytes,
    staffSeats: usage.staffSeats,
    measuredAt: usage.measuredAt.toISOString(),
    month: usage.month,
    monthReceived: usage.monthReceived,
  };
}
