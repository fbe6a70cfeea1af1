import { bigint, date, integer, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { platform } from './schema.ts';
import { tenants } from './tenants.ts';

/**
 * An agency's usage of one Vietnamese civil day, recomputed from its own schema while the day
 * runs (the last measurement of a day is its figure). The counts are of that day; storage and
 * staff seats are what stood at `measured_at`.
 */
export const tenantUsage = platform.table(
  'tenant_usage',
  {
    // No cascade: usage is what invoices are built from; tenants are never deleted (offboarding
    // keeps the row), and a delete that would take billing history with it should fail.
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    /** The civil day in Asia/Ho_Chi_Minh, 'YYYY-MM-DD'. */
    day: date('day', { mode: 'string' }).notNull(),
    dossiersReceived: integer('dossiers_received').notNull(),
    dossiersSubmitted: integer('dossiers_submitted').notNull(),
    /** Bytes of the agency's checked (verified) files. */
    storageBytes: bigint('storage_bytes', { mode: 'number' }).notNull(),
    /** Staff accounts that can sign in (invited and disabled ones take no seat). */
    staffSeats: integer('staff_seats').notNull(),
    measuredAt: timestamp('measured_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] })],
);

export type TenantUsage = typeof tenantUsage.$inferSelect;
export type NewTenantUsage = typeof tenantUsage.$inferInsert;
