// The usage the operator console shows: each agency's latest measured day and the dossiers it
// received from the first of that day's month to that day. One statement for any number of
// agencies (the agency list reads a page of 50 with it); each agency costs two index lookups on
// the (tenant_id, day) key, however long its history.
import type { CivilDate } from '@motcua/domain';
import type { UsageContext } from './measure-tenant-usage.ts';

export interface UsageSummary {
  tenantId: string;
  /** The latest measured day. */
  day: CivilDate;
  dossiersReceived: number;
  dossiersSubmitted: number;
  storageBytes: number;
  staffSeats: number;
  measuredAt: Date;
  /** The month of `day`, 'YYYY-MM': "this month" as of the latest measurement. */
  month: string;
  /** Dossiers received from the first of `month` through `day`. */
  monthReceived: number;
}

interface Row {
  tenant_id: string;
  day: string;
  dossiers_received: number;
  dossiers_submitted: number;
  storage_bytes: number;
  staff_seats: number;
  measured_ms: number;
  month_received: number;
}

/** The latest usage of each agency in `tenantIds` that has been measured, by tenant id. */
export async function readUsage(
  ctx: UsageContext,
  tenantIds: readonly string[],
): Promise<Map<string, UsageSummary>> {
  const ids = [...new Set(tenantIds)];
  if (ids.length === 0) return new Map();
  // Dates and instants as text and epoch numbers: drizzle turns postgres.js's date parsers off
  // on the shared connection pool.
  const rows = await ctx.database.sql<Row[]>`
    select t.id as tenant_id, l.day::text as day, l.dossiers_received, l.dossiers_submitted,
      l.storage_bytes::float8 as storage_bytes, l.staff_seats,
      (extract(epoch from l.measured_at) * 1000)::float8 as measured_ms, m.received as month_received
    from unnest(${ids}::text[]) as t(id)
    cross join lateral (
      select u.day, u.dossiers_received, u.dossiers_submitted, u.storage_bytes, u.staff_seats, u.measured_at
      from platform.tenant_usage u where u.tenant_id = t.id order by u.day desc limit 1
    ) l
    cross join lateral (
      select coalesce(sum(u.dossiers_received), 0)::int as received from platform.tenant_usage u
      where u.tenant_id = t.id and u.day >= date_trunc('month', l.day)::date and u.day <= l.day
    ) m`;
  return new Map(
    rows.map((row) => [
      row.tenant_id,
      {
        tenantId: row.tenant_id,
        day: row.day,
        dossiersReceived: row.dossiers_received,
        dossiersSubmitted: row.dossiers_submitted,
        storageBytes: row.storage_bytes,
        staffSeats: row.staff_seats,
        measuredAt: new Date(Math.round(row.measured_ms)),
        month: row.day.slice(0, 7),
        monthReceived: row.month_received,
      },
    ]),
  );
}
