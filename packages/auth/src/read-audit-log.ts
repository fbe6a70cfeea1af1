// The agency admin's view of the tenant's audit trail and the check of its hash chain.
import { verifyAuditChain, withTenant } from '@motcua/db';
import { auditLog } from '@motcua/db/tenant';
import { desc, lt } from 'drizzle-orm';
import type { AuthContext } from './context.ts';
import { assertCan } from './permissions.ts';

export async function readAuditLog(
  ctx: AuthContext,
  { limit = 50, before }: { limit?: number; before?: number } = {},
) {
  assertCan(ctx.actor, 'audit.read');
  const size = Math.min(Math.max(1, Math.floor(limit)), 200);
  const rows = await withTenant(ctx.database, ctx.slug, (db) =>
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actor: auditLog.actor,
        action: auditLog.action,
        subject: auditLog.subject,
        requestId: auditLog.requestId,
        ip: auditLog.ip,
        details: auditLog.details,
      })
      .from(auditLog)
      .where(before ? lt(auditLog.id, before) : undefined)
      .orderBy(desc(auditLog.id))
      .limit(size),
  );
  return { rows, nextBefore: rows.length === size ? rows[rows.length - 1]?.id : undefined };
}

export async function checkAuditChain(ctx: AuthContext) {
  assertCan(ctx.actor, 'audit.read');
  return verifyAuditChain(ctx.database, ctx.slug);
}
