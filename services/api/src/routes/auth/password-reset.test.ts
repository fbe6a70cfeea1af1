import { OpenAPIHono } from '@hono/zod-openapi';
import { hashPassword, passwordResetPolicy } from '@motcua/auth';
import { ConfigError } from '@motcua/config';
import { newId, withTenant } from '@motcua/db';
import { auditLog, oneTimeTokens, staffUsers } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { provisionTenant } from '@motcua/provisioning';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppBindings, AppEnv } from '../../context.ts';
import { apiEnvSchema, loadApiEnv } from '../../env.ts';
import { onError, onNotFound } from '../../errors.tsx';
import { createLogger } from '../../logger.ts';
import { requestContext } from '../../middleware/request-context.ts';
import { resolveTenant } from '../../middleware/tenant.tsx';
import { csrfProtection } from '../../middleware/web-safety.ts';
import { closeDeps, createDeps } from '../../server.ts';
import { readJson, testDomain, useTestApp } from '../../testing.ts';
import { authRoutes } from './index.ts';
import { passwordResetRoutes } from './password-reset.ts';

const t = useTestApp();
const slug = testSlug('reset');
const host = `${slug}.${testDomain}`;
const oldPassword = 'Correct-Horse-Battery-9';
const newPassword = 'Cầu Trường Tiền 1899';
const tokenPattern = /\/reset-password\?token=([a-z2-7]{24}\.[a-z2-7]{32})\s/;

/**
 * The tenant side of the API as app.ts composes it, with the password reset routes mounted
 * here until app.ts mounts them; `bindings` stands in for the dispatcher's host resolution.
 */
let tenantApp: OpenAPIHono<AppEnv>;

beforeAll(async () => {
  await provisionTenant(t.deps.provisioning, {
    slug,
    name: 'UBND thành phố Huế',
    kind: 'province',
    adminEmail: `invited@${slug}.gov.vn`,
    actor: 'test',
  });
  tenantApp = new OpenAPIHono<AppEnv>();
  tenantApp.use('*', requestContext(t.deps));
  tenantApp.use('*', csrfProtection());
  tenantApp.onError(onError);
  tenantApp.notFound(onNotFound);
  tenantApp.use('*', resolveTenant());
  tenantApp.route('/', authRoutes());
  tenantApp.route('/', passwordResetRoutes());
});

interface Call {
  method?: string;
  body?: unknown;
  cookie?: string;
  /** The client's address as the socket saw it; none by default, as with app.fetch. */
  ip?: string;
  /** Defaults to the tenant's own host. */
  bindings?: Partial<AppBindings>;
  url?: string;
}

