// Parallel guessing over HTTP: checking the throttle and counting a failure are one step, so a
// burst of wrong passwords or codes gets no more evaluations than one guess after another.
// The clock (Date only) is frozen during each burst, so "before the lock ends" is exact.
import { createTotpSecret, hashPassword } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { auditLog, citizens, staffUsers } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { provisionTenant } from '@motcua/provisioning';
import { totpCode, totpStepAt } from '@motcua/testing/totp';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { browserOn, readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
const password = 'Correct-Horse-Battery-9';
const slug = testSlug('race');
const host = `${slug}.${testDomain}`;
const adminSecret = createTotpSecret();

async function addPerson(kind: 'staff' | 'citizen', email: string, totpSecret?: string): Promise<string> {
  const id = newId('usr');
  const passwordHash = await hashPassword(password);
  await withTenant(t.deps.database, slug as TenantSlug, (db) =>
    kind === 'staff'
      ? db.insert(staffUsers).values({
          id,
          email,
          fullName: 'Cán bộ',
          role: totpSecret ? 'admin' : 'reception',
          status: 'active',
          passwordHash,
          ...(totpSecret ? { totpSecret, totpEnrolledAt: new Date() } : {}),
        })
      : db.insert(citizens).values({ id, email, fullName: 'Công dân', passwordHash }),
  );
  return id;
}

beforeAll(async () => {
  await provisionTenant(t.deps.provisioning, {
    slug,
    name: 'UBND thử',
    kind: 'province',
    adminEmail: `invited@${slug}.gov.vn`,
    actor: 'test',
  });
  await addPerson('staff', 'reception@race.gov.vn');
  await addPerson('citizen', 'cong-dan@example.vn');
  await addPerson('staff', 'admin@race.gov.vn', adminSecret);
});

afterEach(() => {
  vi.useRealTimers();
});

function freezeClock(): Date {
  vi.useFakeTimers({ toFake: ['Date'] });
  const now = new Date();
  vi.setSystemTime(now);
  return now;
}

function post(path: string, body: unknown, cookie?: string) {
  const headers: Record<string, string> = { origin: `http://${host}`, 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  return t.request(path, { host, method: 'POST', headers, body: JSON.stringify(body) });
}

/** Sends `count` requests at once; the statuses, and the Retry-After of every 429. */
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

async function auditCount(action: string, subject: string): Promise<number> {
  const rows = await withTenant(t.deps.database, slug as TenantSlug, (db) =>
    db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.subject, subject))),
  );
  return rows.length;
}

async function idOf(kind: 'staff' | 'citizen', email: string): Promise<string> {
  const table = kind === 'staff' ? staffUsers : citizens;
  const [row] = await withTenant(t.deps.database, slug as TenantSlug, (db) =>
    db.select({ id: table.id }).from(table).where(eq(table.email, email)),
  );
  return row?.id ?? '';
}

/** A six-digit code that is none of the codes the server accepts around `now`. */
function wrongCode(secret: string, now: Date): string {
  const step = totpStepAt(now);
  const accepted = new Set([-1, 0, 1].map((d) => totpCode(secret, step + d)));
  let candidate = 0;
  while (accepted.has(String(candidate).padStart(6, '0'))) candidate += 1;
  return String(candidate).padStart(6, '0');
}

describe.each([
  ['staff', 'reception@race.gov.vn'],
  ['citizen', 'cong-dan@example.vn'],
] as const)('parallel wrong passwords for one %s account', (kind, email) => {
  it('evaluates at most the five free attempts, refuses the rest with Retry-After, and the right password waits for the lock', async () => {
    const now = freezeClock();
    const result = await burst(40, () =>
      post('/api/auth/sign-in', { email, password: 'Wrong-Password-123' }),
    );
    expect(result).toEqual({ evaluated: 5, refused: 35, other: [], retryAfter: ['1'] });
    expect(await auditCount('auth.sign_in_failed', await idOf(kind, email))).toBe(5);

    const early = await post('/api/auth/sign-in', { email, password });
    expect(early.status, 'the right password inside the lock').toBe(429);
    expect(early.headers.get('retry-after')).toBe('1');

    vi.setSystemTime(new Date(now.getTime() + 1000));
    const signedIn = await post('/api/auth/sign-in', { email, password });
    expect(signedIn.status).toBe(200);
    expect(await readJson(signedIn)).toMatchObject({ signedIn: true, principal: { kind } });
  });
});

describe('parallel wrong TOTP codes on one pending admin session', () => {
  it('evaluates at most the five free codes, refuses the rest, and the right code waits for the lock', async () => {
    const now = freezeClock();
    const b = browserOn(t, host);
    const first = await b.call('/api/auth/sign-in', {
      method: 'POST',
      body: { email: 'admin@race.gov.vn', password },
    });
    expect(await readJson(first)).toMatchObject({ signedIn: false, totp: 'required' });
    const cookie = b.cookie();

    const wrong = wrongCode(adminSecret, now);
    const result = await burst(150, () => post('/api/auth/totp', { code: wrong }, cookie));
    expect(result).toEqual({ evaluated: 5, refused: 145, other: [], retryAfter: ['1'] });
    expect(await auditCount('auth.totp_failed', await idOf('staff', 'admin@race.gov.vn'))).toBe(5);

    const right = totpCode(adminSecret, totpStepAt(now));
    const early = await post('/api/auth/totp', { code: right }, cookie);
    expect(early.status, 'the right code inside the lock').toBe(429);
    expect((await b.call('/api/auth/me')).status, 'still not signed in').toBe(401);

    vi.setSystemTime(new Date(now.getTime() + 1000));
    const later = new Date(now.getTime() + 1000);
    const verified = await post('/api/auth/totp', { code: totpCode(adminSecret, totpStepAt(later)) }, cookie);
    expect(verified.status).toBe(200);
    expect((await b.call('/api/auth/me')).status).toBe(200);
  });
});
