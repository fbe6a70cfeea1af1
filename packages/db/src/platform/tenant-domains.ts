import { text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { platform } from './schema.ts';
import { tenants } from './tenants.ts';

/** Custom host names an agency brings (e.g. dichvucong.danang.gov.vn); used once verified. */
export const tenantDomains = platform.table(
  'tenant_domains',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tenant_domains_domain_key').on(t.domain)],
);

export type TenantDomain = typeof tenantDomains.$inferSelect;
