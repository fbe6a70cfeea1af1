import { sql } from 'drizzle-orm';
import { index, integer, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { platform } from './schema.ts';

export const tenantKinds = ['ministry', 'province'] as const;
export type TenantKind = (typeof tenantKinds)[number];

export const tenantStatuses = ['provisioning', 'active', 'suspended', 'offboarding', 'offboarded'] as const;
export type TenantStatus = (typeof tenantStatuses)[number];

export const tenants = platform.table(
  'tenants',
  {
    id: text('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: tenantKinds }).notNull(),
    status: text('status', { enum: tenantStatuses }).notNull().default('provisioning'),
    adminEmail: text('admin_email').notNull(),
    /** Number of tenant migrations applied to the tenant's schema (0 = none). */
    schemaVersion: integer('schema_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    /** Why the operator suspended it (unpaid rent, the agency's request…), for the other operators. */
    suspendedReason: text('suspended_reason'),
    offboardedAt: timestamp('offboarded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('tenants_slug_key').on(t.slug),
    index('tenants_schema_version_idx').on(t.schemaVersion).where(sql`${t.status} <> 'offboarded'`),
  ],
);

export type Tenant = typeof tenants.$inferSelect;
export type NewTenant = typeof tenants.$inferInsert;
