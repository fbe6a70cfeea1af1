// Finds the tenant a request is for, by slug or by a verified custom domain, with a small
// time-bounded cache so that a hot path costs no query. Another process's suspend is seen
// within `ttlMs`; this process's own changes invalidate at once.
import { type Database, isValidSlug, type TenantSlug } from '@motcua/db';
import { type TenantKind, type TenantStatus, tenantDomains, tenants } from '@motcua/db/platform';
import { and, eq, isNotNull } from 'drizzle-orm';

export interface ResolvedTenant {
  id: string;
  slug: TenantSlug;
  name: string;
  kind: TenantKind;
  status: TenantStatus;
}

export interface TenantResolver {
  bySlug(slug: string): Promise<ResolvedTenant | undefined>;
  byDomain(domain: string): Promise<ResolvedTenant | undefined>;
  invalidate(slug: string): void;
  readonly size: number;
}

interface Entry {
  value: Promise<ResolvedTenant | undefined>;
  expires: number;
}

const columns = {
  id: tenants.id,
  slug: tenants.slug,
  name: tenants.name,
  kind: tenants.kind,
  status: tenants.status,
};

export function createTenantResolver(
  database: Database,
  { ttlMs = 30_000, negativeTtlMs = 5_000, maxEntries = 20_000 } = {},
): TenantResolver {
  const cache = new Map<string, Entry>();

  const cached = (key: string, load: () => Promise<ResolvedTenant | undefined>) => {
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.expires > now) return hit.value;
    if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
    const value = load().then(
      (tenant) => {
        const entry = cache.get(key);
        if (entry?.value === value) entry.expires = Date.now() + (tenant ? ttlMs : negativeTtlMs);
        return tenant;
      },
      (error: unknown) => {
        cache.delete(key);
        throw error;
      },
    );
    cache.set(key, { value, expires: Number.POSITIVE_INFINITY });
    return value;
  };

  return {
    bySlug(slug) {
      if (!isValidSlug(slug)) return Promise.resolve(undefined);
      return cached(`s:${slug}`, async () => {
        const [row] = await database.platform.select(columns).from(tenants).where(eq(tenants.slug, slug));
        return row as ResolvedTenant | undefined;
      });
    },
    byDomain(domain) {
      const host = domain.toLowerCase();
      return cached(`d:${host}`, async () => {
        const [row] = await database.platform
          .select(columns)
          .from(tenantDomains)
          .innerJoin(tenants, eq(tenants.id, tenantDomains.tenantId))
          .where(and(eq(tenantDomains.domain, host), isNotNull(tenantDomains.verifiedAt)));
        return row as ResolvedTenant | undefined;
      });
    },
    invalidate(slug) {
      cache.delete(`s:${slug}`);
      // Custom-domain entries are few; drop those pointing at this tenant.
      for (const [key, entry] of cache) {
        if (key.startsWith('d:'))
          void entry.value.then(
            (t) => t?.slug === slug && cache.delete(key),
            () => {},
          );
      }
    },
    get size() {
      return cache.size;
    },
  };
}
