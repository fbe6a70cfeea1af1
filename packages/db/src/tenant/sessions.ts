import { boolean, customType, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const principalKinds = ['staff', 'citizen'] as const;
export type PrincipalKind = (typeof principalKinds)[number];

/**
 * Sign-in sessions (the design lucia-auth.com teaches): the cookie carries `id.secret`; only
 * SHA-256(secret) is stored, looked up by id and compared in constant time.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: bytea('secret_hash').notNull(),
    principalKind: text('principal_kind', { enum: principalKinds }).notNull(),
    principalId: text('principal_id').notNull(),
    /** False until the second factor is verified, where one applies. */
    twoFactorVerified: boolean('two_factor_verified').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_principal_idx').on(t.principalKind, t.principalId)],
);

export type Session = typeof sessions.$inferSelect;

/** Single-use secrets sent by email: password reset links and staff invitations. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: text('id').primaryKey(),
    secretHash: bytea('secret_hash').notNull(),
    purpose: text('purpose', { enum: ['password_reset', 'invitation'] }).notNull(),
    principalKind: text('principal_kind', { enum: principalKinds }).notNull(),
    principalId: text('principal_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('one_time_tokens_principal_idx').on(t.principalKind, t.principalId)],
);

/** Failed sign-in counters per account and per address, shared by every API process. */
export const signInThrottles = pgTable('sign_in_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
