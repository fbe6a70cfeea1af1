// What a worker could not write back because the database went away in the middle of a batch:
// messages the SMTP server accepted (marked sent as soon as the database answers, so they do not
// go out again) and rows it had leased but not finished (handed back at once instead of when the
// lease runs out, minutes later). Kept in the worker's memory and settled before the tenant's
// next claim; a worker that dies loses it, and the leases expire as before.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { sql } from 'drizzle-orm';
import { idArray } from './outbox-rows.ts';

interface Owed {
  sent: Set<number>;
  /** Rows to hand back, by the lease this worker set on them (another worker's lease is left alone). */
  leases: Map<string, Set<number>>;
}

export interface Handback {
  /** The server accepted row `id`, but marking it sent failed. */
  sent(slug: TenantSlug, id: number): void;
  /** Rows leased until `leasedUntil` whose outcome could not be written. */
  release(slug: TenantSlug, ids: Iterable<number>, leasedUntil: string): void;
  /** Writes what is owed for `slug`; throws (keeping it) while the database is away. */
  settle(database: Database, slug: TenantSlug): Promise<void>;
  /** Rows owed for `slug`, for tests and logs. */
  owed(slug: TenantSlug): number;
}

export function createHandback(): Handback {
  const bySlug = new Map<TenantSlug, Owed>();
  const owedFor = (slug: TenantSlug) => {
    let owed = bySlug.get(slug);
    if (!owed) {
      owed = { sent: new Set(), leases: new Map() };
      bySlug.set(slug, owed);
    }
    return owed;
  };
  return {
    sent(slug, id) {
      const owed = owedFor(slug);
      owed.sent.add(id);
      for (const ids of owed.leases.values()) ids.delete(id);
    },
    release(slug, ids, leasedUntil) {
      const owed = owedFor(slug);
      const lease = owed.leases.get(leasedUntil) ?? new Set<number>();
      for (const id of ids) if (!owed.sent.has(id)) lease.add(id);
      owed.leases.set(leasedUntil, lease);
    },
    async settle(database, slug) {
      const owed = bySlug.get(slug);
      if (!owed) return;
      const sent = [...owed.sent];
      const leases = [...owed.leases].filter(([, ids]) => ids.size > 0);
      await withTenant(database, slug, async (db) => {
        if (sent.length > 0) {
          await db.execute(sql`update outbox set sent_at = clock_timestamp(), attempts = attempts + 1,
            last_error = null, leased_until = null
            where id = any(${idArray(sent)}) and sent_at is null`);
        }
        for (const [leasedUntil, ids] of leases) {
          await db.execute(sql`update outbox set leased_until = null
            where id = any(${idArray([...ids])}) and sent_at is null
              and leased_until = ${leasedUntil}::timestamptz`);
        }
      });
      bySlug.delete(slug);
    },
    owed(slug) {
      const owed = bySlug.get(slug);
      if (!owed) return 0;
      return owed.sent.size + [...owed.leases.values()].reduce((n, ids) => n + ids.size, 0);
    },
  };
}
