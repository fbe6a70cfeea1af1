// Changing a staff member's role, unit or status. Ending someone's access (disabling, or a
// role change that alters what they may do) ends their sessions in the same unit of work.
import { type TenantDb, withTenant } from '@motcua/db';
import { oneTimeTokens, sessions, staffRoles, staffUsers } from '@motcua/db/tenant';
import { NotFoundError, PreconditionFailedError } from '@motcua/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit.ts';
import type { AuthContext } from '../context.ts';
import { assertCan } from '../permissions.ts';
import { assertUnitUsable, parseInput, type StaffView, staffViewColumns, trace } from './staff-view.ts';

export const updateStaffInput = z
  .object({
    id: z.string().min(1).max(100),
    role: z.enum(staffRoles).optional(),
    unitId: z.string().max(100).nullable().optional(),
    // `invited` is where an invitation puts someone, not something an admin can set.
    status: z.enum(['active', 'disabled']).optional(),
  })
  .strict();
export type UpdateStaffInput = z.input<typeof updateStaffInput>;

type Change = Partial<Pick<StaffView, 'role' | 'unitId' | 'status'>>;

const isActiveAdmin = (s: { role: string; status: string }) => s.role === 'admin' && s.status === 'active';

/**
 * The ids of the active admins, their rows locked in id order before any other row: two
 * admins demoting each other at once are serialised instead of deadlocking, and the second
 * sees the first's change (a row that stopped matching is dropped after the wait).
 */
async function lockActiveAdmins(db: TenantDb): Promise<string[]> {
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'admin'), eq(staffUsers.status, 'active')))
    .orderBy(staffUsers.id)
    .for('update');
  return rows.map((row) => row.id);
}

export async function updateStaff(ctx: AuthContext, input: unknown): Promise<StaffView> {
  assertCan(ctx.actor, 'staff.manage');
  const { id, ...requested } = parseInput(updateStaffInput, input, 'The change is not valid.');
  return withTenant(ctx.database, ctx.slug, async (db) => {
    const mayAffectAdmins = requested.role !== undefined || requested.status !== undefined;
    const activeAdmins = mayAffectAdmins ? await lockActiveAdmins(db) : [];
    const [current] = await db
      .select({ ...staffViewColumns, hasPassword: sql<boolean>`${staffUsers.passwordHash} is not null` })
      .from(staffUsers)
      .where(eq(staffUsers.id, id))
      .for('update');
    if (!current) throw new NotFoundError('No such staff member.', { id });
    const before: Change = {};
    const after: Change = {};
    for (const key of ['role', 'unitId', 'status'] as const) {
      const value = requested[key];
      if (value === undefined || value === current[key]) continue;
      Object.assign(before, { [key]: current[key] });
      Object.assign(after, { [key]: value });
    }
    const { hasPassword, ...view } = current;
    if (Object.keys(after).length === 0) return view;

    const next = { role: after.role ?? current.role, status: after.status ?? current.status };
    const isSelf = ctx.actor.kind === 'staff' && ctx.actor.id === id;
    if (isSelf && (next.role !== 'admin' || next.status === 'disabled') && current.role === 'admin') {
      throw new PreconditionFailedError(
        'You cannot demote or disable yourself; ask another admin.',
        undefined,
        'self_change',
      );
    }
    // The agency must keep one active admin.
    if (isActiveAdmin(current) && !isActiveAdmin(next) && !activeAdmins.some((admin) => admin !== id)) {
      throw new PreconditionFailedError(
        'This is the last active admin of the agency; make someone else an admin first.',
        undefined,
        'last_admin',
      );
    }
    if (after.status === 'active' && !hasPassword) {
      throw new PreconditionFailedError(
        'This person has not accepted their invitation yet.',
        undefined,
        'invitation_pending',
      );
    }
    if (after.unitId) await assertUnitUsable(db, after.unitId);

    const [updated] = await db
      .update(staffUsers)
      .set(after)
      .where(eq(staffUsers.id, id))
      .returning(staffViewColumns);
    if (!updated) throw new NotFoundError('No such staff member.', { id });
    const endsAccess = after.role !== undefined || after.status === 'disabled';
    const ended = endsAccess
      ? await db
          .delete(sessions)
          .where(and(eq(sessions.principalKind, 'staff'), eq(sessions.principalId, id)))
          .returning({ id: sessions.id })
      : [];
    if (after.status === 'disabled') {
      // A disabled person's unused invitation or reset link must not bring them back.
      await db
        .delete(oneTimeTokens)
        .where(
          and(
            eq(oneTimeTokens.principalKind, 'staff'),
            eq(oneTimeTokens.principalId, id),
            isNull(oneTimeTokens.usedAt),
          ),
        );
    }
    await recordAudit(db, {
      actor: ctx.actor,
      action: 'staff.updated',
      subject: id,
      details: { before, after, ...(endsAccess ? { sessionsEnded: ended.length } : {}) },
      ...trace(ctx),
    });
    return updated;
  });
}
