// Test helpers for the API (imported from tests only): an app wired to the run's real
// PostgreSQL and S3 servers and to an SMTP server of its own. The security cases every
// protected route gets are in security-cases.ts.
import { randomBytes } from 'node:crypto';
import { migratePlatform, type TenantSlug } from '@motcua/db';
import { testSecretKey } from '@motcua/db/testing';
import { startSmtpServer, type TestSmtpServer } from '@motcua/mail/testing';
import type {} from '@motcua/testing/provided';
import { deliverTenantOutbox } from '@motcua/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp, type MotcuaApp } from './app.ts';
import type { AppDeps } from './context.ts';
import { apiEnvSchema } from './env.ts';
import { createLogger } from './logger.ts';
import { closeDeps, createDeps } from './server.ts';

export const testDomain = 'motcua.test';

export interface TestApp {
  app: MotcuaApp;
  deps: AppDeps;
  token: string;
  logLines: string[];
  /** The real SMTP server the app's mailer sends to: what users would find in their inbox. */
  mail: TestSmtpServer;
  /** Sends a request as if to `host` (default: the platform host). */
  request(path: string, init?: RequestInit & { host?: string }): Promise<Response>;
  /** Same, with the operator token. */
  ops(path: string, init?: RequestInit & { host?: string }): Promise<Response>;
  /** Waits for background work the requests started (provisioning, offboarding). */
  settle(): Promise<void>;
  /**
   * Does the outbox worker's job for one tenant, to this app's SMTP server: every email goes
   * through the outbox, and a worker sweeping the shared test database would also deliver other
   * files' tenants. Resolves once nothing due is left, or the SMTP server cannot be reached.
   */
  deliverMail(slug: string): Promise<void>;
}

/** `env` adds or overrides configuration for this file's app (e.g. TRUST_PROXY_HOPS). */
export function useTestApp(options: { env?: Record<string, string> } = {}): TestApp {
  const token = randomBytes(24).toString('hex');
  const logLines: string[] = [];
  const harness = { logLines, token } as TestApp;
  beforeAll(async () => {
    const { databaseUrl, s3Endpoint } = inject('motcua');
    // Started for every test app, so that no test ever falls back to writing mail to the log.
    harness.mail = await startSmtpServer();
    const env = apiEnvSchema.parse({
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: '4',
      PLATFORM_DOMAIN: testDomain,
      // Requests are sent to hosts without a port, and links say the same.
      PUBLIC_URL: `http://${testDomain}`,
      MOTCUA_OPS_TOKEN: token,
      S3_ENDPOINT: s3Endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_BUCKET: 'motcua-api-test',
      LOG_LEVEL: 'debug',
      SMTP_URL: harness.mail.url,
      MOTCUA_SECRET_KEY: testSecretKey,
      ...options.env,
    });
    const deps = await createDeps(
      env,
      createLogger('debug', (line) => logLines.push(line)),
    );
    await migratePlatform(deps.database);
    harness.deps = deps;
    harness.app = createApp(deps);
  });
  afterAll(async () => {
    // Background work may still be sending mail: the pool and the SMTP server close after it.
    if (harness.deps) await closeDeps(harness.deps);
    await harness.mail?.close();
  });

  harness.request = (path, { host = testDomain, headers, ...init } = {}) => {
    const merged = new Headers(headers);
    merged.set('host', host);
    return harness.app.fetch(new Request(`http://${host}${path}`, { ...init, headers: merged }));
  };
  harness.ops = (path, { headers, ...init } = {}) => {
    const merged = new Headers(headers);
    merged.set('authorization', `Bearer ${token}`);
    if (init.body && !merged.has('content-type')) merged.set('content-type', 'application/json');
    return harness.request(path, { ...init, headers: merged });
  };
  harness.settle = async () => {
    while (harness.deps.background.size > 0) await Promise.allSettled([...harness.deps.background]);
  };
  harness.deliverMail = async (slug) => {
    await harness.settle();
    const { database, mailer, logger } = harness.deps;
    for (;;) {
      const counts = await deliverTenantOutbox({ database, mailer, logger, slug: slug as TenantSlug });
      if (counts.claimed === 0 || counts.serverDown) return;
    }
  };
  return harness;
}

/** A response body as parsed JSON; the tests assert its shape. */
// biome-ignore lint/suspicious/noExplicitAny: bodies are checked by assertions, not by the type system
export const readJson = async (res: Response): Promise<any> => res.json();

/**
 * A browser of one on `host`: keeps the session cookie it is given, sends it back, and sends
 * the same-origin `Origin` header a browser sends with form and fetch writes.
 */
export function browserOn(t: TestApp, host: string) {
  let cookie = '';
  const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = { origin: `http://${host}` };
    if (cookie) headers.cookie = cookie;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await t.request(path, {
      host,
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = /Max-Age=0/i.test(set) ? '' : (set.split(';')[0] ?? '');
    return res;
  };
  return { call, cookie: () => cookie, setCookie: (value: string) => (cookie = value) };
}
