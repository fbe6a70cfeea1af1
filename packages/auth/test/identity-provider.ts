/// <reference path="./oidc-provider.d.ts" />
// A real OpenID Provider (oidc-provider) on 127.0.0.1 with one confidential client, and a
// scripted browser that signs a citizen in through the provider's development login and consent
// pages (imported as `@motcua/auth/testing`, from tests only; the reference above brings the
// provider's types to every importer, as oidc-provider ships none).
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account } from 'oidc-provider';

export const testCitizen = {
  sub: '079123456789',
  name: 'Nguyễn Văn A',
  email: 'nguyen.van.a@example.vn',
} as const;

export interface TestProviderOptions {
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  /**
   * Put profile and email claims in the ID token. oidc-provider's default (false here too)
   * puts them only in UserInfo once an access token is issued.
   */
  claimsInIdToken?: boolean;
}

export interface TestProvider {
  issuer: string;
  client: { clientId: string; clientSecret: string; redirectUri: string };
  /**
   * Follows `authorizationUrl` as a fresh browser would, signs `testCitizen` in (or, with
   * `deny`, cancels at the login page) and returns the URL the provider sent the browser back
   * to, without requesting it.
   */
  signIn(authorizationUrl: string | URL, options?: { deny?: boolean }): Promise<URL>;
  /** Requests received for `pathname`, e.g. the discovery document. */
  requestCount(pathname: string): number;
  close(): Promise<void>;
}

export async function startTestProvider(options: TestProviderOptions = {}): Promise<TestProvider> {
  const client = {
    clientId: options.clientId ?? 'motcua-portal',
    clientSecret: options.clientSecret ?? `secret-${randomUUID()}`,
    redirectUri: options.redirectUri ?? 'https://portal.motcua.test/auth/oidc/callback',
  };
  const counts = new Map<string, number>();
  let handle: RequestListener = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    counts.set(pathname, (counts.get(pathname) ?? 0) + 1);
    handle(req, res);
  });
  // The issuer names the port, so listen first and build the provider second.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, providerConfiguration(client, options));
  handle = provider.callback();

  return {
    issuer,
    client,
    signIn: (url, signInOptions) => signIn(new URL(url), client.redirectUri, signInOptions?.deny ?? false),
    requestCount: (pathname) => counts.get(pathname) ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function providerConfiguration(client: TestProvider['client'], options: TestProviderOptions) {
  // A fresh key per instance: two test providers must not be able to vouch for each other.
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  return {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [client.redirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name'], email: ['email', 'email_verified'] },
    conformIdTokenClaims: !(options.claimsInIdToken ?? false),
    features: { devInteractions: { enabled: true } },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    findAccount: (_ctx: unknown, sub: string): Account | undefined =>
      sub === testCitizen.sub
        ? { accountId: sub, claims: () => ({ ...testCitizen, email_verified: true }) }
        : undefined,
  };
}

const maxSteps = 12;

async function signIn(start: URL, redirectUri: string, deny: boolean): Promise<URL> {
  const cookies = new Map<string, string>();
  const callback = new URL(redirectUri);
  let url = start;
  let init: RequestInit = {};
  for (let step = 0; step < maxSteps; step += 1) {
    if (url.origin === callback.origin && url.pathname === callback.pathname) return url;
    const headers = new Headers(init.headers);
    headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    keepCookies(cookies, response.headers.getSetCookie());
    const location = response.headers.get('location');
    const body = await response.text();
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      init = {};
      continue;
    }
    if (!response.ok)
      throw new Error(`test provider answered ${response.status} at ${url.pathname}: ${body}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(body)?.[1];
    if (deny) {
      url = new URL(`${url.pathname}/abort`, url);
      init = {};
    } else if (prompt === 'login' || prompt === 'consent') {
      // The dev login page accepts any password; the account id is the subject.
      const form: Record<string, string> =
        prompt === 'login' ? { prompt, login: testCitizen.sub, password: 'any' } : { prompt };
      init = { method: 'POST', body: new URLSearchParams(form) };
    } else {
      throw new Error(`test provider showed an unexpected page at ${url.pathname}`);
    }
  }
  throw new Error(`test provider did not redirect to ${redirectUri} within ${maxSteps} steps`);
}

// Enough of a cookie jar for one provider: paths are ignored, a cleared cookie is dropped.
function keepCookies(jar: Map<string, string>, setCookies: string[]): void {
  for (const header of setCookies) {
    const [pair = '', ...attributes] = header.split(';');
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const expires = attributes.map((a) => a.trim()).find((a) => a.toLowerCase().startsWith('expires='));
    const expired = expires !== undefined && Date.parse(expires.slice('expires='.length)) <= Date.now();
    if (value === '' || expired) jar.delete(name);
    else jar.set(name, value);
  }
}
