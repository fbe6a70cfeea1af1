import { withTenant } from '@motcua/db';
import { oneTimeTokens, sessions, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ForbiddenError, NotFoundError, PreconditionFailedError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, insertStaff } from '../../test/fixtures.ts';
import type { Actor } from '../permissions.ts';
import { createTenantSession } from '../tenant-sessions.ts';
import { inviteStaff } from './invite-staff.ts';
import { listStaff } from './list-staff.ts';
import { updateStaff } from './update-staff.ts';

const database = useTestDatabase(4);

async function tenantWithAdmin() {
  const slug = await createTestTenant(database);
  const id = await insertStaff(database, slug, { role: 'admin' });
  return { slug, ctx: { database, slug, actor: { kind: 'staff', id, role: 'admin' } as Actor }, adminId: id };
}

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PreconditionFailedError);
  return (error as PreconditionFailedError).code;
};

describe('updateStaff', () => {
  it('writes only what changed, with before and after, and nothing for a change to the same values', async () => {
    const { slug, ctx } = await tenantWithAdmin();
    const id = await insertStaff(database, slug, { role: 'specialist' });
    await createTenantSession(database, slug, { kind: 'staff', principalId: id });
    await updateStaff(ctx, { id, role: 'specialist' });
    expect(await auditRows(database, slug)).toEqual([]);
    const updated = await updateStaff(ctx, { id, role: 'approver', unitId: null });
    expect(updated).toMatchObject({ id, role: 'approver' });
    expect((await auditRows(database, slug)).map((r) => r.details)).toEqual([
      { before: { role: 'specialist' }, after: { role: 'approver' }, sessionsEnded: 1 },
    ]);
    expect(
      await withTenant(database, slug, (db) =>
        db.select().from(sessions).where(eq(sessions.principalId, id)),
      ),
    ).toEqual([]);
  });

  it('refuses demoting or disabling oneself, and the last active admin', async () => {
    const { slug, ctx, adminId } = await tenantWithAdmin();
    expect(await codeOf(updateStaff(ctx, { id: adminId, role: 'viewer' }))).toBe('self_change');
    expect(await codeOf(updateStaff(ctx, { id: adminId, status: 'disabled' }))).toBe('self_change');
    // An actor outside the table (an admin removed meanwhile, a script) meets the last-admin rule.
    const outsider = { ...ctx, actor: { kind: 'staff', id: 'usr_elsewhere', role: 'admin' } as Actor };
    expect(await codeOf(updateStaff(outsider, { id: adminId, status: 'disabled' }))).toBe('last_admin');
    const second = await insertStaff(database, slug, { role: 'admin' });
    await updateStaff(outsider, { id: adminId, role: 'viewer' });
    expect(await codeOf(updateStaff(outsider, { id: second, role: 'clerk' }))).toBe('last_admin');
    expect((await auditRows(database, slug)).map((r) => r.details)).toEqual([
      { before: { role: 'admin' }, after: { role: 'viewer' }, sessionsEnded: 0 },
    ]);
  });

  it('disabling drops the person’s unused links; an invitee cannot be enabled before accepting', async () => {
    const { slug, ctx } = await tenantWithAdmin();
    const deps = { linkBase: 'https://x', siteName: 'X' };
    const invited = await inviteStaff(ctx, { email: 'e@agency.vn', fullName: 'Én', role: 'viewer' }, deps);
    expect(await codeOf(updateStaff(ctx, { id: invited.id, status: 'active' }))).toBe('invitation_pending');
    await updateStaff(ctx, { id: invited.id, status: 'disabled' });
    expect(await withTenant(database, slug, (db) => db.select().from(oneTimeTokens))).toEqual([]);
    const [row] = await withTenant(database, slug, (db) =>
      db.select({ status: staffUsers.status }).from(staffUsers).where(eq(staffUsers.id, invited.id)),
    );
    expect(row?.status).toBe('disabled');
  });

  it('answers NotFound for an unknown id, and Forbidden to a role without staff.manage', async () => {
    const { slug, ctx } = await tenantWithAdmin();
    await expect(updateStaff(ctx, { id: 'usr_nobody', role: 'viewer' })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const viewer = { ...ctx, actor: { kind: 'staff', id: 'usr_v', role: 'viewer' } as Actor };
    await expect(updateStaff(viewer, { id: 'usr_nobody', role: 'admin' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(listStaff(viewer)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listStaff(ctx)).toHaveLength(1);
    expect(await auditRows(database, slug)).toEqual([]);
  });
});
