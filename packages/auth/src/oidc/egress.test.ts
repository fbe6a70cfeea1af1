// The egress policy of the relying party: which addresses an agency admin's provider may be
// on, and a fetch that connects only where the check looked.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import {
  classifyAddress,
  type EgressPolicy,
  EgressRefusedError,
  type ResolvedAddress,
  resolveEgressTarget,
} from './egress.ts';
import { createGuardedFetch } from './guarded-fetch.ts';

describe('classifyAddress', () => {
  it.each([
    ['loopback', ['127.0.0.1', '127.255.10.3', '::1']],
    ['private', ['10.0.0.1', '172.16.0.1', '172.31.255.254', '192.168.1.1']],
    ['link-local', ['169.254.169.254', 'fe80::1', 'fe80::abcd:1']],
    ['unique-local', ['fc00::1', 'fd12:3456:789a::1', 'fec0::1']],
    ['cgnat', ['100.64.0.1', '100.127.255.254']],
    ['multicast', ['224.0.0.1', '239.255.255.250', 'ff02::1']],
    ['unspecified', ['0.0.0.0', '0.1.2.3', '::']],
    ['reserved', ['240.0.0.1', '255.255.255.255', '192.0.2.10', '2001:db8::1']],
  ])('puts every %s address outside the public internet', (kind, addresses) => {
    for (const address of addresses) expect(classifyAddress(address), address).toBe(kind);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['0:0:0:0:0:ffff:a00:1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:100.64.0.1', 'cgnat'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'link-local'],
  ])('sees through the IPv6 form %s of an IPv4 address (%s)', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '1.1.1.1', '14.225.0.1', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808'])(
    'takes %s as public',
    (address) => {
      expect(classifyAddress(address)).toBe('public');
    },
  );
});

/** A resolver that answers from a table, counting what it was asked. */
function resolverOf(table: Record<string, string[] | string[][]>) {
  const asked: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    asked.push(hostname);
    const answers = table[hostname];
    if (!answers) throw Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' });
    // A list of lists answers differently on each call (DNS rebinding).
    const answer = Array.isArray(answers[0])
      ? (answers[asked.length - 1] as string[])
      : (answers as string[]);
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { asked, resolve };
}

async function reason(url: string, policy: EgressPolicy = {}) {
  const error = await resolveEgressTarget(new URL(url), policy).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EgressRefusedError);
  return (error as EgressRefusedError).reason;
}

describe('resolveEgressTarget', () => {
  it('refuses anything but https', async () => {
    expect(await reason('http://id.example.vn/')).toBe('not_https');
    expect(await reason('ftp://id.example.vn/')).toBe('not_https');
  });

  it.each([
    'https://127.0.0.1/',
    'https://2130706433/',
    'https://0x7f.1/',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://10.1.2.3/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[fd00::1]/',
    'https://100.64.0.1/',
    'https://224.0.0.1/',
    'https://0.0.0.0/',
    'https://[::]/',
  ])('refuses the literal %s', async (url) => {
    expect(await reason(url)).toBe('not_public');
  });

  it('refuses a name that resolves to loopback (the system resolver: localhost)', async () => {
    expect(await reason('https://localhost:8443/')).toBe('not_public');
  });

  it.each([
    [['127.0.0.1']],
    [['10.0.0.7']],
    [['fd00::7']],
    [['::ffff:192.168.0.1']],
    [['8.8.8.8', '192.168.0.1']],
  ])('refuses a name that resolves to %j', async (addresses) => {
    const { resolve } = resolverOf({ 'id.agency.vn': addresses });
    expect(await reason('https://id.agency.vn/', { resolve })).toBe('not_public');
  });

  it('answers the one address to connect to for a public name, resolving it once', async () => {
    const { asked, resolve } = resolverOf({ 'id.agency.vn': ['14.225.0.1', '2001:4860:4860::8888'] });
    expect(await resolveEgressTarget(new URL('https://id.agency.vn/'), { resolve })).toEqual({
      address: '14.225.0.1',
      family: 4,
    });
    expect(asked).toEqual(['id.agency.vn']);
    expect(await reason('https://nowhere.agency.vn/', { resolve })).toBe('unresolved');
  });

  it('allows a host the operator named, over http too, on any port or the one named', async () => {
    const { resolve } = resolverOf({ 'idp.internal': ['10.0.0.5'] });
    const policy = { allowedHosts: ['idp.internal', '127.0.0.1:8080', '[::1]'], resolve };
    expect(await resolveEgressTarget(new URL('http://idp.internal:9000/'), policy)).toMatchObject({
      address: '10.0.0.5',
    });
    expect(await resolveEgressTarget(new URL('http://127.0.0.1:8080/'), policy)).toMatchObject({
      address: '127.0.0.1',
    });
    expect(await resolveEgressTarget(new URL('https://[::1]:4443/'), policy)).toMatchObject({
      address: '::1',
    });
    expect(await reason('http://127.0.0.1:8081/', policy)).toBe('not_https');
    expect(await reason('https://127.0.0.1:8081/', policy)).toBe('not_public');
    expect(await reason('https://10.0.0.5/', policy), 'the name is allowed, not its address').toBe(
      'not_public',
    );
  });
});

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

