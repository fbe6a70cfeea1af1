import { type AnyPgColumn, date, index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const unitKinds = ['agency', 'department', 'commune', 'centre'] as const;
export type UnitKind = (typeof unitKinds)[number];

/**
 * Units inside an agency (sở, xã/phường, trung tâm). Versioned by effective dates so that
 * dossiers keep the unit they were filed with after a merger.
 */
export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: unitKinds }).notNull(),
    parentId: text('parent_id').references((): AnyPgColumn => units.id),
    validFrom: date('valid_from').notNull().defaultNow(),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_code_valid_from_key').on(t.code, t.validFrom),
    index('units_parent_idx').on(t.parentId),
  ],
);

export type Unit = typeof units.$inferSelect;
