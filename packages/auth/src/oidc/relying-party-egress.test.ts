// The relying party under the egress policy: discovery, token and UserInfo requests alike go
// only where the policy allows, whatever the provider's discovery document names.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { OidcDiscoveryError, OidcSignInError } from './errors.ts';
import { createRelyingParty } from './relying-party.ts';

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

async function listening(answer: (path: string, origin: string) => [number, Record<string, string>, string]) {
  const requests: string[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const [status, headers, body] = answer(req.url ?? '', origin);
    res.writeHead(status, headers).end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { requests, origin };
}

/** A place nothing may be sent: it counts what reaches it. */
const forbidden = () => listening(() => [200, { 'content-type': 'application/json' }, '{}']);

/** A provider on an allowed host whose discovery document sends token and UserInfo to `elsewhere`. */
function providerPointingAt(elsewhere: string) {
  return listening((path, origin) => {
    if (path !== '/.well-known/openid-configuration') return [404, {}, ''];
    const metadata = {
      issuer: origin,
      authorization_endpoint: `${origin}/auth`,
      token_endpoint: `${elsewhere}/token`,
      userinfo_endpoint: `${elsewhere}/me`,
      jwks_uri: `${elsewhere}/jwks`,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    };
    return [200, { 'content-type': 'application/json' }, JSON.stringify(metadata)];
  });
}

function relyingParty(issuer: string) {
  return createRelyingParty(
    {
      issuer,
      clientId: 'portal',
      clientSecret: 'client-secret',
      redirectUri: 'https://portal.example.vn/cb',
    },
    { egress: { allowedHosts: [new URL(issuer).host] } },
  );
}

describe('the relying party under the egress policy', () => {
  it.each([
    ['loopback by name', (port: number) => `http://localhost:${port}`],
    ['loopback over https', (port: number) => `https://127.0.0.1:${port}`],
    ['a private address', () => 'https://10.0.0.8'],
    ['the metadata service', () => 'https://169.254.169.254'],
  ])('sends no token request to %s that the discovery document names', async (_name, at) => {
    const target = await forbidden();
    const provider = await providerPointingAt(at(Number(new URL(target.origin).port)));
    const rp = relyingParty(provider.origin);
    const { pending } = await rp.beginSignIn();
    const callback = new URL(`https://portal.example.vn/cb?code=abc&state=${pending.state}`);
    const error = await rp.completeSignIn(callback, pending).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OidcSignInError);
    expect(error).toMatchObject({ code: 'provider_unavailable' });
    expect((error as OidcSignInError).diagnostic).toContain('refused to connect');
    expect(target.requests).toEqual([]);
  });

  it('does not follow a discovery redirect to an address it may not reach', async () => {
    const target = await forbidden();
    const inside = target.origin.replace('127.0.0.1', 'localhost');
    const redirecting = await listening(() => [
      302,
      { location: `${inside}/.well-known/openid-configuration` },
      '',
    ]);
    const error = await relyingParty(redirecting.origin)
      .beginSignIn()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OidcDiscoveryError);
    expect(redirecting.requests).toEqual(['/.well-known/openid-configuration']);
    expect(target.requests).toEqual([]);
  });

  it('refuses discovery itself on a host the operator did not allow', async () => {
    const target = await forbidden();
    const rp = createRelyingParty(
      {
        issuer: target.origin.replace('http:', 'https:'),
        clientId: 'portal',
        clientSecret: 'client-secret',
        redirectUri: 'https://portal.example.vn/cb',
      },
      {},
    );
    await expect(rp.beginSignIn()).rejects.toBeInstanceOf(OidcDiscoveryError);
    expect(target.requests).toEqual([]);
  });
});
