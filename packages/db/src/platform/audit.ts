import { bigint, index, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { platform } from './schema.ts';

/** What operators and the platform did to tenants: onboard, suspend, offboard, export. */
export const platformAudit = platform.table(
  'audit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    tenantId: text('tenant_id'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_tenant_idx').on(t.tenantId, t.at)],
);

export type PlatformAuditRow = typeof platformAudit.$inferSelect;
