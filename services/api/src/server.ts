// Builds the API's dependencies from configuration and serves it. Used by `main.ts`, the
// local launcher and the benchmarks.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { assertIsolationReady, createDatabase } from '@motcua/db';
import { createMailer } from '@motcua/mail';
import { resumeInterruptedRuns } from '@motcua/provisioning';
import { createStorage, keepStorageReady, storageOptionsFromEnv } from '@motcua/storage';
import { createApp } from './app.ts';
import type { AppDeps } from './context.ts';
import type { ApiEnv } from './env.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { createTenantResolver } from './tenancy/resolver.ts';
import { tenantSiteUrl } from './tenant-mail.ts';

export interface RunningServer {
  url: string;
  port: number;
  deps: AppDeps;
  close(): Promise<void>;
}

export async function createDeps(
  env: ApiEnv,
  logger: Logger = createLogger(env.LOG_LEVEL),
): Promise<AppDeps> {
  const database = createDatabase({
    url: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    applicationName: 'motcua-api',
    ...(env.MOTCUA_SECRET_KEY
      ? { secretKeys: { current: env.MOTCUA_SECRET_KEY, previous: env.MOTCUA_SECRET_KEY_PREVIOUS } }
      : {}),
  });
  await assertIsolationReady(database);
  const storage = createStorage(storageOptionsFromEnv(env));
  // Storage being away does not stop the API: /readyz says so, requests that need storage answer
  // 503, and this keeps trying (creating the bucket the first time) until it answers.
  const storageKeeper = keepStorageReady(storage, {
    onDown: (reason) => logger.warn('document storage is not reachable; retrying', { reason }),
    onUp: () => logger.warn('document storage is reachable again'),
  });
  // Bounded by the storage timeouts: a reachable storage is ready before the first request.
  await storageKeeper.firstProbe;
  const mailer = createMailer({
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    from: env.MAIL_FROM,
    // Warn, not info: the local launcher shows warnings only, and this is where a developer
    // finds the link a message carries.
    log: (message) => logger.warn('mail not sent: SMTP_URL is not set', { mail: message }),
  });
  const deps: AppDeps = {
    env,
    database,
    storage,
    storageKeeper,
    uploadLimits: { citizenQuotaBytes: env.CITIZEN_STORAGE_QUOTA_MB * 2 ** 20 },
    mailer,
    // Links are made from deps.env when a message is queued: startServer fills in PORT=0's port.
    provisioning: { database, storage, tenantSiteUrl: tenantSiteUrl(() => deps.env) },
    logger,
    metrics: createMetrics(),
    tenants: createTenantResolver(database),
    background: new Set(),
    clock: () => new Date(),
    payments: new Map(),
  };
  return deps;
}

/** Waits for background work, then closes the pool. */
export async function closeDeps(deps: AppDeps): Promise<void> {
  deps.storageKeeper.stop();
  while (deps.background.size > 0) await Promise.allSettled([...deps.background]);
  await deps.database.close();
}

export async function startServer(env: ApiEnv, deps?: AppDeps): Promise<RunningServer> {
  const ready = deps ?? (await createDeps(env));
  const app = createApp(ready);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  // PORT=0 asks for any free port: links (site-links.ts) must name the one it got.
  if (env.PORT === 0 && !env.PUBLIC_URL) ready.env = { ...ready.env, PORT: port };
  // Runs a crashed process left half-way are picked up again.
  const resumed = resumeInterruptedRuns(ready.provisioning).catch((error: unknown) =>
    ready.logger.error('resuming interrupted runs failed', {
      error: error instanceof Error ? error.message : String(error),
    }),
  );
  ready.background.add(resumed);
  void resumed.finally(() => ready.background.delete(resumed));
  return {
    url: `http://${env.PLATFORM_DOMAIN}:${port}`,
    port,
    deps: ready,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeDeps(ready);
    },
  };
}
