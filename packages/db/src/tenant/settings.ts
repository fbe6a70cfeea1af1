import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Tenant settings as key → JSON (branding, agency identifier, contact, locale). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Setting = typeof settings.$inferSelect;
