// The outbox worker: a tenant is visited as soon as a unit of work that wrote outbox rows
// commits (LISTEN on the trigger's NOTIFY, which PostgreSQL sends on commit only), and every
// deliverable tenant is swept periodically, so that a notification missed while the listening
// connection was down, or a failed message whose retry time has come, is not stranded.
//
// postgres.js listens on a connection of its own and listens again after a reconnect, then
// calls `onlisten`, which sweeps. If that reconnect fails, postgres.js drops the listener; the
// sweep still delivers, within `sweepIntervalMs`.
//
// While the SMTP server cannot be reached the worker pauses as a whole (smtp-health.ts): visits
// send nothing but a probe, one message after a doubling delay; the first probe that gets an
// answer ends the pause and every tenant is visited again, so a backlog drains at the rate the
// server accepts, with no wait between batches.
import { purgeExpiredLimits } from '@motcua/auth';
import type { Database, TenantSlug } from '@motcua/db';
import { queueDueSoonNotices } from '@motcua/engine';
import {
  type DeliveryCounts,
  defaultBatch,
  deliverTenantOutbox,
  type OutboxMailer,
  type TokenIssuer,
} from './deliver-outbox.ts';
import { createDeliveryQueue } from './delivery-queue.ts';
import { createHandback } from './handback.ts';
import { type Logger, silentLogger } from './logger.ts';
import { describeSendFailure } from './send-failure.ts';
import { createSmtpHealth, type SmtpHealthOptions } from './smtp-health.ts';
import { findDeliverableTenants, readTenantOfSchema } from './tenants.ts';
import type { UploadExpiryJob } from './upload-expiry-job.ts';
import { createUsageJob, type FleetUsageMeter } from './usage-job.ts';

export const outboxChannel = 'motcua_outbox';

export interface WorkerOptions {
  database: Database;
  mailer: OutboxMailer;
  logger?: Logger;
  /** How often every deliverable tenant is visited regardless of notifications. */
  sweepIntervalMs?: number;
  /** Tenants visited at once; each holds one pooled connection while it sends. */
  concurrency?: number;
  /**
   * How long `stop()` waits for visits in flight. A visit whose database connection died mid-way
   * may never settle (postgres.js 3.4.9, porsager/postgres#1199); its rows were not marked sent
   * and go out on the next start, so giving up loses nothing.
   */
  stopTimeoutMs?: number;
  /**
   * How often a sweep also looks for dossiers nearly due and queues the staff notices (the
   * notices themselves are deduplicated, so this only bounds the work). 0 turns it off.
   */
  dueSoonIntervalMs?: number;
  /**
   * Measures the fleet's usage of a day (measureFleetUsage of @motcua/provisioning, bound to the
   * database); without it the worker measures nothing.
   */
  measureUsage?: FleetUsageMeter;
  /** How often today's usage is measured, starting at start-up. 0 turns it off. */
  usageIntervalMs?: number;
  /** How often a sweep also deletes expired rate-limit and sign-in throttle rows. 0 turns it off. */
  purgeIntervalMs?: number;
  /** Removes declared files never checked (upload-expiry-job.ts); without it nothing expires. */
  uploadExpiry?: UploadExpiryJob;
  /** How often it runs, starting at start-up (default 10 minutes). */
  uploadExpiryIntervalMs?: number;
  /** The clock for due-soon checks and the usage day (tests pin it). */
  now?: () => Date;
  batch?: number;
  messageIdDomain?: string;
  /** How long claimed rows stay this worker's (see deliverTenantOutbox). */
  leaseMs?: number;
  /** Failing for longer than this since it was written, a message is given up. */
  giveUpAfterMs?: number;
  /** The pause while the SMTP server is unreachable: first delay and ceiling. */
  serverRetry?: Pick<SmtpHealthOptions, 'initialDelayMs' | 'maxDelayMs'>;
  /** Tests replace how emailed links get their secret. */
  issueToken?: TokenIssuer;
}

