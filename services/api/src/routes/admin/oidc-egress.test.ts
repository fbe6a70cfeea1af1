// An agency admin cannot make the server connect inside its network through the identity
// provider settings: 400 on the issuer, one message whatever the address was, nothing stored;
// and a provider that resolves inside the network later is refused when the server connects.
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { createTotpSecret, hashPassword, setOidcSettings } from '@motcua/auth';
import { newId, type TenantSlug, withTenant } from '@motcua/db';
import { staffUsers } from '@motcua/db/tenant';
import { testSlug } from '@motcua/db/testing';
import { provisionTenant } from '@motcua/provisioning';
import { totpCode, totpStepAt } from '@motcua/testing/totp';
import { beforeAll, describe, expect, it } from 'vitest';
import { readJson, testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp({ env: { OIDC_ALLOWED_HOSTS: 'idp.allowed.test:8443' } });
const password = 'Admin-Passphrase-2026';
const secret = createTotpSecret();
const slug = testSlug('ssrf');
const host = `${slug}.${testDomain}`;
let cookie = '';

beforeAll(async () => {
  await provisionTenant(t.deps.provisioning, {
    slug,
    name: 'UBND thử',
    kind: 'province',
    adminEmail: `x@${slug}.vn`,
    actor: 'test',
  });
  await withTenant(t.deps.database, slug as TenantSlug, async (db) =>
    db.insert(staffUsers).values({
      id: newId('usr'),
      email: 'admin@ssrf.vn',
      fullName: 'Quản trị',
      role: 'admin',
      status: 'active',
      passwordHash: await hashPassword(password),
      totpSecret: secret,
      totpEnrolledAt: new Date(),
    }),
  );
  const signIn = await call('/api/auth/sign-in', {
    method: 'POST',
    body: { email: 'admin@ssrf.vn', password },
  });
  cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const code = totpCode(secret, totpStepAt(new Date()));
  expect((await call('/api/auth/totp', { method: 'POST', body: { code } })).status).toBe(200);
});

function call(path: string, init: { method?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { origin: `http://${host}`, 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  return t.request(path, {
    host,
    method: init.method ?? 'GET',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

const settingsWith = (issuer: string) => ({
  issuer,
  clientId: 'motcua-portal',
  clientSecret: 'client-secret-123',
  displayName: 'VNeID',
});

describe('identity provider settings and the network behind the server', () => {
  const refused = [
    ['loopback', 'https://127.0.0.1'],
    ['loopback by name', 'https://localhost:8443'],
    ['loopback IPv6', 'https://[::1]'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]'],
    ['private', 'https://10.20.30.40'],
    ['private 172.16/12', 'https://172.20.0.2'],
    ['private 192.168/16', 'https://192.168.1.1'],
    ['link-local (metadata service)', 'https://169.254.169.254'],
    ['unique-local', 'https://[fd00::5]'],
    ['CGNAT', 'https://100.64.0.9'],
    ['multicast', 'https://224.0.0.251'],
    ['unspecified', 'https://0.0.0.0'],
  ];

  it.each(refused)(
    'refuses a %s issuer with 400 on the issuer, saying nothing of the address',
    async (_kind, issuer) => {
      const res = await call('/api/admin/oidc-settings', { method: 'PUT', body: settingsWith(issuer) });
      expect(res.status).toBe(400);
      // The whole answer: the same for every kind of address, and no address in it.
      expect(await readJson(res)).toEqual({
        error: {
          code: 'invalid_input',
          message: 'The identity provider settings need correcting.',
          details: [
            {
              path: 'issuer',
              message:
                'issuer must be an identity provider on the public internet: this server does not connect to its address',
            },
          ],
        },
      });
      expect(await readJson(await call('/api/admin/oidc-settings'))).toEqual({ settings: null });
    },
  );

  it('refuses plain http to a host the operator did not allow', async () => {
    const res = await call('/api/admin/oidc-settings', {
      method: 'PUT',
      body: settingsWith('http://sso.dichvucong.example.vn'),
    });
    expect(res.status).toBe(400);
    expect((await readJson(res)).error.details).toEqual([
      { path: 'issuer', message: 'issuer must use https:' },
    ]);
  });

  it('accepts a public https issuer and a host the operator allows, over http too', async () => {
    for (const issuer of ['https://sso.dichvucong.example.vn', 'http://idp.allowed.test:8443']) {
      const res = await call('/api/admin/oidc-settings', { method: 'PUT', body: settingsWith(issuer) });
      expect(res.status, issuer).toBe(200);
    }
  });

  it('does not connect at sign-in to a stored provider that resolves inside the network', async () => {
    const connections: Socket[] = [];
    const inside = createServer((socket) => {
      connections.push(socket);
      socket.destroy();
    });
    await new Promise<void>((resolve) => inside.listen(0, '127.0.0.1', resolve));
    const { port } = inside.address() as AddressInfo;
    try {
      // Stored while an earlier rule allowed it (or while its name still resolved elsewhere):
      // the check when the server connects is what holds.
      await setOidcSettings(
        {
          database: t.deps.database,
          slug: slug as TenantSlug,
          actor: { kind: 'staff', id: 'usr_x', role: 'admin' },
          egress: { allowedHosts: ['localhost'] },
        },
        settingsWith(`https://localhost:${port}`),
      );
      const res = await call('/api/auth/oidc/start');
      expect(res.status).toBe(400);
      expect((await readJson(res)).error.code).toBe('provider_unavailable');
      expect(connections).toHaveLength(0);
    } finally {
      await new Promise((resolve) => inside.close(resolve));
    }
  });
});