function call(path: string, { method = 'POST', body, cookie, ip, bindings, url }: Call = {}) {
  const headers = new Headers({ host, origin: `http://${host}` });
  if (cookie) headers.set('cookie', cookie);
  if (body !== undefined) headers.set('content-type', 'application/json');
  const request = new Request(url ?? `http://${host}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return tenantApp.fetch(request, {
    basePath: '',
    tenantSlug: slug,
    ...(ip ? { clientIp: ip } : {}),
    ...bindings,
  } satisfies AppBindings);
}

async function addStaff(email: string, password = oldPassword): Promise<string> {
  const id = newId('usr');
  const passwordHash = await hashPassword(password);
  await withTenant(t.deps.database, slug, (db) =>
    db
      .insert(staffUsers)
      .values({ id, email, fullName: 'Lê Thị Hoa', role: 'reception', status: 'active', passwordHash }),
  );
  return id;
}

async function signIn(email: string, password: string) {
  const res = await call('/api/auth/sign-in', { body: { email, password } });
  return { status: res.status, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

const askReset = (email: string, extra: Omit<Call, 'body'> = {}) =>
  call('/api/auth/password-reset', { body: { email }, ...extra });
const confirmReset = (token: string, password: string) =>
  call('/api/auth/password-reset/confirm', { body: { token, password } });

/** The mail the person receives, and the token of its link. */
async function receiveLink(email: string) {
  await t.deliverMail(slug);
  const mail = await t.mail.waitFor(email);
  const token = tokenPattern.exec(mail.text)?.[1];
  if (!token) throw new Error(`No reset link in: ${mail.text}`);
  return { mail, token };
}

function expectTokenNotLogged(token: string) {
  const secret = token.split('.')[1]!;
  const log = t.logLines.join('\n');
  // The log did record these requests; it just must not hold the token.
  expect(log).toContain('/api/auth/password-reset');
  expect(log).not.toContain(secret);
}

describe('password reset by emailed link', () => {
  it('mails a link that sets a new password once, ends old sessions and keeps the token out of the log', async () => {
    const email = `hoa-${slug}@hue.gov.vn`;
    const staffId = await addStaff(email);
    const before = await signIn(email, oldPassword);
    expect(before.status).toBe(200);

    const asked = await askReset(email.toUpperCase());
    expect(asked.status).toBe(202);
    expect(await readJson(asked)).toEqual({ status: 'sent_if_exists' });
    const { mail, token } = await receiveLink(email);
    expect(mail.to).toEqual([email]);
    expect(mail.subject).toBe('Đặt lại mật khẩu / Reset your password – UBND thành phố Huế');
    expect(mail.text).toContain('Xin chào Lê Thị Hoa,');
    expect(mail.text).toContain('Hello Lê Thị Hoa,');
    expect(mail.text).toContain(`http://${host}/reset-password?token=${token}`);

    const confirmed = await confirmReset(token, newPassword);
    expect(confirmed.status).toBe(200);
    expect(await readJson(confirmed)).toEqual({ status: 'password_reset' });

    expect((await signIn(email, oldPassword)).status).toBe(401);
    const after = await signIn(email, newPassword);
    expect(after.status).toBe(200);
    expect((await call('/api/auth/me', { method: 'GET', cookie: before.cookie })).status).toBe(401);
    expect((await call('/api/auth/me', { method: 'GET', cookie: after.cookie })).status).toBe(200);

    const again = await confirmReset(token, `${newPassword} mới`);
    expect(again.status).toBe(400);
    expect((await readJson(again)).error.code).toBe('invalid_or_expired_token');
    expect((await signIn(email, newPassword)).status).toBe(200);

    const audit = await withTenant(t.deps.database, slug, (db) =>
      db
        .select({ action: auditLog.action, actor: auditLog.actor, details: auditLog.details })
        .from(auditLog)
        .where(eq(auditLog.subject, staffId)),
    );
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['auth.password_reset_requested', 'auth.password_reset']),
    );
    expect(JSON.stringify(audit)).not.toContain(token.split('.')[1]);
    await t.settle();
    expectTokenNotLogged(token);
  });

  it('lets a registered citizen reset too', async () => {
    const email = `citizen-${slug}@example.vn`;
    const registered = await call('/api/auth/register', {
      body: { email, fullName: 'Trần Văn Nam', password: oldPassword, consent: true },
    });
    expect(registered.status).toBe(202);
    expect((await askReset(email)).status).toBe(202);
    const { token } = await receiveLink(email);
    expect((await confirmReset(token, newPassword)).status).toBe(200);
    expect((await signIn(email, oldPassword)).status).toBe(401);
    expect((await signIn(email, newPassword)).status).toBe(200);
  });

  it('answers an unknown address exactly like a known one and sends no mail', async () => {
    const known = `known-${slug}@hue.gov.vn`;
    await addStaff(known);
    const unknown = `nobody-${slug}@hue.gov.vn`;
    const forKnown = await askReset(known);
    const forUnknown = await askReset(unknown);
    expect(forUnknown.status).toBe(forKnown.status);
    expect(await readJson(forUnknown)).toEqual(await readJson(forKnown));
    // The known address's mail arrives; once every send has finished, none went to the unknown one.
    await receiveLink(known);
    expect(t.mail.messagesTo(unknown)).toEqual([]);
  });

  it('refuses an expired link with invalid_or_expired_token and changes nothing', async () => {
    const email = `late-${slug}@hue.gov.vn`;
    await addStaff(email);
    await askReset(email);
    const { token } = await receiveLink(email);
    const [id] = token.split('.');
    await withTenant(t.deps.database, slug, (db) =>
      db
        .update(oneTimeTokens)
        .set({ expiresAt: sql`now() - interval '1 second'` })
        .where(eq(oneTimeTokens.id, id!)),
    );
    const res = await confirmReset(token, newPassword);
    expect(res.status).toBe(400);
    expect(await readJson(res)).toEqual({
      error: {
        code: 'invalid_or_expired_token',
        message: 'This password reset link is invalid, already used or expired. Ask for a new one.',
      },
    });
    expect((await signIn(email, oldPassword)).status).toBe(200);
  });

  it('gives a forged token the same error as an expired one, and the real link still works', async () => {
    const email = `forge-${slug}@hue.gov.vn`;
    await addStaff(email);
    await askReset(email);
    const { token } = await receiveLink(email);
    const [id, secret] = token.split('.');
    const flipped = `${id}.${secret!.slice(0, -1)}${secret!.endsWith('a') ? 'b' : 'a'}`;
    for (const forged of [flipped, `${'a'.repeat(24)}.${'b'.repeat(32)}`, 'not-a-token']) {
      const res = await confirmReset(forged, newPassword);
      expect(res.status).toBe(400);
      expect((await readJson(res)).error.code).toBe('invalid_or_expired_token');
    }
    expect((await signIn(email, oldPassword)).status).toBe(200);
    expect((await confirmReset(token, newPassword)).status).toBe(200);
  });

  it('answers a refused password with field errors, changes nothing and keeps the link usable', async () => {
    const email = `weak-${slug}@hue.gov.vn`;
    const staffId = await addStaff(email);
    const session = await signIn(email, oldPassword);
    await askReset(email);
    const { token } = await receiveLink(email);
    const hashBefore = await withTenant(t.deps.database, slug, (db) =>
      db.select({ hash: staffUsers.passwordHash }).from(staffUsers).where(eq(staffUsers.id, staffId)),
    );
    for (const [password, code] of [
      ['ngắn', 'too_short'],
      ['password123', 'common'],
      ['LêThịHoa-2027-xyz', 'contains_name'],
    ] as const) {
      const res = await confirmReset(token, password);
      expect(res.status).toBe(400);
      const body = await readJson(res);
      expect(body.error.code).toBe('invalid_input');
      expect(body.error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'password', code })]),
      );
    }
    const missing = await call('/api/auth/password-reset/confirm', { body: { token } });
    expect(missing.status).toBe(400);
    expect((await readJson(missing)).error.details).toEqual([expect.objectContaining({ path: 'password' })]);
    const hashAfter = await withTenant(t.deps.database, slug, (db) =>
      db.select({ hash: staffUsers.passwordHash }).from(staffUsers).where(eq(staffUsers.id, staffId)),
    );
    expect(hashAfter).toEqual(hashBefore);
    expect((await call('/api/auth/me', { method: 'GET', cookie: session.cookie })).status).toBe(200);
    expect((await confirmReset(token, newPassword)).status).toBe(200);
  });

  it('throttles requests per address with 429 and Retry-After, known account or not', async () => {
    const email = `many-${slug}@hue.gov.vn`;
    await addStaff(email);
    for (let i = 0; i < passwordResetPolicy.perAccount; i += 1) {
      expect((await askReset(email)).status).toBe(202);
    }
    const refused = await askReset(email);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await readJson(refused)).error.code).toBe('limit_exceeded');
    await t.deliverMail(slug);
    // Only the newest link works, so only it goes out: the earlier ones were still waiting.
    expect(t.mail.messagesTo(email)).toHaveLength(1);

    const ghost = `ghost-${slug}@hue.gov.vn`;
    for (let i = 0; i < passwordResetPolicy.perAccount; i += 1) await askReset(ghost);
    expect((await askReset(ghost)).status).toBe(429);
  });

  it('throttles requests per client address across many typed addresses', async () => {
    const ip = '198.51.100.23';
    for (let i = 0; i < passwordResetPolicy.perAddress; i += 1) {
      expect((await askReset(`probe-${i}-${slug}@hue.gov.vn`, { ip })).status).toBe(202);
    }
    expect((await askReset(`probe-last-${slug}@hue.gov.vn`, { ip })).status).toBe(429);
    expect((await askReset(`probe-last-${slug}@hue.gov.vn`, { ip: '198.51.100.24' })).status).toBe(202);
  });

  it('points the link at the platform domain on the /t/<slug> fallback, whatever host the request named', async () => {
    const email = `path-${slug}@hue.gov.vn`;
    await addStaff(email);
    // app.ts serves /t/<slug> on any IPv4 host: a forged Host must not become the link's host.
    const res = await call('/api/auth/password-reset', {
      body: { email },
      url: 'http://203.0.113.66/api/auth/password-reset',
      bindings: { basePath: `/t/${slug}` },
    });
    expect(res.status).toBe(202);
    const { mail, token } = await receiveLink(email);
    expect(mail.text).toContain(`http://${testDomain}/t/${slug}/reset-password?token=${token}`);
    expect(mail.text).not.toContain('203.0.113.66');
  });

  it('still answers 202 while the mail server is down, and the email goes out once it is back', async () => {
    const email = `smtp-down-${slug}@hue.gov.vn`;
    await addStaff(email);
    await t.mail.goDown();
    try {
      const res = await askReset(email);
      expect(res.status).toBe(202);
      expect(await readJson(res)).toEqual({ status: 'sent_if_exists' });
      // The worker finds the server away: nothing is lost, the email waits in the outbox.
      await t.deliverMail(slug);
      expect(t.mail.messagesTo(email)).toEqual([]);
    } finally {
      await t.mail.comeBack();
    }
    const { token } = await receiveLink(email);
    expect((await confirmReset(token, newPassword)).status).toBe(200);
    expectTokenNotLogged(token);
  });

  it('refuses a request without a valid email address', async () => {
    const res = await call('/api/auth/password-reset', { body: { email: 'nope' } });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.code).toBe('invalid_input');
  });
});

