// Which tenants the worker delivers for.
//
// Decision: a suspended tenant's outbox is still delivered. Suspension is a measure between
// the vendor and the agency (a contract or billing matter); the citizens whose dossiers were
// received, refused or sent back for supplements before it are still owed those notices, and
// an apology or a supplement request that never arrives costs them, not the agency. The same
// holds while a tenant is being offboarded, until its schema is gone. A tenant still being
// provisioned has no dossiers yet, and an offboarded one has no schema.
import type { Database, TenantSlug } from '@motcua/db';
import { isValidSlug, tenantNames } from '@motcua/db';
import type { TenantStatus } from '@motcua/db/platform';

export const deliverableStatuses = [
  'active',
  'suspended',
  'offboarding',
] as const satisfies readonly TenantStatus[];

/**
 * The tenant a NOTIFY payload (the schema the outbox row was written to) names, or null for
 * anything that is not a tenant schema: anyone who can connect can send a NOTIFY.
 */
export function readTenantOfSchema(schema: string): TenantSlug | null {
  if (!schema.startsWith('t_')) return null;
  // Slugs hold no `_`, so the schema's underscores are the slug's hyphens (see tenantNames).
  const slug = schema.slice(2).replaceAll('_', '-');
  return isValidSlug(slug) && tenantNames(slug).schema === schema ? slug : null;
}

/**
 * Deliverable tenants whose schema has the outbox table (a tenant not yet migrated to it is
 * skipped, not failed on every sweep), in slug order. `only` narrows the answer to some slugs.
 */
export async function findDeliverableTenants(
  database: Database,
  only?: readonly TenantSlug[],
): Promise<TenantSlug[]> {
  const statuses = [...deliverableStatuses];
  const rows = only
    ? await database.sql<{ slug: string }[]>`select slug from platform.tenants
        where status = any(${statuses}) and slug = any(${[...only]}) order by slug`
    : await database.sql<{ slug: string }[]>`select slug from platform.tenants
        where status = any(${statuses}) order by slug`;
  const slugs = rows.map((r) => r.slug).filter(isValidSlug);
  if (slugs.length === 0) return [];
  // The catalogs are readable by the login role, which holds no rights on tenant schemas.
  const withOutbox = await database.sql<{ schema: string }[]>`
    select n.nspname as schema from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    where c.relname = 'outbox' and c.relkind in ('r', 'p')
      and n.nspname = any(${slugs.map((slug) => tenantNames(slug).schema)})`;
  const ready = new Set(withOutbox.map((r) => r.schema));
  return slugs.filter((slug) => ready.has(tenantNames(slug).schema));
}
