import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { citizens, oneTimeTokens, staffUsers } from '@motcua/db/tenant';
import { createTestTenant, useTestDatabase } from '@motcua/db/testing';
import { LimitExceededError, ValidationError } from '@motcua/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditRows,
  type DeliveredLink,
  deliverEmailedLinks,
  insertCitizen,
  insertStaff,
  later,
  minutes,
  outboxRows,
} from '../test/fixtures.ts';
import {
  confirmPasswordReset,
  type PasswordResetRequestContext,
  passwordResetPolicy,
  requestPasswordReset,
} from './password-reset.ts';
import { verifyPassword } from './passwords.ts';
import { createTenantSession, validateTenantSession } from './tenant-sessions.ts';
import { admitAttempt, checkThrottle } from './throttle.ts';
import { hashSecret } from './tokens.ts';

const database = useTestDatabase(4);
const newPassword = 'Sông Hương chảy qua 2027';

const mailboxes = new Map<TenantSlug, DeliveredLink[]>();

/** Asks for a reset, then delivers what it queued as the worker would, at the same time. */
async function request(ctx: PasswordResetRequestContext, input: unknown, now?: Date) {
  const result = await requestPasswordReset(ctx, input, now);
  mailboxes.get(ctx.slug)?.push(...(await deliverEmailedLinks(database, ctx.slug, now)));
  return result;
}

async function setup() {
  const slug = await createTestTenant(database);
  const outbox: DeliveredLink[] = [];
  mailboxes.set(slug, outbox);
  const ctx: PasswordResetRequestContext = {
    database,
    slug,
    siteName: 'UBND tỉnh Huế',
    origin: 'https://hue.motcua.vn',
    basePath: '',
    requestId: 'req-reset-1',
    ip: '203.0.113.7',
  };
  return { slug, ctx, outbox };
}

async function emailOf(slug: TenantSlug, kind: 'staff' | 'citizen', id: string): Promise<string> {
  const table = kind === 'staff' ? staffUsers : citizens;
  const [row] = await withTenant(database, slug, (db) =>
    db.select({ email: table.email }).from(table).where(eq(table.id, id)),
  );
  return row!.email!;
}

async function passwordHashOf(slug: TenantSlug, kind: 'staff' | 'citizen', id: string) {
  const table = kind === 'staff' ? staffUsers : citizens;
  const [row] = await withTenant(database, slug, (db) =>
    db.select({ hash: table.passwordHash }).from(table).where(eq(table.id, id)),
  );
  return row?.hash ?? null;
}

async function tokensOf(slug: TenantSlug, principalId: string) {
  return withTenant(database, slug, (db) =>
    db.select().from(oneTimeTokens).where(eq(oneTimeTokens.principalId, principalId)),
  );
}

function tokenIn(message: DeliveredLink | undefined): string {
  const match = /\/reset-password\?token=([a-z2-7]{24}\.[a-z2-7]{32})$/.exec(message?.link ?? '');
  if (!match?.[1]) throw new Error(`No reset link in ${message?.link}`);
  return match[1];
}

async function expectInvalidToken(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  expect((error as ValidationError).code).toBe('invalid_or_expired_token');
}

