export { type AuditChainReport, verifyAuditChain } from './audit-chain.ts';
export {
  assertIsolationReady,
  createDatabase,
  type Database,
  type DatabaseOptions,
  IsolationNotPossibleError,
  type PlatformDb,
} from './client.ts';
export {
  currentDeadline,
  type Deadline,
  DeadlineExceededError,
  withDeadline,
} from './deadline.ts';
export { type IdPrefix, newId } from './ids.ts';
export {
  loadMigrations,
  type Migration,
  platformMigrationsFolder,
  tenantMigrationsFolder,
} from './migrate/bundle.ts';
export { printFleetStatus, type RunFleetMigrationOptions, runFleetMigration } from './migrate/cli.ts';
export {
  type FleetOptions,
  type FleetPlan,
  type FleetProgress,
  type FleetResult,
  fleetStatus,
  migrateFleet,
  type TenantVersion,
} from './migrate/fleet.ts';
export { migratePlatform } from './migrate/platform.ts';
export {
  createProgressReporter,
  type ProgressReporter,
  type ProgressReporterOptions,
} from './migrate/progress.ts';
export { type MigrateTenantOptions, migrateTenant, tenantMigrations } from './migrate/tenant.ts';
export {
  InvalidSlugError,
  isValidSlug,
  parseSlug,
  reservedSlugs,
  type TenantNames,
  type TenantSlug,
  tenantNames,
} from './names.ts';
export {
  clientAddress,
  consumeRateLimit,
  purgeExpiredRateLimits,
  type RateLimitResult,
  type RateLimitSubject,
  rateLimitKey,
} from './rate-limit.ts';
export {
  createSecretBox,
  isSealed,
  missingSecretBox,
  type OpenedSecret,
  type SecretBox,
  SecretKeyError,
  type SecretKeys,
} from './secret-box.ts';
export { createTenantSchema, dropTenantSchema, tenantSchemaExists } from './tenant-lifecycle.ts';
export { type TenantDb, TenantScopeViolationError, withTenant } from './tenant-scope.ts';
export { isDatabaseUnavailable } from './unavailable.ts';
