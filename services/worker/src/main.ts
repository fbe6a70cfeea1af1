// `node main.ts`: the outbox worker on the configuration in the environment.
import { ConfigError } from '@motcua/config';
import { assertIsolationReady, createDatabase } from '@motcua/db';
import { createMailer } from '@motcua/mail';
import { measureFleetUsage } from '@motcua/provisioning';
import { createStorage, storageOptionsFromEnv } from '@motcua/storage';
import { loadWorkerEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { readMessageIdDomain } from './message-id.ts';
import { createUploadExpiryJob } from './upload-expiry-job.ts';
import { startWorker } from './worker.ts';

try {
  const env = loadWorkerEnv();
  const logger = createLogger(env.LOG_LEVEL);
  const database = createDatabase({
    url: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    applicationName: 'motcua-worker',
  });
  await assertIsolationReady(database);
  const mailer = createMailer({
    ...(env.SMTP_URL ? { smtpUrl: env.SMTP_URL } : {}),
    from: env.MAIL_FROM,
    log: (message) => logger.warn('mail not sent: SMTP_URL is not set', { mail: message }),
  });
  // Each visit holds a pooled connection while it sends; one is left for the sweep's queries.
  const concurrency = Math.max(1, Math.min(8, env.DATABASE_POOL_MAX - 1));
  const worker = await startWorker({
    database,
    mailer,
    logger,
    concurrency,
    messageIdDomain: readMessageIdDomain(env.MAIL_FROM),
    // Usage (dossiers received, storage, staff seats) per agency per day, for the operators.
    measureUsage: (day) => measureFleetUsage({ database }, day, { concurrency }),
    // Declared files never checked, and what is left under uploads/, for every agency.
    uploadExpiry: createUploadExpiryJob({
      database,
      storage: createStorage(storageOptionsFromEnv(env)),
      olderThanMinutes: env.UPLOAD_EXPIRY_MINUTES,
      now: () => new Date(),
      logger,
    }),
  });
  logger.info('worker started', { concurrency, transport: mailer.transport });
  const stop = async (signal: string) => {
    logger.info('worker stopping', { signal });
    // A send waits at most for nodemailer's timeouts; a database connection that died under a
    // unit of work can hang it for good (postgres.js 3.4.9, porsager/postgres#1199), so leave
    // anyway. Rows not yet marked sent go out again on the next start, with the same Message-ID.
    setTimeout(() => {
      logger.error('worker did not stop in time; exiting');
      process.exit(1);
    }, 60_000).unref();
    await worker.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