export interface RunningWorker {
  /** Queues a visit of every deliverable tenant; resolves once they are queued. */
  sweep(): Promise<void>;
  /** Resolves once no visit waits or runs. */
  idle(): Promise<void>;
  /** Measures today's usage now (a no-op without `measureUsage`); resolves when it is recorded. */
  measureUsage(): Promise<void>;
  /** Stops listening and sweeping, and resolves once the visits in flight have ended. */
  stop(): Promise<void>;
}

/** Promises the worker started and must see end before it has stopped. */
function createTracker() {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work: Promise<unknown>) {
      pending.add(work);
      void work.finally(() => pending.delete(work));
    },
    async settle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { database, mailer, logger = silentLogger, sweepIntervalMs = 30_000, concurrency = 4 } = options;
  const { batch = defaultBatch, messageIdDomain, stopTimeoutMs = 10_000 } = options;
  const { dueSoonIntervalMs = 15 * 60_000, now = () => new Date() } = options;
  const { measureUsage, usageIntervalMs = 15 * 60_000 } = options;
  const { purgeIntervalMs = 60 * 60_000 } = options;
  const { uploadExpiry, uploadExpiryIntervalMs = 10 * 60_000 } = options;
  let dueSoonCheckedAt = Number.NEGATIVE_INFINITY;
  let purgedAt = Number.NEGATIVE_INFINITY;
  let stopping = false;
  const tracker = createTracker();
  const failed = (what: string, fields: Record<string, unknown>) => (error: unknown) =>
    logger.error(what, { ...fields, error: describeSendFailure(error) });
  const health = createSmtpHealth(options.serverRetry);
  // Outcomes a database outage kept from being written, settled on the tenant's next visit.
  const handback = createHandback();
  let probeTimer: NodeJS.Timeout | undefined;

  const deliver = (slug: TenantSlug, size: number) =>
    deliverTenantOutbox({
      database,
      mailer,
      slug,
      batch: size,
      logger,
      handback,
      ...(messageIdDomain ? { messageIdDomain } : {}),
      ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
      ...(options.giveUpAfterMs ? { giveUpAfterMs: options.giveUpAfterMs } : {}),
      ...(options.issueToken ? { issueToken: options.issueToken } : {}),
    });

  /** Visits every tenant again when the next probe is due. */
  const scheduleProbe = () => {
    const at = health.nextProbeAt();
    if (at === null || stopping) return;
    clearTimeout(probeTimer);
    probeTimer = setTimeout(() => tracker.track(sweep()), Math.max(0, at - Date.now()));
  };

  const onServerDown = (counts: DeliveryCounts) => {
    const { delayMs, started } = health.recordUnreachable();
    logger[started ? 'error' : 'warn'](
      started ? 'SMTP server unreachable; delivery paused' : 'SMTP server still unreachable',
      { error: counts.serverDown, retryInMs: delayMs },
    );
    scheduleProbe();
  };

  // Tenants sent away while the server was paused: when a probe finds nothing to send (its
  // tenant had nothing due), they are visited again, or the probe might never reach the tenant
  // whose message is waiting. A timed-out pause is covered by the probe timer's sweep.
  const turnedAway = new Set<TenantSlug>();
  const handBackProbe = () => {
    health.releaseProbe();
    const again = [...turnedAway];
    turnedAway.clear();
    for (const other of again) queue.request(other);
  };

  const visit = async (slug: TenantSlug) => {
    // Batch after batch while they come back full; a failure of one message does not stop the
    // others (it is retried on its own), an unreachable server pauses everything.
    while (!stopping) {
      const access = health.tryAcquire();
      if (access === 'wait') {
        turnedAway.add(slug);
        return;
      }
      const size = access === 'probe' ? 1 : batch;
      let counts: DeliveryCounts;
      try {
        counts = await deliver(slug, size);
      } catch (error) {
        if (access === 'probe') handBackProbe();
        throw error;
      }
      if (counts.claimed > 0) logger.info('outbox visited', { tenant: slug, ...counts });
      if (counts.serverDown) {
        turnedAway.clear();
        return onServerDown(counts);
      }
      if (counts.claimed === 0) {
        if (access === 'probe') handBackProbe();
        return;
      }
      turnedAway.clear();
      if (health.recordReachable().recovered) {
        logger.info('SMTP server reachable again; delivering the backlog');
        // Every tenant's backlog is due: visit them all now, not at the next sweep.
        tracker.track(sweep());
      }
      if (counts.claimed < size) return;
    }
  };
  const queue = createDeliveryQueue<TenantSlug>({
    concurrency,
    visit,
    onError: (slug, error) => failed('outbox delivery failed', { tenant: slug })(error),
  });

  let sweeping: Promise<void> | null = null;
  const sweep = (): Promise<void> => {
    if (stopping) return Promise.resolve();
    sweeping ??= findDeliverableTenants(database)
      .then(async (slugs) => {
        const at = now();
        if (dueSoonIntervalMs > 0 && at.getTime() - dueSoonCheckedAt >= dueSoonIntervalMs) {
          dueSoonCheckedAt = at.getTime();
          for (const slug of slugs) {
            await queueDueSoonNotices({ database, slug }, at).catch(
              failed('due-soon check failed', { tenant: slug }),
            );
          }
        }
        for (const slug of slugs) queue.request(slug);
        // After the deliveries are queued: they need not wait for it.
        if (purgeIntervalMs > 0 && at.getTime() - purgedAt >= purgeIntervalMs) {
          purgedAt = at.getTime();
          await purgeExpiredLimits(database, { slugs, now: at }).catch(
            failed('purging expired limits failed', {}),
          );
        }
      })
      .catch(failed('outbox sweep failed', {}))
      .finally(() => {
        sweeping = null;
      });
    return sweeping;
  };

  const onNotify = (schema: string) => {
    const slug = readTenantOfSchema(schema);
    if (!slug || stopping) return;
    // The same rule as the sweep: only deliverable tenants (see tenants.ts).
    const check = findDeliverableTenants(database, [slug]).then((found) => {
      if (found.length > 0) queue.request(slug);
    });
    tracker.track(check.catch(failed('outbox notification not handled', { tenant: slug })));
  };

  const usage = measureUsage ? createUsageJob({ measure: measureUsage, now, logger }) : null;
  const measureUsageNow = (): Promise<void> => {
    if (!usage || stopping) return Promise.resolve();
    const run = usage.run();
    tracker.track(run);
    return run;
  };

  const listener = await database.sql.listen(outboxChannel, onNotify, () => tracker.track(sweep()));
  const timer = setInterval(() => tracker.track(sweep()), sweepIntervalMs);
  // Its own timer, not the sweep's: measuring a large fleet must not hold up deliveries.
  const usageTimer = usage && usageIntervalMs > 0 ? setInterval(measureUsageNow, usageIntervalMs) : null;
  if (usageTimer) void measureUsageNow();
  const expireUploads = () => !stopping && uploadExpiry && tracker.track(uploadExpiry.run());
  const expiryTimer = uploadExpiry ? setInterval(expireUploads, uploadExpiryIntervalMs) : null;
  expireUploads();

  return {
    sweep,
    measureUsage: measureUsageNow,
    async idle() {
      await tracker.settle();
      await queue.idle();
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      clearInterval(timer);
      clearTimeout(probeTimer);
      if (usageTimer) clearInterval(usageTimer);
      if (expiryTimer) clearInterval(expiryTimer);
      // Ctrl-C reaches a local PostgreSQL too: its connection may already be gone, which is fine here.
      await listener.unlisten().catch(() => undefined);
      let timeout: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<'timeout'>((resolve) => {
        timeout = setTimeout(() => resolve('timeout'), stopTimeoutMs);
      });
      const ended = await Promise.race([
        (async () => {
          await tracker.settle();
          await queue.close();
          return 'done' as const;
        })(),
        gaveUp,
      ]);
      clearTimeout(timeout);
      if (ended === 'timeout')
        logger.warn('worker stopped with deliveries still in flight; they resume on the next start');
    },
  };
}
