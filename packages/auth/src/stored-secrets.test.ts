// Secrets the platform reads back are stored sealed under MOTCUA_SECRET_KEY: TOTP secrets of
// staff and operators, and the identity provider's client secret. Values stored in clear
// before sealing are sealed on first use; another key fails closed.
import { randomBytes } from 'node:crypto';
import {
  createDatabase,
  type Database,
  isSealed,
  newId,
  SecretKeyError,
  type TenantSlug,
  withTenant,
} from '@motcua/db';
import { operators } from '@motcua/db/platform';
import { settings, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { totpCode, totpStepAt } from '@motcua/testing/totp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { loadOidcSettings, setOidcSettings } from './oidc-settings-store.ts';
import { createOperatorSession, validateOperatorSession } from './operator-sessions.ts';
import {
  beginOperatorTotpEnrolment,
  confirmOperatorTotpEnrolment,
  upsertOperator,
  verifyOperatorSecondFactor,
} from './operator-sign-in.ts';
import type { Actor } from './permissions.ts';
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  verifyTenantSecondFactor,
} from './tenant-second-factor.ts';
import { createTenantSession, validateTenantSession } from './tenant-sessions.ts';
import { createTotpSecret } from './totp.ts';

const database = useTestDatabase(6);
// The same database, opened with another key: what a process configured with the wrong key sees.
const otherKey: Database = createDatabase({
  url: inject('motcua').databaseUrl,
  max: 2,
  secretKeys: { current: randomBytes(32).toString('base64') },
});
afterAll(() => otherKey.close());

const admin: Actor = { kind: 'staff', id: 'usr_admin', role: 'admin' };
const codeNow = (secret: string) => totpCode(secret, totpStepAt(new Date()));
let slug: TenantSlug;
beforeEach(async () => {
  slug = await createTestTenant(database);
});

async function addAdmin(totpSecret: string | null): Promise<string> {
  const id = newId('usr');
  await withTenant(database, slug, (db) =>
    db.insert(staffUsers).values({
      id,
      email: `admin-${randomBytes(4).toString('hex')}@agency.gov.vn`,
      fullName: 'Quản trị',
      role: 'admin',
      status: 'active',
      ...(totpSecret ? { totpSecret, totpEnrolledAt: new Date() } : {}),
    }),
  );
  return id;
}

async function storedStaffSecret(id: string): Promise<string | null> {
  const [row] = await withTenant(database, slug, (db) =>
    db.select({ secret: staffUsers.totpSecret }).from(staffUsers).where(eq(staffUsers.id, id)),
  );
  return row?.secret ?? null;
}

async function storedOperatorSecret(id: string): Promise<string | null> {
  const [row] = await database.platform
    .select({ secret: operators.totpSecret })
    .from(operators)
    .where(eq(operators.id, id));
  return row?.secret ?? null;
}

async function pendingStaff(staffId: string, db = database) {
  const { token } = await createTenantSession(database, slug, { kind: 'staff', principalId: staffId });
  return { database: db, slug, token };
}

const oidc = {
  issuer: 'https://sso.dichvucong.example.vn',
  clientId: 'motcua-portal',
  clientSecret: `client-secret-${randomBytes(6).toString('hex')}`,
  displayName: 'VNeID',
};

async function storedOidcText(): Promise<string> {
  const [row] = await withTenant(database, slug, (db) =>
    db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'oidc')),
  );
  return JSON.stringify(row?.value);
}

