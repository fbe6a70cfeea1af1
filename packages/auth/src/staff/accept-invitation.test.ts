import { withTenant } from '@motcua/db';
import { oneTimeTokens, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { ValidationError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { days, deliverEmailedLinks, later } from '../../test/fixtures.ts';
import { verifyPassword } from '../passwords.ts';
import type { Actor } from '../permissions.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { inviteStaff } from './invite-staff.ts';

const database = useTestDatabase(4);
const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };
const password = 'Ngày-mai-trời-lại-sáng-2026';

async function invited(now: Date) {
  const slug = await createTestTenant(database);
  const deps = { linkBase: 'https://x', siteName: 'X' };
  const staff = await inviteStaff(
    { database, slug, actor: admin },
    { email: 'giang@agency.vn', fullName: 'Hoàng Giang', role: 'specialist' },
    deps,
    now,
  );
  const [sent] = await deliverEmailedLinks(database, slug, now);
  const token = sent?.token ?? '';
  return { slug, staff, token };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (e: unknown) => (e instanceof ValidationError ? e.code : String(e)),
  );

describe('acceptInvitation', () => {
  const now = new Date('2026-03-02T08:00:00Z');

  it('sets the password, activates the person and burns the link', async () => {
    const { slug, staff, token } = await invited(now);
    expect(await acceptInvitation({ database, slug }, { token, password }, later(now, days(6)))).toEqual({
      status: 'invitation_accepted',
      staffId: staff.id,
    });
    const [row] = await withTenant(database, slug, (db) =>
      db.select().from(staffUsers).where(eq(staffUsers.id, staff.id)),
    );
    expect(row?.status).toBe('active');
    expect(await verifyPassword(row?.passwordHash ?? '', password)).toBe(true);
    const [link] = await withTenant(database, slug, (db) => db.select().from(oneTimeTokens));
    expect(link?.usedAt).not.toBeNull();
    expect(await codeOf(acceptInvitation({ database, slug }, { token, password }))).toBe(
      'invalid_or_expired_invitation',
    );
  });

  it('refuses an expired link and a wrong secret, and a wrong secret does not burn the link', async () => {
    const { slug, token } = await invited(now);
    const wrong = `${token.slice(0, 25)}${'a'.repeat(32)}`;
    expect(await codeOf(acceptInvitation({ database, slug }, { token: wrong, password }, now))).toBe(
      'invalid_or_expired_invitation',
    );
    expect(await codeOf(acceptInvitation({ database, slug }, { token, password }, later(now, days(7))))).toBe(
      'invalid_or_expired_invitation',
    );
    expect(await codeOf(acceptInvitation({ database, slug }, { token, password }, later(now, days(1))))).toBe(
      'resolved',
    );
  });

  it('applies the password policy and keeps the link working', async () => {
    const { slug, token } = await invited(now);
    expect(
      await codeOf(acceptInvitation({ database, slug }, { token, password: 'hoanggiang2026' }, now)),
    ).toBe('invalid_input');
    expect(await codeOf(acceptInvitation({ database, slug }, { token, password }, now))).toBe('resolved');
  });
});
