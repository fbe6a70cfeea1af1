import { bigint, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units } from './units.ts';

export const staffRoles = ['admin', 'reception', 'specialist', 'approver', 'clerk', 'viewer'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffStatuses = ['invited', 'active', 'disabled'] as const;
export type StaffStatus = (typeof staffStatuses)[number];

/** The agency's own people. They live in the tenant schema: the agency controls their data. */
export const staffUsers = pgTable(
  'staff_users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role', { enum: staffRoles }).notNull(),
    unitId: text('unit_id').references(() => units.id),
    status: text('status', { enum: staffStatuses }).notNull().default('invited'),
    passwordHash: text('password_hash'),
    /** Base32 TOTP secret once enrolled; admins must enrol before they act. */
    totpSecret: text('totp_secret'),
    totpEnrolledAt: timestamp('totp_enrolled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code is good once (RFC 6238 §5.2). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('staff_users_email_key').on(t.email), index('staff_users_unit_idx').on(t.unitId)],
);

export type StaffUser = typeof staffUsers.$inferSelect;
