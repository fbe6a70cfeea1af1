// The real Motcua API as its own HTTP server on a free loopback port, wired to the run's
// PostgreSQL and S3 and to an SMTP server that keeps what it receives: what a browser meets.
import { randomBytes } from 'node:crypto';
import { type AppDeps, apiEnvSchema, createDeps, createLogger, startServer } from '@motcua/api';
import { migratePlatform, type TenantSlug } from '@motcua/db';
import { startSmtpServer, type TestSmtpServer } from '@motcua/mail/testing';
import { deliverTenantOutbox } from '@motcua/worker';
import { inject } from 'vitest';
import './provided.ts';

export interface RunningApp {
  /** `http://localhost:<port>`: the platform host; tenants live under `/t/<slug>/`. */
  origin: string;
  port: number;
  deps: AppDeps;
  mail: TestSmtpServer;
  /** Log lines at warn level and above, shown when a scenario fails. */
  logLines: string[];
  /** Delivers the agency's outbox to `mail`, as the outbox worker does. */
  deliverMail(slug: string): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(): Promise<RunningApp> {
  const { databaseUrl, s3Endpoint } = inject('motcua');
  const mail = await startSmtpServer();
  const logLines: string[] = [];
  const env = apiEnvSchema.parse({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    PLATFORM_DOMAIN: 'localhost',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '6',
    MOTCUA_OPS_TOKEN: randomBytes(24).toString('hex'),
    MOTCUA_SECRET_KEY: randomBytes(32).toString('base64'),
    S3_ENDPOINT: s3Endpoint,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_BUCKET: 'motcua-browser-test',
    LOG_LEVEL: 'warn',
    SMTP_URL: mail.url,
  });
  const deps = await createDeps(
    env,
    createLogger('warn', (line) => logLines.push(line)),
  );
  await migratePlatform(deps.database);
  const server = await startServer(env, deps);
  return {
    origin: `http://localhost:${server.port}`,
    port: server.port,
    deps,
    mail,
    logLines,
    deliverMail: async (slug) => {
      const target = { database: deps.database, mailer: deps.mailer, slug: slug as TenantSlug };
      while ((await deliverTenantOutbox(target)).claimed > 0) {}
    },
    close: async () => {
      await server.close();
      await mail.close();
    },
  };
}
