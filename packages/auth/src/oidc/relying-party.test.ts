// The relying party against a real OpenID Provider (oidc-provider) on 127.0.0.1.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { calculatePKCECodeChallenge } from 'openid-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestProvider, type TestProvider, testCitizen } from '../../test/identity-provider.ts';
import { OidcDiscoveryError, OidcSignInError, type OidcSignInErrorCode } from './errors.ts';
import { createRelyingParty, pendingSignInTtlMs, type RelyingParty } from './relying-party.ts';

const discoveryPath = '/.well-known/openid-configuration';
// The test providers listen on loopback over http: allowed the way an operator would allow them.
const localProvider = { allowedHosts: ['127.0.0.1', 'localhost'] };
let provider: TestProvider;
let rp: RelyingParty;

beforeAll(async () => {
  provider = await startTestProvider();
  rp = relyingPartyFor(provider);
});
afterAll(() => provider.close());
afterEach(() => {
  vi.useRealTimers();
});

function relyingPartyFor(target: TestProvider, issuer = target.issuer): RelyingParty {
  return createRelyingParty({ ...target.client, issuer }, { allowHttp: true, egress: localProvider });
}

async function signedIn(relyingParty = rp, at = provider) {
  const { url, pending } = await relyingParty.beginSignIn();
  return { url, pending, callback: await at.signIn(url) };
}