/** An HTTP server on `host` that counts requests and answers `handler`'s status and headers. */
async function listening(
  host: string,
  port = 0,
  answer: (url: string) => [number, Record<string, string>] = () => [200, {}],
) {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const [status, headers] = answer(req.url ?? '');
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end('{"ok":true}');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { requests, port: (server.address() as AddressInfo).port };
}

const get = { method: 'GET', headers: { accept: 'application/json' }, redirect: 'manual' as const };

describe('createGuardedFetch', () => {
  it('reaches nothing it refuses', async () => {
    const local = await listening('127.0.0.1');
    const guarded = createGuardedFetch();
    for (const url of [
      `http://127.0.0.1:${local.port}/`,
      `https://127.0.0.1:${local.port}/`,
      `https://localhost:${local.port}/`,
      `https://[::ffff:127.0.0.1]:${local.port}/`,
    ]) {
      await expect(guarded(url, get), url).rejects.toBeInstanceOf(EgressRefusedError);
    }
    expect(local.requests).toEqual([]);
  });

  it('fetches from a host the operator allows', async () => {
    const local = await listening('127.0.0.1');
    const guarded = createGuardedFetch({ allowedHosts: ['127.0.0.1'] });
    const res = await guarded(`http://127.0.0.1:${local.port}/.well-known/openid-configuration`, get);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(local.requests).toEqual(['/.well-known/openid-configuration']);
  });

  it('connects to the address it checked, whatever a second resolution would answer', async () => {
    const checked = await listening('127.0.0.2');
    const rebound = await listening('127.0.0.1', checked.port);
    const { asked, resolve } = resolverOf({
      'idp.rebind.test': [['127.0.0.2'], ['127.0.0.1'], ['127.0.0.1']],
    });
    const guarded = createGuardedFetch({ allowedHosts: ['idp.rebind.test'], resolve });
    expect((await guarded(`http://idp.rebind.test:${checked.port}/jwks`, get)).status).toBe(200);
    expect(asked).toEqual(['idp.rebind.test']);
    expect(checked.requests).toEqual(['/jwks']);
    expect(rebound.requests).toEqual([]);
  });

  it('does not follow a redirect', async () => {
    const target = await listening('127.0.0.1');
    const redirecting = await listening('127.0.0.1', 0, () => [
      302,
      { location: `http://127.0.0.1:${target.port}/` },
    ]);
    const guarded = createGuardedFetch({ allowedHosts: [`127.0.0.1:${redirecting.port}`] });
    const res = await guarded(`http://127.0.0.1:${redirecting.port}/`, get);
    expect(res.status).toBe(302);
    expect(target.requests).toEqual([]);
  });
});