describe('mail configuration', () => {
  const base = {
    DATABASE_URL: 'postgres://motcua@127.0.0.1/motcua',
    MOTCUA_OPS_TOKEN: 'x'.repeat(24),
    MOTCUA_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
  };

  it('refuses to start in production without SMTP_URL, since mail would go to the log', () => {
    const error = (() => {
      try {
        loadApiEnv({ ...base, NODE_ENV: 'production' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['SMTP_URL']);
    expect(
      loadApiEnv({ ...base, NODE_ENV: 'production', SMTP_URL: 'smtps://u:p@smtp.example.vn:465' }),
    ).toMatchObject({
      SMTP_URL: 'smtps://u:p@smtp.example.vn:465',
      MAIL_FROM: 'Motcua <no-reply@motcua.local>',
    });
    expect(loadApiEnv(base).SMTP_URL).toBeUndefined();
  });

  it('names SMTP_URL when it is not an smtp:// or smtps:// URL', () => {
    expect(() => loadApiEnv({ ...base, SMTP_URL: 'http://mail.example.vn' })).toThrow(/SMTP_URL/);
  });

  it('without SMTP_URL, writes mail to the log as a warning so that a local start works', async () => {
    const { databaseUrl, s3Endpoint } = inject('motcua');
    const env = apiEnvSchema.parse({
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: '1',
      MOTCUA_OPS_TOKEN: 'x'.repeat(24),
      S3_ENDPOINT: s3Endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_BUCKET: 'motcua-api-test',
    });
    const lines: string[] = [];
    // The local launcher logs at warn: the message must be visible there.
    const deps = await createDeps(
      env,
      createLogger('warn', (line) => lines.push(line)),
    );
    try {
      expect(deps.mailer.transport).toBe('log');
      await deps.mailer.send({ to: 'dev@example.vn', subject: 'Đặt lại mật khẩu', text: 'liên kết' });
    } finally {
      await closeDeps(deps);
    }
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', mail: expect.stringContaining('liên kết') });
  });
});