/** The failure's code, after checking that nothing it says leaks the code, tokens or secret. */
async function failure(promise: Promise<unknown>, callback?: URL): Promise<OidcSignInErrorCode> {
  const error = await promise.then(
    () => new Error('expected the sign-in to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OidcSignInError);
  const { code, message, diagnostic } = error as OidcSignInError;
  const text = `${message} ${diagnostic ?? ''}`;
  expect(text).not.toContain(provider.client.clientSecret);
  const authorizationCode = callback?.searchParams.get('code');
  if (authorizationCode) expect(text).not.toContain(authorizationCode);
  return code;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('happy path', () => {
  it('signs the citizen in; profile claims come from UserInfo when the ID token lacks them', async () => {
    const { callback, pending } = await signedIn();
    const userInfoRequests = provider.requestCount('/me');
    expect(await rp.completeSignIn(callback, pending)).toEqual({
      issuer: provider.issuer,
      subject: testCitizen.sub,
      name: testCitizen.name,
      email: testCitizen.email,
      emailVerified: true,
    });
    expect(provider.requestCount('/me')).toBe(userInfoRequests + 1);
  });

  it('takes the claims from the ID token when the provider puts them there', async () => {
    const generous = await startTestProvider({ claimsInIdToken: true });
    try {
      const relyingParty = relyingPartyFor(generous);
      const { callback, pending } = await signedIn(relyingParty, generous);
      const identity = await relyingParty.completeSignIn(callback, pending);
      expect(identity).toMatchObject({
        subject: testCitizen.sub,
        name: testCitizen.name,
        emailVerified: true,
      });
      expect(generous.requestCount('/me')).toBe(0);
    } finally {
      await generous.close();
    }
  });

  it('asks for code, PKCE S256, state and nonce, and keeps no client secret in the pending sign-in', async () => {
    const first = await rp.beginSignIn();
    const second = await rp.beginSignIn();
    const query = new URL(first.url).searchParams;
    expect(Object.fromEntries(query)).toMatchObject({
      response_type: 'code',
      client_id: provider.client.clientId,
      redirect_uri: provider.client.redirectUri,
      scope: 'openid profile email',
      state: first.pending.state,
      nonce: first.pending.nonce,
      code_challenge: await calculatePKCECodeChallenge(first.pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    expect(Object.keys(first.pending).sort()).toEqual(['codeVerifier', 'createdAt', 'nonce', 'state']);
    expect(JSON.stringify(first)).not.toContain(provider.client.clientSecret);
    expect(second.pending.state).not.toBe(first.pending.state);
    expect(second.pending.nonce).not.toBe(first.pending.nonce);
    expect(second.pending.codeVerifier).not.toBe(first.pending.codeVerifier);
  });

  it('accepts the callback as the app sees it behind a proxy (another origin)', async () => {
    const { callback, pending } = await signedIn();
    const internal = new URL(`http://10.0.0.7:3000/auth/oidc/callback${callback.search}`);
    expect(await rp.completeSignIn(internal, pending)).toMatchObject({ subject: testCitizen.sub });
  });

  it('discovers the provider once, also under concurrent sign-ins', async () => {
    const before = provider.requestCount(discoveryPath);
    const fresh = relyingPartyFor(provider);
    await Promise.all([fresh.beginSignIn(), fresh.beginSignIn()]);
    const { callback, pending } = await signedIn(fresh);
    await fresh.completeSignIn(callback, pending);
    expect(provider.requestCount(discoveryPath) - before).toBe(1);
  });
});

describe('refused callbacks', () => {
  it('refuses a tampered or missing state before redeeming the code', async () => {
    const { callback, pending } = await signedIn();
    const tampered = new URL(callback);
    tampered.searchParams.set('state', `${pending.state}x`);
    expect(await failure(rp.completeSignIn(tampered, pending), callback)).toBe('state_mismatch');
    const missing = new URL(callback);
    missing.searchParams.delete('state');
    expect(await failure(rp.completeSignIn(missing, pending), callback)).toBe('state_mismatch');
    // The code is still good: the refusal happened before the token request.
    expect(await rp.completeSignIn(callback, pending)).toMatchObject({ subject: testCitizen.sub });
  });

  it('refuses an ID token whose nonce is not the pending one', async () => {
    const { callback, pending } = await signedIn();
    const other = { ...pending, nonce: `${pending.nonce}x` };
    expect(await failure(rp.completeSignIn(callback, other), callback)).toBe('nonce_mismatch');
  });

  it('refuses a code redeemed with another PKCE verifier', async () => {
    const { callback, pending } = await signedIn();
    const other = { ...pending, codeVerifier: (await rp.beginSignIn()).pending.codeVerifier };
    expect(await failure(rp.completeSignIn(callback, other), callback)).toBe('invalid_response');
  });

  it('refuses a code used twice', async () => {
    const { callback, pending } = await signedIn();
    await rp.completeSignIn(callback, pending);
    expect(await failure(rp.completeSignIn(callback, pending), callback)).toBe('invalid_response');
  });

  it('refuses a code past its lifetime', async () => {
    const { callback, pending } = await signedIn();
    // Only Date is faked: the provider's clock jumps past the code's 60 s, nothing sleeps.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5 * 60 * 1000);
    const error = rp.completeSignIn(callback, pending);
    expect(await failure(error, callback)).toBe('invalid_response');
    await expect(error).rejects.toMatchObject({ diagnostic: expect.stringContaining('invalid_grant') });
  });

  it('reports a sign-in the person cancelled at the provider (error=access_denied)', async () => {
    const { url, pending } = await rp.beginSignIn();
    const callback = await provider.signIn(url, { deny: true });
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const error = rp.completeSignIn(callback, pending);
    expect(await failure(error, callback)).toBe('provider_error');
    await expect(error).rejects.toMatchObject({ diagnostic: expect.stringContaining('access_denied') });
  });

  it.each([
    { age: pendingSignInTtlMs, outcome: 'accepted' },
    { age: pendingSignInTtlMs + 1, outcome: 'expired' },
    { age: -2 * 60 * 1000, outcome: 'expired' },
  ])('a pending sign-in $age ms old is $outcome', async ({ age, outcome }) => {
    const { callback, pending } = await signedIn();
    const now = new Date(pending.createdAt + age);
    const result = rp.completeSignIn(callback, pending, now);
    if (outcome === 'accepted') expect(await result).toMatchObject({ subject: testCitizen.sub });
    else expect(await failure(result, callback)).toBe(outcome);
  });

  it('refuses a malformed pending sign-in', async () => {
    const { callback, pending } = await signedIn();
    const broken = { ...pending, createdAt: Number.NaN };
    expect(await failure(rp.completeSignIn(callback, broken), callback)).toBe('invalid_response');
  });

  it('refuses a code issued by another provider with the same client id', async () => {
    const impostor = await startTestProvider({ ...provider.client });
    try {
      const { url, pending } = await rp.beginSignIn();
      // The same authorization request (state, nonce, PKCE challenge), sent to the impostor.
      const redirected = new URL(url);
      const elsewhere = new URL(`${redirected.pathname}${redirected.search}`, impostor.issuer);
      const callback = await impostor.signIn(elsewhere);
      expect(callback.searchParams.get('iss')).toBe(impostor.issuer);
      const error = rp.completeSignIn(callback, pending);
      expect(await failure(error, callback)).toBe('invalid_response');
      await expect(error).rejects.toMatchObject({ diagnostic: expect.stringContaining('(issuer)') });
      // Without its `iss` the answer is still refused: the real provider requires one (RFC 9207).
      const withoutIss = new URL(callback);
      withoutIss.searchParams.delete('iss');
      expect(await failure(rp.completeSignIn(withoutIss, pending), callback)).toBe('invalid_response');
    } finally {
      await impostor.close();
    }
  });
});

describe('discovery failures', () => {
  it('names an unreachable issuer and never the client secret', async () => {
    const issuer = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = relyingPartyFor(provider, issuer);
    const error = await unreachable.beginSignIn().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OidcDiscoveryError);
    expect((error as Error).message).toContain(`Could not discover the OpenID Provider ${issuer}`);
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect(inspect(error, { depth: null })).not.toContain(provider.client.clientSecret);
    // At the callback the same outage is a sign-in error like the others.
    const pending = { state: 's', nonce: 'n', codeVerifier: 'v', createdAt: Date.now() };
    const callback = new URL(`${provider.client.redirectUri}?code=c&state=s`);
    expect(await failure(unreachable.completeSignIn(callback, pending))).toBe('provider_unavailable');
  });

  it('names an unknown issuer and tries again on the next sign-in', async () => {
    const issuer = `${provider.issuer}/no-such-tenant`;
    const unknown = relyingPartyFor(provider, issuer);
    await expect(unknown.beginSignIn()).rejects.toThrow(`Could not discover the OpenID Provider ${issuer}`);
    await expect(unknown.beginSignIn()).rejects.toBeInstanceOf(OidcDiscoveryError);
    expect(provider.requestCount(`/no-such-tenant${discoveryPath}`)).toBe(2);
  });

  it('refuses a discovery document that describes another issuer', async () => {
    // The provider answers on localhost too, but its metadata names 127.0.0.1.
    const issuer = provider.issuer.replace('127.0.0.1', 'localhost');
    await expect(relyingPartyFor(provider, issuer).beginSignIn()).rejects.toThrow(/does not match/);
  });
});
