export {
  assertIsolationReady,
  createDatabase,
  type Database,
  type DatabaseOptions,
  IsolationNotPossibleError,
  type PlatformDb,
} from './client.ts';
export { type IdPrefix, newId } from './ids.ts';
export {
  loadMigrations,
  type Migration,
  platformMigrationsFolder,
  tenantMigrationsFolder,
} from './migrate/bundle.ts';
export {
  type FleetOptions,
  type FleetProgress,
  type FleetResult,
  fleetStatus,
  migrateFleet,
} from './migrate/fleet.ts';
export { migratePlatform } from './migrate/platform.ts';
export { migrateTenant, tenantMigrations } from './migrate/tenant.ts';
export {
  InvalidSlugError,
  isValidSlug,
  parseSlug,
  reservedSlugs,
  type TenantNames,
  type TenantSlug,
  tenantNames,
} from './names.ts';
export { createTenantSchema, dropTenantSchema, tenantSchemaExists } from './tenant-lifecycle.ts';
export { type TenantDb, withTenant } from './tenant-scope.ts';