describe('stored secrets', () => {
  it('stores a staff TOTP secret sealed at enrolment, and signs in with it', async () => {
    const staffId = await addAdmin(null);
    const ctx = await pendingStaff(staffId);
    const { secret } = await beginTotpEnrolment(ctx, 'Motcua');
    const stored = await storedStaffSecret(staffId);
    expect(stored).not.toBe(secret);
    expect(stored).not.toContain(secret);
    expect(isSealed(stored ?? '')).toBe(true);
    await confirmTotpEnrolment(ctx, { code: codeNow(secret) });
    expect((await validateTenantSession(database, slug, ctx.token))?.session.twoFactorVerified).toBe(true);
  });

  it('stores an operator TOTP secret sealed, at enrolment and when set up by the launcher', async () => {
    const given = createTotpSecret();
    const email = `op-${randomBytes(4).toString('hex')}@vendor.vn`;
    const seeded = await upsertOperator(database, {
      email,
      fullName: 'A',
      role: 'operator',
      password: 'x',
      totpSecret: given,
    });
    expect(isSealed((await storedOperatorSecret(seeded ?? '')) ?? '')).toBe(true);
    expect(await storedOperatorSecret(seeded ?? '')).not.toContain(given);

    const fresh = await upsertOperator(database, {
      email: `n-${email}`,
      fullName: 'B',
      role: 'operator',
      password: 'x',
    });
    const { token } = await createOperatorSession(database, { operatorId: fresh ?? '' });
    const { secret } = await beginOperatorTotpEnrolment({ database }, token);
    expect(await storedOperatorSecret(fresh ?? '')).not.toContain(secret);
    await confirmOperatorTotpEnrolment({ database }, token, { code: codeNow(secret) });
    expect((await validateOperatorSession(database, token))?.session.twoFactorVerified).toBe(true);
  });

  it('stores the identity provider client secret sealed and reads it back', async () => {
    await setOidcSettings({ database, slug, actor: admin }, oidc);
    expect(await storedOidcText()).not.toContain(oidc.clientSecret);
    expect(await loadOidcSettings(database, slug)).toEqual(oidc);
  });
});

describe('secrets stored in clear before sealing', () => {
  it('seals a staff TOTP secret on its first use', async () => {
    const secret = createTotpSecret();
    const staffId = await addAdmin(secret);
    const untouched = await addAdmin(createTotpSecret());
    expect(await storedStaffSecret(staffId)).toBe(secret);
    await verifyTenantSecondFactor(await pendingStaff(staffId), { code: codeNow(secret) });
    const stored = await storedStaffSecret(staffId);
    expect(isSealed(stored ?? '')).toBe(true);
    expect(database.secrets.open('tenant.staff_users.totp_secret', stored ?? '')).toEqual({
      value: secret,
      stale: false,
    });
    // Sealed on use, not all at once: an account nobody signs in to keeps its value until then.
    expect(isSealed((await storedStaffSecret(untouched)) ?? '')).toBe(false);
  });

  it('seals an operator TOTP secret on its first use', async () => {
    const secret = createTotpSecret();
    const id = newId('opr');
    await database.platform.insert(operators).values({
      id,
      email: `op-${randomBytes(4).toString('hex')}@vendor.vn`,
      fullName: 'C',
      role: 'operator',
      totpSecret: secret,
      totpEnrolledAt: new Date(),
    });
    const { token } = await createOperatorSession(database, { operatorId: id });
    await verifyOperatorSecondFactor({ database }, token, { code: codeNow(secret) });
    const stored = await storedOperatorSecret(id);
    expect(isSealed(stored ?? '')).toBe(true);
    expect(stored).not.toContain(secret);
  });

  it('seals the identity provider client secret on its first read', async () => {
    await withTenant(database, slug, (db) => db.insert(settings).values({ key: 'oidc', value: oidc }));
    expect(await loadOidcSettings(database, slug)).toEqual(oidc);
    expect(await storedOidcText()).not.toContain(oidc.clientSecret);
    expect(await loadOidcSettings(database, slug)).toEqual(oidc);
  });
});

describe('a process with another key', () => {
  it('refuses the second factor with an error naming the variable, and verifies nothing', async () => {
    const secret = createTotpSecret();
    const staffId = await addAdmin(null);
    await withTenant(database, slug, (db) =>
      db
        .update(staffUsers)
        .set({
          totpSecret: database.secrets.seal('tenant.staff_users.totp_secret', secret),
          totpEnrolledAt: new Date(),
        })
        .where(eq(staffUsers.id, staffId)),
    );
    const before = await storedStaffSecret(staffId);
    const ctx = await pendingStaff(staffId, otherKey);
    const error = await verifyTenantSecondFactor(ctx, { code: codeNow(secret) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretKeyError);
    expect((error as Error).message).toContain('MOTCUA_SECRET_KEY');
    expect((error as Error).message).not.toContain(secret);
    expect((await validateTenantSession(database, slug, ctx.token))?.session.twoFactorVerified).toBe(false);
    expect(await storedStaffSecret(staffId)).toBe(before);
  });

  it('refuses to read the client secret', async () => {
    await setOidcSettings({ database, slug, actor: admin }, oidc);
    await expect(loadOidcSettings(otherKey, slug)).rejects.toBeInstanceOf(SecretKeyError);
  });
});
