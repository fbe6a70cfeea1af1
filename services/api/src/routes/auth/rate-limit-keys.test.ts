// Rate limits count an IPv6 client by its /64 (one customer usually holds the whole /64 and
// can use any address in it) and an IPv4-mapped IPv6 client as its IPv4 address.
import { createTestTenant } from '@motcua/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDomain, useTestApp } from '../../testing.ts';

const t = useTestApp();
let host: string;
beforeAll(async () => {
  host = `${await createTestTenant(t.deps.database)}.${testDomain}`;
});

/** A request from `address`, as the socket of a direct client would show it. */
function from(address: string, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set('host', host);
  return t.app.fetch(new Request(`http://${host}${path}`, { ...init, headers }), {
    incoming: { socket: { remoteAddress: address } },
  });
}

const register = (address: string, i: number) =>
  from(address, '/api/auth/register', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `http://${host}` },
    body: JSON.stringify({
      email: `citizen-${i}-${Math.random().toString(36).slice(2)}@example.vn`,
      fullName: 'Trần Thị B',
      password: 'Correct-Horse-Battery-9',
      consent: true,
    }),
  });

const track = (address: string) => from(address, '/api/public/track?code=H38-260302-0001&key=ABCD2345');

describe('rate-limit keys', () => {
  it('limits registrations from every address of one IPv6 /64 together', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await register(`2001:db8:1:2:${i + 1}::1`, i)).status);
    expect(statuses).toEqual([...Array(10).fill(202), 429]);
    expect((await register('2001:db8:1:3::1', 99)).status, 'the next /64 is another client').toBe(202);
  });

  it('counts public tracking lookups from one /64 under one key, and an IPv4-mapped address as its IPv4', async () => {
    // The keys, not the 429: the one-minute window may turn between two lookups.
    for (let i = 0; i < 5; i += 1) expect((await track(`2001:db8:5:6:${i + 1}::9`)).status).toBe(404);
    expect((await track('198.51.100.23')).status).toBe(404);
    expect((await track('::ffff:198.51.100.23')).status).toBe(404);
    const slug = host.split('.')[0];
    const rows = await t.deps.database.sql<{ key: string }[]>`
      select key from platform.rate_limits where key like ${`track:${slug}:%`} order by key`;
    expect(rows.map((r) => r.key)).toEqual([
      `track:${slug}:198.51.100.23`,
      `track:${slug}:2001:db8:5:6::/64`,
    ]);
  });
});
