// The tenant schema template: tables are unqualified; a unit of work's transaction-local
// search_path puts them in the tenant's own schema.
export * from './audit-log.ts';
export * from './settings.ts';
export * from './staff-users.ts';
export * from './units.ts';
