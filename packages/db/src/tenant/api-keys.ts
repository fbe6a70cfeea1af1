import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea } from './sessions.ts';

export const apiKeyModes = ['live', 'test'] as const;
export type ApiKeyMode = (typeof apiKeyModes)[number];

/** Keys for the agency's integrations: shown once, stored as SHA-256, revocable. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Visible start of the key (`mc_live_ab12cd34`) to recognise it in lists and logs. */
    prefix: text('prefix').notNull(),
    secretHash: bytea('secret_hash').notNull(),
    mode: text('mode', { enum: apiKeyModes }).notNull(),
    permissions: text('permissions').array().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_prefix_key').on(t.prefix), index('api_keys_created_idx').on(t.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;

/** Time-limited access of a vendor support operator to this tenant's data, visible to its admins. */
export const supportGrants = pgTable('support_grants', {
  id: text('id').primaryKey(),
  operatorId: text('operator_id').notNull(),
  operatorEmail: text('operator_email').notNull(),
  reason: text('reason').notNull(),
  grantedBy: text('granted_by').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
