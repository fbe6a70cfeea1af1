import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './sessions.ts';

/** What happened inside the tenant: who, what, when, from where. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    /** Where the action came from (client address), when it came over HTTP. */
    ip: text('ip'),
    /** SHA-256 over the previous row's hash and this row's content, set by a trigger. */
    prevHash: bytea('prev_hash'),
    hash: bytea('hash'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
