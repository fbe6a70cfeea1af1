import { type TenantSlug, withTenant } from '@motcua/db';
import { sessions, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  days,
  hours,
  insertCitizen,
  insertStaff,
  later,
  minutes,
  untouchableDatabase,
} from '../test/fixtures.ts';
import { validateOperatorSession } from './operator-sessions.ts';
import { sessionPolicies } from './sessions.ts';
import {
  createTenantSession,
  invalidateAllTenantSessions,
  invalidateTenantSession,
  markTwoFactorVerified,
  validateTenantSession,
} from './tenant-sessions.ts';
import { hashSecret } from './tokens.ts';

const database = useTestDatabase(4);

async function storedSession(slug: TenantSlug, id: string) {
  const [row] = await withTenant(database, slug, (db) =>
    db.select().from(sessions).where(eq(sessions.id, id)),
  );
  return row;
}

async function staffSession(now = new Date()) {
  const slug = await createTestTenant(database);
  const staffId = await insertStaff(database, slug);
  const { token, session } = await createTenantSession(
    database,
    slug,
    { kind: 'staff', principalId: staffId },
    now,
  );
  return { slug, staffId, token, session, now };
}

describe('tenant sessions', () => {
  it('stores only the SHA-256 of the secret and hands out <id>.<secret>', async () => {
    const { slug, token, session } = await staffSession();
    const [id, secret] = token.split('.');
    expect(id).toBe(session.id);
    expect(id).toMatch(/^[a-z2-7]{24}$/);
    expect(secret).toMatch(/^[a-z2-7]{32}$/);
    const row = await storedSession(slug, session.id);
    expect(Buffer.from(row!.secretHash).equals(Buffer.from(hashSecret(secret!)))).toBe(true);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('validates a staff session and returns the staff member without secrets', async () => {
    const { slug, staffId, token, now } = await staffSession();
    const result = await validateTenantSession(database, slug, token, later(now, minutes(1)));
    expect(result).toMatchObject({
      session: { kind: 'staff', principalId: staffId, twoFactorVerified: false },
      principal: {
        kind: 'staff',
        id: staffId,
        role: 'specialist',
        status: 'active',
        fullName: 'Nguyễn Văn An',
      },
      refreshed: false,
    });
    expect(result!.principal).not.toHaveProperty('passwordHash');
    expect(result!.principal).not.toHaveProperty('totpSecret');
    expect(result!.session.expiresAt).toEqual(later(now, sessionPolicies.staff.idleTimeoutMs));
  });

  it('validates a citizen session and returns the citizen without a password hash', async () => {
    const slug = await createTestTenant(database);
    const citizenId = await insertCitizen(database, slug);
    const { token } = await createTenantSession(database, slug, { kind: 'citizen', principalId: citizenId });
    const result = await validateTenantSession(database, slug, token);
    expect(result?.principal).toMatchObject({ kind: 'citizen', id: citizenId, fullName: 'Trần Thị Bình' });
    expect(result!.principal).not.toHaveProperty('passwordHash');
  });

  it('refuses a wrong secret without ending the session', async () => {
    const { slug, token } = await staffSession();
    const [id, secret] = token.split('.') as [string, string];
    const wrong = `${id}.${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
    expect(await validateTenantSession(database, slug, wrong)).toBeNull();
    expect(await validateTenantSession(database, slug, token)).not.toBeNull();
  });

  it('refuses a tampered id and another session’s id with this secret', async () => {
    const { slug, staffId, token } = await staffSession();
    const other = await createTenantSession(database, slug, { kind: 'staff', principalId: staffId });
    const [id, secret] = token.split('.') as [string, string];
    const tamperedId = `${id.slice(0, -1)}${id.endsWith('a') ? 'b' : 'a'}`;
    expect(await validateTenantSession(database, slug, `${tamperedId}.${secret}`)).toBeNull();
    expect(await validateTenantSession(database, slug, `${other.session.id}.${secret}`)).toBeNull();
  });

  it('returns null for malformed tokens without a query', async () => {
    const { slug, token } = await staffSession();
    const untouchable = untouchableDatabase();
    for (const bad of [
      undefined,
      null,
      42,
      '',
      'abc',
      `${token}x`,
      token.replace('.', '-'),
      token.toUpperCase(),
    ]) {
      expect(await validateTenantSession(untouchable, slug, bad)).toBeNull();
    }
    // The same handle fails as soon as a well-formed token makes it query.
    await expect(validateTenantSession(untouchable, slug, token)).rejects.toThrow(/database was touched/);
  });

  it('ends a session idle for the policy’s timeout, and deletes it', async () => {
    const { slug, token, session, now } = await staffSession();
    const idle = sessionPolicies.staff.idleTimeoutMs;
    expect(await validateTenantSession(database, slug, token, later(now, idle))).toBeNull();
    expect(await storedSession(slug, session.id)).toBeUndefined();
  });

  it('keeps a session alive while it is used: the timeout counts from the last refresh', async () => {
    const { slug, token, now } = await staffSession();
    const idle = sessionPolicies.staff.idleTimeoutMs;
    const t1 = later(now, idle - minutes(1));
    expect((await validateTenantSession(database, slug, token, t1))?.refreshed).toBe(true);
    const t2 = later(t1, idle - minutes(1));
    expect(await validateTenantSession(database, slug, token, t2)).not.toBeNull();
    expect(await validateTenantSession(database, slug, token, later(t2, idle))).toBeNull();
  });

  it('writes the sliding refresh at most once per window', async () => {
    const slug = await createTestTenant(database);
    const citizenId = await insertCitizen(database, slug);
    const now = new Date();
    const { token, session } = await createTenantSession(
      database,
      slug,
      { kind: 'citizen', principalId: citizenId },
      now,
    );
    const window = sessionPolicies.citizen.refreshAfterMs;
    expect(window).toBe(hours(1));

    const early = await validateTenantSession(database, slug, token, later(now, window - 1000));
    expect(early?.refreshed).toBe(false);
    expect((await storedSession(slug, session.id))?.lastVerifiedAt).toEqual(now);

    const first = later(now, window + 1000);
    expect((await validateTenantSession(database, slug, token, first))?.refreshed).toBe(true);
    expect((await storedSession(slug, session.id))?.lastVerifiedAt).toEqual(first);

    const again = await validateTenantSession(database, slug, token, later(first, minutes(30)));
    expect(again?.refreshed).toBe(false);
    expect(again?.session.expiresAt).toEqual(later(first, days(30)));
    expect((await storedSession(slug, session.id))?.lastVerifiedAt).toEqual(first);
  });

  it('refuses the session of a disabled staff member and of a deleted principal', async () => {
    const { slug, staffId, token, session } = await staffSession();
    await withTenant(database, slug, (db) =>
      db.update(staffUsers).set({ status: 'disabled' }).where(eq(staffUsers.id, staffId)),
    );
    expect(await validateTenantSession(database, slug, token)).toBeNull();
    expect(await storedSession(slug, session.id)).toBeUndefined();

    const orphan = await createTenantSession(database, slug, { kind: 'citizen', principalId: 'cit_gone' });
    expect(await validateTenantSession(database, slug, orphan.token)).toBeNull();
  });

  it('marks the second factor verified', async () => {
    const { slug, token, session } = await staffSession();
    expect(await markTwoFactorVerified(database, slug, session.id)).toBe(true);
    expect((await validateTenantSession(database, slug, token))?.session.twoFactorVerified).toBe(true);
    expect(await markTwoFactorVerified(database, slug, 'no-such-session')).toBe(false);
  });

  it('invalidates one session, or all of one principal’s', async () => {
    const { slug, staffId, token, session } = await staffSession();
    const second = await createTenantSession(database, slug, { kind: 'staff', principalId: staffId });
    const third = await createTenantSession(database, slug, { kind: 'staff', principalId: staffId });
    const otherId = await insertStaff(database, slug);
    const other = await createTenantSession(database, slug, { kind: 'staff', principalId: otherId });

    await invalidateTenantSession(database, slug, session.id);
    expect(await validateTenantSession(database, slug, token)).toBeNull();
    expect(await validateTenantSession(database, slug, second.token)).not.toBeNull();

    expect(await invalidateAllTenantSessions(database, slug, 'staff', staffId)).toBe(2);
    expect(await validateTenantSession(database, slug, second.token)).toBeNull();
    expect(await validateTenantSession(database, slug, third.token)).toBeNull();
    expect(await validateTenantSession(database, slug, other.token)).not.toBeNull();
  });

  it('does not know tenant A’s token in tenant B, even for a principal with the same id', async () => {
    const { slug: a, staffId, token } = await staffSession();
    const b = await createTestTenant(database);
    await insertStaff(database, b, { id: staffId });
    expect(await validateTenantSession(database, b, token)).toBeNull();
    expect(await validateTenantSession(database, a, token)).not.toBeNull();
  });

  it('does not accept a tenant token as an operator token', async () => {
    const { token } = await staffSession();
    expect(await validateOperatorSession(database, token)).toBeNull();
  });
});
