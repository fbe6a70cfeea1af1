// Usage metering: each agency's daily figures (dossiers received and submitted, storage, staff
// seats) measured from its own schema into platform.tenant_usage, and read back for operators.
export type { TenantUsage } from '@motcua/db/platform';
export {
  type FleetUsageFailure,
  type FleetUsageOptions,
  type FleetUsageReport,
  measuredStatuses,
  measureFleetUsage,
} from './measure-fleet-usage.ts';
export { measureTenantUsage, type UsageContext } from './measure-tenant-usage.ts';
export { readUsage, type UsageSummary } from './read-usage.ts';
export { usageDayBounds, usageDayOf } from './usage-day.ts';
