// Measures a day's usage for every agency that can have any: active and suspended ones (a
// suspended agency still stores files and may still receive dossiers it was sent before). An
// agency that fails is reported and the others are measured all the same.
import { isValidSlug, type TenantSlug } from '@motcua/db';
import { tenants } from '@motcua/db/platform';
import { assertCivilDate, type CivilDate } from '@motcua/domain';
import { asc, inArray } from 'drizzle-orm';
import { measureTenantUsage, type UsageContext } from './measure-tenant-usage.ts';

export const measuredStatuses = ['active', 'suspended'] as const;

export interface FleetUsageFailure {
  slug: TenantSlug;
  error: unknown;
}

export interface FleetUsageReport {
  day: CivilDate;
  /** Agencies measured, in slug order. */
  measured: TenantSlug[];
  failed: FleetUsageFailure[];
}

export interface FleetUsageOptions {
  /** Agencies measured at once; each holds one pooled connection while it is read. */
  concurrency?: number;
}

export async function measureFleetUsage(
  ctx: UsageContext,
  day: CivilDate,
  { concurrency = 4 }: FleetUsageOptions = {},
): Promise<FleetUsageReport> {
  assertCivilDate(day);
  const rows = await ctx.database.platform
    .select({ slug: tenants.slug })
    .from(tenants)
    .where(inArray(tenants.status, [...measuredStatuses]))
    .orderBy(asc(tenants.slug));
  const slugs = rows.map((row) => row.slug).filter(isValidSlug);
  const done = new Set<TenantSlug>();
  const failed: FleetUsageFailure[] = [];
  let next = 0;
  const lane = async () => {
    while (next < slugs.length) {
      const slug = slugs[next++] as TenantSlug;
      try {
        await measureTenantUsage(ctx, slug, day);
        done.add(slug);
      } catch (error) {
        failed.push({ slug, error });
      }
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, slugs.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  failed.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  return { day, measured: slugs.filter((slug) => done.has(slug)), failed };
}
