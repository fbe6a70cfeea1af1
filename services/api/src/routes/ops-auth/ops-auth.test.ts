import { createTotpSecret, upsertOperator } from '@motcua/auth';
import { testSlug } from '@motcua/db/testing';
import { provisionTenant } from '@motcua/provisioning';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserOn, readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const password = 'Operator-Passphrase-42';
const ownerSecret = createTotpSecret();
const supportSecret = createTotpSecret();
const code = (secret: string) => generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);
const run = testSlug('opa');
const owner = `owner-${run}@vendor.vn`;
const support = `support-${run}@vendor.vn`;
const fresh = `fresh-${run}@vendor.vn`;
const tenant = testSlug('opt');
const operatorBrowser = (host = testDomain) => browserOn(t, host);

beforeAll(async () => {
  await upsertOperator(t.deps.database, {
    email: owner,
    fullName: 'Chủ',
    role: 'owner',
    password,
    totpSecret: ownerSecret,
  });
  await upsertOperator(t.deps.database, {
    email: support,
    fullName: 'Hỗ trợ',
    role: 'support',
    password,
    totpSecret: supportSecret,
  });
  await upsertOperator(t.deps.database, { email: fresh, fullName: 'Mới', role: 'operator', password });
  await provisionTenant(t.deps.provisioning, {
    slug: tenant,
    name: 'UBND thử',
    kind: 'province',
    adminEmail: 'a@b.gov.vn',
    actor: 'test',
  });
});

/** A fresh owner: a TOTP code is accepted once, so each sign-in in the same 30 s needs its own account. */
async function anotherOwner(label: string): Promise<[string, string]> {
  const email = `owner-${label}-${run}@vendor.vn`;
  const secret = createTotpSecret();
  await upsertOperator(t.deps.database, {
    email,
    fullName: 'Chủ',
    role: 'owner',
    password,
    totpSecret: secret,
  });
  return [email, secret];
}

async function signedIn(email: string, secret: string) {
  const b = operatorBrowser();
  const res = await b.call('/api/ops/auth/sign-in', { method: 'POST', body: { email, password } });
  expect(await readJson(res)).toEqual({ signedIn: false, totp: 'required' });
  expect((await b.call('/api/ops/auth/totp', { method: 'POST', body: { code: code(secret) } })).status).toBe(
    200,
  );
  return b;
}

describe('operator sign-in', () => {
  it('needs password and TOTP before the operator API answers, then allows what the role may do', async () => {
    const b = operatorBrowser();
    await b.call('/api/ops/auth/sign-in', { method: 'POST', body: { email: owner, password } });
    expect(b.cookie()).toMatch(/^motcua_ops_session=/);
    expect((await b.call('/api/ops/tenants')).status, 'before TOTP').toBe(401);
    await b.call('/api/ops/auth/totp', { method: 'POST', body: { code: code(ownerSecret) } });
    expect((await b.call('/api/ops/tenants')).status).toBe(200);
    expect(await readJson(await b.call('/api/ops/auth/me'))).toMatchObject({ email: owner, role: 'owner' });
    const replay = operatorBrowser();
    await replay.call('/api/ops/auth/sign-in', { method: 'POST', body: { email: owner, password } });
    expect(
      (await replay.call('/api/ops/auth/totp', { method: 'POST', body: { code: code(ownerSecret) } })).status,
    ).toBe(401);
  });

  it('lets a support operator read tenants but not change them', async () => {
    const b = await signedIn(support, supportSecret);
    expect((await b.call(`/api/ops/tenants/${tenant}`)).status).toBe(200);
    const suspend = await b.call(`/api/ops/tenants/${tenant}/suspend`, { method: 'POST' });
    expect(suspend.status).toBe(403);
    expect((await readJson(await b.call(`/api/ops/tenants/${tenant}`))).tenant.status).toBe('active');
  });

  it('makes an operator without an authenticator enrol one', async () => {
    const b = operatorBrowser();
    expect(
      await readJson(
        await b.call('/api/ops/auth/sign-in', { method: 'POST', body: { email: fresh, password } }),
      ),
    ).toEqual({
      signedIn: false,
      totp: 'enrolment_required',
    });
    const { secret } = await readJson(await b.call('/api/ops/auth/totp/enrolment', { method: 'POST' }));
    expect((await b.call('/api/ops/tenants')).status).toBe(401);
    expect(
      (await b.call('/api/ops/auth/totp/enrolment/confirm', { method: 'POST', body: { code: code(secret) } }))
        .status,
    ).toBe(200);
    expect((await b.call('/api/ops/tenants')).status).toBe(200);
  });

  it('answers wrong credentials alike, throttles them, and keeps operator sessions out of tenant hosts', async () => {
    const b = operatorBrowser();
    const wrong = await b.call('/api/ops/auth/sign-in', {
      method: 'POST',
      body: { email: support, password: 'wrong-wrong-1' },
    });
    const unknown = await b.call('/api/ops/auth/sign-in', {
      method: 'POST',
      body: { email: `x-${run}@vendor.vn`, password },
    });
    expect(wrong.status).toBe(401);
    expect(await readJson(wrong)).toEqual(await readJson(unknown));
    const victim = `victim-${run}@vendor.vn`;
    await upsertOperator(t.deps.database, { email: victim, fullName: 'V', role: 'operator', password });
    for (let i = 0; i < 5; i += 1)
      await b.call('/api/ops/auth/sign-in', {
        method: 'POST',
        body: { email: victim, password: `bad-${i}-xxxx` },
      });
    expect(
      (await b.call('/api/ops/auth/sign-in', { method: 'POST', body: { email: victim, password } })).status,
    ).toBe(429);

    const ops = await signedIn(...(await anotherOwner('realm')));
    const onTenant = operatorBrowser(`${tenant}.${testDomain}`);
    onTenant.setCookie(ops.cookie().replace('motcua_ops_session', 'motcua_session'));
    expect((await onTenant.call('/api/auth/me')).status).toBe(401);
  });

  it('signs out', async () => {
    const b = await signedIn(...(await anotherOwner('signout')));
    const cookie = b.cookie();
    expect((await b.call('/api/ops/auth/sign-out', { method: 'POST' })).status).toBe(204);
    b.setCookie(cookie);
    expect((await b.call('/api/ops/tenants')).status).toBe(401);
  });
});
