// The tenant schema template: tables are unqualified; a unit of work's transaction-local
// search_path puts them in the tenant's own schema.
export * from './api-keys.ts';
export * from './audit-log.ts';
export * from './citizens.ts';
export * from './dossiers.ts';
export * from './feedback.ts';
export * from './outbox.ts';
export * from './payments.ts';
export * from './procedures.ts';
export * from './sessions.ts';
export * from './settings.ts';
export * from './staff-users.ts';
export * from './units.ts';
