export * from './audit.ts';
export * from './operator-sessions.ts';
export * from './operators.ts';
export * from './provisioning-runs.ts';
export * from './rate-limits.ts';
export * from './schema.ts';
export * from './tenant-domains.ts';
export * from './tenants.ts';
