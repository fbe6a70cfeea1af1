// Verifies a tenant's hash-chained audit log (see migration 0003): every row's hash must be
// the digest of the previous row's hash and its own content, in id order.
import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import type { TenantSlug } from './names.ts';
import { withTenant } from './tenant-scope.ts';

export interface AuditChainReport {
  rows: number;
  intact: boolean;
  /** The first row whose content or link does not match, when the chain is broken. */
  firstBrokenId?: number;
  reason?: 'content_changed' | 'link_broken';
}

export async function verifyAuditChain(database: Database, slug: TenantSlug): Promise<AuditChainReport> {
  const rows = await withTenant(database, slug, (db) =>
    db.execute<{ id: string; prev_hash: Buffer | null; hash: Buffer | null; matches: boolean }>(sql`
      select id, prev_hash, hash,
        coalesce(audit_log_digest(prev_hash, id, at, actor, action, subject, request_id, details, ip) = hash, false)
          as matches
      from audit_log order by id`),
  );
  let previous: Buffer | null = null;
  for (const row of rows) {
    const id = Number(row.id);
    const linked = previous === null ? row.prev_hash === null : row.prev_hash?.equals(previous) === true;
    if (!linked) return { rows: rows.length, intact: false, firstBrokenId: id, reason: 'link_broken' };
    if (!row.matches)
      return { rows: rows.length, intact: false, firstBrokenId: id, reason: 'content_changed' };
    previous = row.hash;
  }
  return { rows: rows.length, intact: true };
}
