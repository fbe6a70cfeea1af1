// Parallel guessing of an operator's password and TOTP code over HTTP: at most the free
// attempts are evaluated, the rest answer 429, and the right secret waits for the lock. The
// clock (Date only) is frozen during each burst, so "before the lock ends" is exact.
import { createTotpSecret, upsertOperator } from '@motcua/auth';
import { platformAudit } from '@motcua/db/platform';
import { testSlug } from '@motcua/db/testing';
import { totpCode, totpStepAt } from '@motcua/testing/totp';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserOn, readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const password = 'Operator-Passphrase-42';
const run = testSlug('opr');

afterEach(() => {
  vi.useRealTimers();
});

function freezeClock(): Date {
  vi.useFakeTimers({ toFake: ['Date'] });
  const now = new Date();
  vi.setSystemTime(now);
  return now;
}

async function newOperator(label: string): Promise<{ email: string; secret: string; id: string }> {
  const email = `${label}-${run}@vendor.vn`;
  const secret = createTotpSecret();
  const id = await upsertOperator(t.deps.database, {
    email,
    fullName: 'Vận hành',
    role: 'operator',
    password,
    totpSecret: secret,
  });
  return { email, secret, id: id ?? '' };
}

function post(path: string, body: unknown, cookie?: string) {
  const headers: Record<string, string> = {
    origin: `http://${testDomain}`,
    'content-type': 'application/json',
  };
  if (cookie) headers.cookie = cookie;
  return t.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function burst(count: number, send: () => Promise<Response>) {
  const responses = await Promise.all(Array.from({ length: count }, send));
  const statuses = responses.map((r) => r.status);
  const retryAfter = new Set(
    responses.filter((r) => r.status === 429).map((r) => r.headers.get('retry-after')),
  );
  return {
    evaluated: statuses.filter((s) => s === 401).length,
    refused: statuses.filter((s) => s === 429).length,
    other: statuses.filter((s) => s !== 401 && s !== 429),
    retryAfter: [...retryAfter],
  };
}

async function auditCount(action: string, operatorId: string): Promise<number> {
  const rows = await t.deps.database.platform
    .select({ n: sql<number>`count(*)::int` })
    .from(platformAudit)
    .where(and(eq(platformAudit.action, action), eq(platformAudit.actor, `operator:${operatorId}`)));
  return rows[0]?.n ?? 0;
}

function wrongCode(secret: string, now: Date): string {
  const step = totpStepAt(now);
  const accepted = new Set([-1, 0, 1].map((d) => totpCode(secret, step + d)));
  let candidate = 0;
  while (accepted.has(String(candidate).padStart(6, '0'))) candidate += 1;
  return String(candidate).padStart(6, '0');
}

describe('operator sign-in under parallel guessing', () => {
  it('evaluates at most five of 40 parallel wrong passwords; the right one waits for the lock', async () => {
    const { email, id } = await newOperator('pw');
    const now = freezeClock();
    const result = await burst(40, () =>
      post('/api/ops/auth/sign-in', { email, password: 'Not-The-Passphrase-1' }),
    );
    expect(result).toEqual({ evaluated: 5, refused: 35, other: [], retryAfter: ['1'] });
    expect(await auditCount('ops.sign_in_failed', id)).toBe(5);

    expect((await post('/api/ops/auth/sign-in', { email, password })).status).toBe(429);
    vi.setSystemTime(new Date(now.getTime() + 1000));
    const signedIn = await post('/api/ops/auth/sign-in', { email, password });
    expect(await readJson(signedIn)).toEqual({ signedIn: false, totp: 'required' });
  });

  it('evaluates at most five of 150 parallel wrong codes on one pending session; the right one waits', async () => {
    const { email, secret, id } = await newOperator('totp');
    const now = freezeClock();
    const b = browserOn(t, testDomain);
    await b.call('/api/ops/auth/sign-in', { method: 'POST', body: { email, password } });
    const cookie = b.cookie();
    expect(cookie).toMatch(/^motcua_ops_session=/);

    const wrong = wrongCode(secret, now);
    const result = await burst(150, () => post('/api/ops/auth/totp', { code: wrong }, cookie));
    expect(result).toEqual({ evaluated: 5, refused: 145, other: [], retryAfter: ['1'] });
    expect(await auditCount('ops.totp_failed', id)).toBe(5);

    const early = await post('/api/ops/auth/totp', { code: totpCode(secret, totpStepAt(now)) }, cookie);
    expect(early.status, 'the right code inside the lock').toBe(429);
    expect((await b.call('/api/ops/tenants')).status, 'still not signed in').toBe(401);

    const later = new Date(now.getTime() + 1000);
    vi.setSystemTime(later);
    const verified = await post('/api/ops/auth/totp', { code: totpCode(secret, totpStepAt(later)) }, cookie);
    expect(verified.status).toBe(200);
    expect((await b.call('/api/ops/tenants')).status).toBe(200);
  });
});
