// Vendor support access to an agency's data: only through a time-limited grant that the
// agency's admin creates, sees and can revoke; every use is written to the agency's audit log.
import { type Database, newId, type TenantSlug, withTenant } from '@motcua/db';
import { staffUsers, supportGrants } from '@motcua/db/tenant';
import { ForbiddenError, NotFoundError, ValidationError } from '@motcua/domain';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from './audit.ts';
import type { AuthContext } from './context.ts';
import { actorRef, assertCan, can } from './permissions.ts';

export const maxSupportGrantHours = 72;

const grantInput = z.object({
  operatorEmail: z.email().max(254),
  reason: z.string().trim().min(5).max(500),
  hours: z.number().int().min(1).max(maxSupportGrantHours),
});

export async function createSupportGrant(ctx: AuthContext, input: unknown) {
  assertCan(ctx.actor, 'staff.manage');
  const parsed = grantInput.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      'Some details need correcting.',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const { operatorEmail, reason, hours } = parsed.data;
  const [operator] = await ctx.database.sql<{ id: string; role: string }[]>`
    select id, role from platform.operators where lower(email) = lower(${operatorEmail})`;
  if (!operator || !can(operator.role as 'support', 'support.access')) {
    throw new ValidationError('No support operator has that email address.', [
      { path: 'operatorEmail', message: 'not a support operator' },
    ]);
  }
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [grant] = await db
      .insert(supportGrants)
      .values({
        id: newId('sgr'),
        operatorId: operator.id,
        operatorEmail: operatorEmail.toLowerCase(),
        reason,
        grantedBy: actorRef(ctx.actor),
        expiresAt: sql`now() + make_interval(hours => ${hours})`,
      })
      .returning();
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'support.grant_created',
      subject: grant?.id,
      details: { operatorEmail: operatorEmail.toLowerCase(), hours, reason },
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
    return grant!;
  });
}

export async function listSupportGrants(ctx: AuthContext) {
  assertCan(ctx.actor, 'staff.manage');
  return withTenant(ctx.database, ctx.slug, (db) =>
    db.select().from(supportGrants).orderBy(desc(supportGrants.createdAt)),
  );
}

export async function revokeSupportGrant(ctx: AuthContext, id: string) {
  assertCan(ctx.actor, 'staff.manage');
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [grant] = await db
      .update(supportGrants)
      .set({ revokedAt: new Date() })
      .where(and(eq(supportGrants.id, id), isNull(supportGrants.revokedAt)))
      .returning();
    if (!grant) throw new NotFoundError('No active grant with that id.');
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'support.grant_revoked',
      subject: id,
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
    return grant;
  });
}

export interface SupportAccessContext {
  database: Database;
  slug: TenantSlug;
  operator: { id: string; role: 'owner' | 'operator' | 'billing' | 'support' };
  requestId?: string;
  ip?: string;
}

/**
 * Runs `read` inside the tenant's unit of work if the operator holds an active grant, and
 * audits the access in the same unit of work; refuses otherwise.
 */
export async function withSupportAccess<T>(
  ctx: SupportAccessContext,
  what: string,
  read: (db: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<T>,
): Promise<T> {
  if (!can(ctx.operator.role, 'support.access'))
    throw new ForbiddenError('Your operator role has no support access.');
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const [grant] = await db
      .select({ id: supportGrants.id })
      .from(supportGrants)
      .where(
        and(
          eq(supportGrants.operatorId, ctx.operator.id),
          isNull(supportGrants.revokedAt),
          gt(supportGrants.expiresAt, sql`now()`),
        ),
      )
      .limit(1);
    if (!grant) throw new ForbiddenError('The agency has not granted you support access, or it has expired.');
    const result = await read(db);
    await recordAudit(db, {
      actor: `operator:${ctx.operator.id}`,
      action: 'support.access',
      subject: grant.id,
      details: { what },
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
    return result;
  });
}

/** What support sees of the staff list: enough to help, no secrets. */
export function supportStaffView(db: Parameters<Parameters<typeof withTenant>[2]>[0]) {
  return db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      fullName: staffUsers.fullName,
      role: staffUsers.role,
      status: staffUsers.status,
    })
    .from(staffUsers)
    .orderBy(staffUsers.email);
}
