import { withTenant } from '@motcua/db';
import { oneTimeTokens, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { days, later, minutes, outboxRows } from '../test/fixtures.ts';
import { issueEmailedToken } from './emailed-tokens.ts';
import type { Actor } from './permissions.ts';
import { acceptInvitation } from './staff/accept-invitation.ts';
import { inviteStaff } from './staff/invite-staff.ts';

const database = useTestDatabase(4);
const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };
const password = 'Mưa-Huế-tháng-mười-2026';

async function invite(now = new Date()) {
  const slug = await createTestTenant(database);
  const staff = await inviteStaff(
    { database, slug, actor: admin },
    { email: 'hoa@agency.vn', fullName: 'Lê Hoa', role: 'clerk' },
    { linkBase: 'https://x.motcua.vn', siteName: 'X' },
    now,
  );
  const [row] = await outboxRows(database, slug);
  const data = row?.payload.data as { tokenId: string; validForMinutes: number };
  return { slug, staff, data };
}

describe('emailed one-time links', () => {
  it('cannot be used before the worker issues them, and work once issued', async () => {
    const { slug, data } = await invite();
    // Whoever reads the outbox (a backup, an export) learns the token id, which is not enough.
    const guessed = `${data.tokenId}.${'a'.repeat(32)}`;
    await expect(acceptInvitation({ database, slug }, { token: guessed, password })).rejects.toMatchObject({
      code: 'invalid_or_expired_invitation',
    });
    const issued = await issueEmailedToken(database, slug, data);
    expect(issued?.token.startsWith(`${data.tokenId}.`)).toBe(true);
    await acceptInvitation({ database, slug }, { token: issued?.token, password });
  });

  it('start their lifetime when they are issued, so a late email still works as long as it says', async () => {
    const queuedAt = new Date('2027-01-05T08:00:00Z');
    const { slug, data } = await invite(queuedAt);
    const sentAt = later(queuedAt, days(2));
    const issued = await issueEmailedToken(database, slug, data, sentAt);
    const [row] = await withTenant(database, slug, (db) => db.select().from(oneTimeTokens));
    expect(row?.expiresAt.toISOString()).toBe(later(sentAt, days(7)).toISOString());
    // A second issue (a resend after a crash) replaces the secret: the newest email works.
    const again = await issueEmailedToken(database, slug, data, later(sentAt, minutes(1)));
    expect(again?.version).not.toBe(issued?.version);
    await expect(
      acceptInvitation({ database, slug }, { token: issued?.token, password }, later(sentAt, minutes(2))),
    ).rejects.toThrow();
    await acceptInvitation({ database, slug }, { token: again?.token, password }, later(sentAt, minutes(2)));
  });

  it('are not issued once used, replaced, or no longer wanted by the person', async () => {
    const used = await invite();
    const issued = await issueEmailedToken(database, used.slug, used.data);
    await acceptInvitation({ database, slug: used.slug }, { token: issued?.token, password });
    expect(await issueEmailedToken(database, used.slug, used.data)).toBeNull();

    const gone = await invite();
    await withTenant(database, gone.slug, (db) => db.delete(oneTimeTokens));
    expect(await issueEmailedToken(database, gone.slug, gone.data)).toBeNull();

    const disabled = await invite();
    await withTenant(database, disabled.slug, (db) =>
      db.update(staffUsers).set({ status: 'disabled' }).where(eq(staffUsers.id, disabled.staff.id)),
    );
    expect(await issueEmailedToken(database, disabled.slug, disabled.data)).toBeNull();
  });

  it('are found only in their own tenant', async () => {
    const { slug, data } = await invite();
    const other = await createTestTenant(database);
    expect(await issueEmailedToken(database, other, data)).toBeNull();
    expect(await issueEmailedToken(database, slug, data)).not.toBeNull();
  });
});
