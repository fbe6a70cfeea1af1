import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers.ts';

export const paymentStatuses = ['pending', 'succeeded', 'failed'] as const;

/**
 * Online payments of a dossier's fee through a payment provider. A payment counts only when the
 * provider's signed notification says so — never because a browser came back from its page.
 */
export const payments = pgTable(
  'payments',
  {
    id: text('id').primaryKey(),
    dossierId: text('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    provider: text('provider').notNull(),
    providerRef: text('provider_ref').notNull(),
    /** Whole đồng. */
    amount: integer('amount').notNull(),
    status: text('status', { enum: paymentStatuses }).notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('payments_provider_ref_key').on(t.provider, t.providerRef),
    index('payments_dossier_idx').on(t.dossierId),
  ],
);

export type Payment = typeof payments.$inferSelect;