describe('requestPasswordReset', () => {
  it('queues a 30-minute link to the stored address in its unit of work, the secret nowhere but in the email', async () => {
    const { slug, ctx, outbox } = await setup();
    const staffId = await insertStaff(database, slug);
    const email = await emailOf(slug, 'staff', staffId);
    const now = new Date('2027-03-01T08:00:00Z');
    await requestPasswordReset(ctx, { email: email.toUpperCase() }, now);
    // Queued, not sent: the outbox row names the token, and the token works for nobody yet.
    const [queued] = await outboxRows(database, slug);
    expect(queued).toMatchObject({
      kind: 'email',
      recipient: email.toLowerCase(),
      sentAt: null,
      payload: {
        template: 'auth.password_reset',
        to: email,
        data: { siteName: 'UBND tỉnh Huế', siteUrl: 'https://hue.motcua.vn', validForMinutes: 30 },
      },
    });
    const [pending] = await tokensOf(slug, staffId);
    expect(queued?.payload.data).toMatchObject({ tokenId: pending?.id, fullName: 'Nguyễn Văn An' });

    outbox.push(...(await deliverEmailedLinks(database, slug, now)));
    expect(outbox).toHaveLength(1);
    const [message] = outbox;
    expect(message?.to).toBe(email);
    const token = tokenIn(message);
    expect(message?.link).toBe(`https://hue.motcua.vn/reset-password?token=${token}`);
    const [id, secret] = token.split('.');
    expect(JSON.stringify(await outboxRows(database, slug))).not.toContain(secret);
    const [row] = await tokensOf(slug, staffId);
    expect(row).toMatchObject({ id, purpose: 'password_reset', principalKind: 'staff', usedAt: null });
    expect(row!.expiresAt.toISOString()).toBe(later(now, minutes(30)).toISOString());
    expect(Buffer.from(row!.secretHash).equals(Buffer.from(hashSecret(secret!)))).toBe(true);
    expect(JSON.stringify(row)).not.toContain(secret);
    const audit = await auditRows(database, slug);
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'anonymous',
        action: 'auth.password_reset_requested',
        subject: staffId,
        requestId: 'req-reset-1',
        ip: '203.0.113.7',
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('resolves the same for an unknown address and a disabled staff member, and mails nobody', async () => {
    const { slug, ctx, outbox } = await setup();
    const disabled = await insertStaff(database, slug, { status: 'disabled' });
    const unknown = await request(ctx, { email: 'nobody@agency.gov.vn' });
    const off = await request(ctx, { email: await emailOf(slug, 'staff', disabled) });
    expect(unknown).toEqual({ status: 'sent_if_exists' });
    expect(off).toEqual(unknown);
    expect(outbox).toEqual([]);
    expect(await tokensOf(slug, disabled)).toEqual([]);
    const audit = await auditRows(database, slug);
    expect(audit.map((r) => [r.action, r.actor, r.subject])).toEqual([
      ['auth.password_reset_requested', 'anonymous', null],
      ['auth.password_reset_requested', 'anonymous', null],
    ]);
  });

  it('refuses a malformed address with a field error', async () => {
    const { ctx } = await setup();
    await expect(request(ctx, { email: 'not-an-address' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: [expect.objectContaining({ path: 'email' })],
    });
  });

  it('keeps only the newest link of a person working', async () => {
    const { slug, ctx, outbox } = await setup();
    const staffId = await insertStaff(database, slug);
    const email = await emailOf(slug, 'staff', staffId);
    await request(ctx, { email });
    await request(ctx, { email });
    expect(await tokensOf(slug, staffId)).toHaveLength(1);
    await expectInvalidToken(confirmPasswordReset(ctx, { token: tokenIn(outbox[0]), password: newPassword }));
    await confirmPasswordReset(ctx, { token: tokenIn(outbox[1]), password: newPassword });
  });

  it('does not send an older link still waiting in the outbox once a newer one is asked for', async () => {
    const { slug, ctx } = await setup();
    const staffId = await insertStaff(database, slug);
    const email = await emailOf(slug, 'staff', staffId);
    await requestPasswordReset(ctx, { email });
    await requestPasswordReset(ctx, { email });
    const sent = await deliverEmailedLinks(database, slug);
    expect(sent).toHaveLength(1);
    const [older, newer] = await outboxRows(database, slug);
    expect(older).toMatchObject({ sentAt: null, givenUpReason: 'superseded' });
    expect(newer?.sentAt).toBeInstanceOf(Date);
    await confirmPasswordReset(ctx, { token: tokenIn(sent[0]), password: newPassword });
  });

  it('throttles per typed address, whether or not it has an account, until the window passes', async () => {
    const { ctx } = await setup();
    const now = new Date('2027-03-01T08:00:00Z');
    for (let i = 0; i < passwordResetPolicy.perAccount; i += 1) {
      await request(ctx, { email: 'Ghost@agency.gov.vn' }, now);
    }
    const refused = await request(ctx, { email: 'ghost@agency.gov.vn' }, now).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LimitExceededError);
    expect((refused as LimitExceededError).retryAfterSeconds).toBe(passwordResetPolicy.windowMs / 1000);
    // Another address from the same client is still served.
    await request(ctx, { email: 'other@agency.gov.vn' }, now);
    const afterWindow = later(now, passwordResetPolicy.windowMs + 1);
    await expect(request(ctx, { email: 'ghost@agency.gov.vn' }, afterWindow)).resolves.toEqual({
      status: 'sent_if_exists',
    });
  });

  it('throttles per client address across many typed addresses', async () => {
    const { ctx } = await setup();
    for (let i = 0; i < passwordResetPolicy.perAddress; i += 1) {
      await request(ctx, { email: `probe-${i}@agency.gov.vn` });
    }
    await expect(request(ctx, { email: 'probe-last@agency.gov.vn' })).rejects.toBeInstanceOf(
      LimitExceededError,
    );
    const elsewhere = { ...ctx, ip: '198.51.100.9' };
    await expect(request(elsewhere, { email: 'probe-last@agency.gov.vn' })).resolves.toEqual({
      status: 'sent_if_exists',
    });
  });
});

describe('confirmPasswordReset', () => {
  it('sets the password, burns the link, ends every session and clears the sign-in lock', async () => {
    const { slug, ctx, outbox } = await setup();
    const staffId = await insertStaff(database, slug);
    const email = await emailOf(slug, 'staff', staffId);
    const first = await createTenantSession(database, slug, { kind: 'staff', principalId: staffId });
    const second = await createTenantSession(database, slug, { kind: 'staff', principalId: staffId });
    const scope = { realm: 'tenant' as const, database, slug };
    for (let i = 0; i < 6; i += 1) await admitAttempt(scope, { email });
    expect((await checkThrottle(scope, { email })).allowed).toBe(false);

    await request(ctx, { email });
    const token = tokenIn(outbox[0]);
    const result = await confirmPasswordReset(ctx, { token, password: newPassword });
    expect(result).toEqual({ status: 'password_reset', principal: { kind: 'staff', id: staffId } });

    expect(await verifyPassword((await passwordHashOf(slug, 'staff', staffId))!, newPassword)).toBe(true);
    expect(await validateTenantSession(database, slug, first.token)).toBeNull();
    expect(await validateTenantSession(database, slug, second.token)).toBeNull();
    expect((await checkThrottle(scope, { email })).allowed).toBe(true);
    const [row] = await tokensOf(slug, staffId);
    expect(row?.usedAt).toBeInstanceOf(Date);
    await expectInvalidToken(confirmPasswordReset(ctx, { token, password: `${newPassword}!` }));
    expect(await verifyPassword((await passwordHashOf(slug, 'staff', staffId))!, newPassword)).toBe(true);

    const audit = await auditRows(database, slug);
    expect(audit.at(-1)).toMatchObject({
      actor: `staff:${staffId}`,
      action: 'auth.password_reset',
      subject: staffId,
      details: { sessionsEnded: 2 },
      requestId: 'req-reset-1',
    });
    expect(JSON.stringify(audit)).not.toContain(token.split('.')[1]);
  });

  it('lets a citizen without a password set one', async () => {
    const { slug, ctx, outbox } = await setup();
    const citizenId = newId('usr');
    await withTenant(database, slug, (db) =>
      db.insert(citizens).values({
        id: citizenId,
        email: `vneid-${citizenId}@example.vn`,
        fullName: 'Phạm Thị Dung',
        identityVerified: true,
      }),
    );
    await request(ctx, { email: `vneid-${citizenId}@example.vn` });
    await confirmPasswordReset(ctx, { token: tokenIn(outbox[0]), password: newPassword });
    expect(await verifyPassword((await passwordHashOf(slug, 'citizen', citizenId))!, newPassword)).toBe(true);
  });

  it('refuses a link at the moment it expires, and changes nothing', async () => {
    const { slug, ctx, outbox } = await setup();
    const citizenId = await insertCitizen(database, slug);
    const now = new Date('2027-03-01T08:00:00Z');
    await request(ctx, { email: await emailOf(slug, 'citizen', citizenId) }, now);
    const token = tokenIn(outbox[0]);
    const before = await passwordHashOf(slug, 'citizen', citizenId);
    const expiry = later(now, passwordResetPolicy.tokenLifetimeMs);
    await expectInvalidToken(confirmPasswordReset(ctx, { token, password: newPassword }, expiry));
    expect(await passwordHashOf(slug, 'citizen', citizenId)).toBe(before);
    // A moment earlier it still worked: the refusal above was the clock, not the token.
    await confirmPasswordReset(ctx, { token, password: newPassword }, later(expiry, -1000));
  });

  it('refuses forged and malformed tokens with the same error, leaving the real link usable', async () => {
    const { slug, ctx, outbox } = await setup();
    const staffId = await insertStaff(database, slug);
    await request(ctx, { email: await emailOf(slug, 'staff', staffId) });
    const token = tokenIn(outbox[0]);
    const [id] = token.split('.');
    const forged = `${id}.${'a'.repeat(32)}`;
    for (const attempt of [forged, `${'b'.repeat(24)}.${'c'.repeat(32)}`, 'garbage', '']) {
      await expectInvalidToken(confirmPasswordReset(ctx, { token: attempt, password: newPassword }));
    }
    expect((await tokensOf(slug, staffId))[0]?.usedAt).toBeNull();
    await confirmPasswordReset(ctx, { token, password: newPassword });
  });

  it('answers policy failures with field errors, changes nothing and keeps the link working', async () => {
    const { slug, ctx, outbox } = await setup();
    const staffId = await insertStaff(database, slug);
    const email = await emailOf(slug, 'staff', staffId);
    const session = await createTenantSession(database, slug, { kind: 'staff', principalId: staffId });
    await request(ctx, { email });
    const token = tokenIn(outbox[0]);
    const before = await passwordHashOf(slug, 'staff', staffId);
    const cases = [
      ['short', 'too_short'],
      ['password123', 'common'],
      [`${email.split('@')[0]}-2027!`, 'contains_email'],
    ] as const;
    for (const [password, code] of cases) {
      await expect(confirmPasswordReset(ctx, { token, password })).rejects.toMatchObject({
        code: 'invalid_input',
        details: expect.arrayContaining([expect.objectContaining({ path: 'password', code })]),
      });
    }
    expect(await passwordHashOf(slug, 'staff', staffId)).toBe(before);
    expect(await validateTenantSession(database, slug, session.token)).not.toBeNull();
    await confirmPasswordReset(ctx, { token, password: newPassword });
  });

  it('lets only one of two concurrent uses of a link win', async () => {
    const { slug, ctx, outbox } = await setup();
    const staffId = await insertStaff(database, slug);
    await request(ctx, { email: await emailOf(slug, 'staff', staffId) });
    const token = tokenIn(outbox[0]);
    const results = await Promise.allSettled([
      confirmPasswordReset(ctx, { token, password: newPassword }),
      confirmPasswordReset(ctx, { token, password: `${newPassword} khác` }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'invalid_or_expired_token' });
    const audit = await auditRows(database, slug);
    expect(audit.filter((r) => r.action === 'auth.password_reset')).toHaveLength(1);
  });

  it('refuses the link of a staff member disabled after asking', async () => {
    const { slug, ctx, outbox } = await setup();
    const staffId = await insertStaff(database, slug);
    await request(ctx, { email: await emailOf(slug, 'staff', staffId) });
    await withTenant(database, slug, (db) =>
      db.update(staffUsers).set({ status: 'disabled' }).where(eq(staffUsers.id, staffId)),
    );
    await expectInvalidToken(confirmPasswordReset(ctx, { token: tokenIn(outbox[0]), password: newPassword }));
  });

  it('refuses a missing password or token as invalid input', async () => {
    const { ctx } = await setup();
    await expect(confirmPasswordReset(ctx, { token: 'x' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(confirmPasswordReset(ctx, { password: newPassword })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
