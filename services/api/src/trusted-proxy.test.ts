// Behind a TLS-terminating proxy the API sees plain http from the proxy's address: with
// TRUST_PROXY_HOPS it takes the scheme and client address the proxy forwarded.
import { hashPassword } from '@motcua/auth';
import { newId, withTenant } from '@motcua/db';
import { auditLog, citizens } from '@motcua/db/tenant';
import { createTestTenant } from '@motcua/db/testing';
import { desc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testDomain, useTestApp } from './testing.ts';

const behindProxy = useTestApp({ env: { TRUST_PROXY_HOPS: '1' } });
const direct = useTestApp();
const password = 'Correct-Horse-Battery-9';

async function citizenOn(slug: Awaited<ReturnType<typeof createTestTenant>>) {
  const passwordHash = await hashPassword(password);
  await withTenant(behindProxy.deps.database, slug, (db) =>
    db.insert(citizens).values({ id: newId('usr'), email: 'a@example.vn', fullName: 'A', passwordHash }),
  );
}

const signIn = (slug: string, headers: Record<string, string>, app = behindProxy.app) =>
  app.fetch(
    new Request(`http://${slug}.${testDomain}/api/auth/sign-in`, {
      method: 'POST',
      headers: { host: `${slug}.${testDomain}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: 'a@example.vn', password }),
    }),
    { incoming: { socket: { remoteAddress: '10.0.0.2' } } },
  );

describe('behind one trusted proxy', () => {
  it('sets the __Host- Secure cookie when the proxy says https, and records the forwarded client address', async () => {
    const slug = await createTestTenant(behindProxy.deps.database);
    await citizenOn(slug);
    const res = await signIn(slug, {
      'x-forwarded-proto': 'https',
      // The left part is whatever the client claimed; the proxy appended the real address.
      'x-forwarded-for': '198.51.100.66, 203.0.113.7',
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-motcua_session=/);
    expect(cookie).toContain('Secure');
    const [row] = await withTenant(behindProxy.deps.database, slug, (db) =>
      db
        .select({ ip: auditLog.ip, action: auditLog.action })
        .from(auditLog)
        .orderBy(desc(auditLog.id))
        .limit(1),
    );
    expect(row).toEqual({ ip: '203.0.113.7', action: 'auth.sign_in' });
  });

  it('keeps plain cookies when the proxy says http', async () => {
    const slug = await createTestTenant(behindProxy.deps.database);
    await citizenOn(slug);
    const res = await signIn(slug, { 'x-forwarded-proto': 'http', 'x-forwarded-for': '203.0.113.8' });
    expect(res.headers.get('set-cookie')).toMatch(/^motcua_session=/);
  });
});

describe('with no proxy configured', () => {
  it('ignores forwarded headers a client sends itself', async () => {
    const slug = await createTestTenant(direct.deps.database);
    await citizenOn(slug);
    const res = await signIn(
      slug,
      { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.66' },
      direct.app,
    );
    expect(res.headers.get('set-cookie')).toMatch(/^motcua_session=/);
    const [row] = await withTenant(direct.deps.database, slug, (db) =>
      db.select({ ip: auditLog.ip }).from(auditLog).orderBy(desc(auditLog.id)).limit(1),
    );
    expect(row?.ip).toBe('10.0.0.2');
  });
});
