// Measures one agency's usage of one civil day and records it in platform.tenant_usage. The
// figures are read inside the agency's own unit of work (its role, its schema), so nothing of
// another agency can be counted; running it again recomputes the day and replaces the row.
import { type TenantDb, withTenant } from '@motcua/db';
import { type TenantUsage, tenantUsage } from '@motcua/db/platform';
import { dossierDocuments, dossiers, staffUsers } from '@motcua/db/tenant';
import type { CivilDate } from '@motcua/domain';
import { and, eq, sql } from 'drizzle-orm';
import type { ProvisioningContext } from '../context.ts';
import { parseSlugArgument } from '../input.ts';
import { requireTenant } from '../records.ts';
import { usageDayBounds } from './usage-day.ts';

/** What measuring needs: the database only (the worker has no object storage). */
export type UsageContext = Pick<ProvisioningContext, 'database'>;

type Figures = {
  received: number;
  submitted: number;
  storage: number;
  seats: number;
  /** The unit of work's start, in epoch milliseconds: when the figures were true. */
  at: number;
};

/** Every figure in one statement, so that a measurement costs one tenant round trip. */
async function readFigures(db: TenantDb, from: Date, to: Date): Promise<Figures> {
  const within = (column: typeof dossiers.receivedAt | typeof dossiers.submittedAt) =>
    sql`${column} >= ${from.toISOString()}::timestamptz and ${column} < ${to.toISOString()}::timestamptz`;
  const rows = await db.execute<Figures>(sql`select
    (select count(*)::int from ${dossiers} where ${within(dossiers.receivedAt)}) as received,
    (select count(*)::int from ${dossiers} where ${within(dossiers.submittedAt)}) as submitted,
    (select coalesce(sum(${dossierDocuments.sizeBytes}), 0)::float8 from ${dossierDocuments}
      where ${dossierDocuments.status} = 'verified') as storage,
    (select count(*)::int from ${staffUsers} where ${staffUsers.status} = 'active') as seats,
    (extract(epoch from now()) * 1000)::float8 as at`);
  const [figures] = rows;
  if (!figures) throw new Error('The usage query returned no row.');
  return figures;
}

/**
 * Recomputes `day` ('YYYY-MM-DD', Vietnam) for the agency `slug` and upserts its row: dossiers
 * received and submitted that day, the bytes of its checked files and its active staff now.
 * A slower measurement never overwrites a newer one (two workers may measure at once).
 */
export async function measureTenantUsage(
  ctx: UsageContext,
  slug: string,
  day: CivilDate,
): Promise<TenantUsage> {
  const validSlug = parseSlugArgument(slug);
  const { from, to } = usageDayBounds(day);
  const tenant = await requireTenant(ctx.database.platform, validSlug);
  const figures = await withTenant(ctx.database, validSlug, (db) => readFigures(db, from, to));
  const [saved] = await ctx.database.platform
    .insert(tenantUsage)
    .values({
      tenantId: tenant.id,
      day,
      dossiersReceived: figures.received,
      dossiersSubmitted: figures.submitted,
      storageBytes: figures.storage,
      staffSeats: figures.seats,
      measuredAt: new Date(figures.at),
    })
    .onConflictDoUpdate({
      target: [tenantUsage.tenantId, tenantUsage.day],
      set: {
        dossiersReceived: sql`excluded.dossiers_received`,
        dossiersSubmitted: sql`excluded.dossiers_submitted`,
        storageBytes: sql`excluded.storage_bytes`,
        staffSeats: sql`excluded.staff_seats`,
        measuredAt: sql`excluded.measured_at`,
      },
      setWhere: sql`${tenantUsage.measuredAt} <= excluded.measured_at`,
    })
    .returning();
  if (saved) return saved;
  const [newer] = await ctx.database.platform
    .select()
    .from(tenantUsage)
    .where(and(eq(tenantUsage.tenantId, tenant.id), eq(tenantUsage.day, day)));
  if (!newer) throw new Error('The usage row vanished while it was written.');
  return newer;
}
