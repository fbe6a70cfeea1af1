import { bigint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { platform } from './schema.ts';

export const operatorRoles = ['owner', 'operator', 'billing', 'support'] as const;
export type OperatorRole = (typeof operatorRoles)[number];

/** The vendor's people who run the fleet. */
export const operators = platform.table(
  'operators',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role', { enum: operatorRoles }).notNull(),
    passwordHash: text('password_hash'),
    /** Base32 TOTP secret; operators must enrol a second factor. */
    totpSecret: text('totp_secret'),
    totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code is good once (RFC 6238 §5.2). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('operators_email_key').on(t.email)],
);

export type Operator = typeof operators.$inferSelect;
