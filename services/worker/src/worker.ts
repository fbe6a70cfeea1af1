// The outbox worker: a tenant is visited as soon as a unit of work that wrote outbox rows
// commits (LISTEN on the trigger's NOTIFY, which PostgreSQL sends on commit only), and every
// deliverable tenant is swept periodically, so that a notification missed while the listening
// connection was down, or a failed message whose retry time has come, is not stranded.
//
// postgres.js listens on a connection of its own and listens again after a reconnect, then
// calls `onlisten`, which sweeps. If that reconnect fails, postgres.js drops the listener; the
// sweep still delivers, within `sweepIntervalMs`.
import type { Database, TenantSlug } from '@motcua/db';
import { queueDueSoonNotices } from '@motcua/engine';
import { defaultBatch, deliverTenantOutbox, type OutboxMailer } from './deliver-outbox.ts';
import { createDeliveryQueue } from './delivery-queue.ts';
import { type Logger, silentLogger } from './logger.ts';
import { describeSendFailure } from './send-failure.ts';
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
  /** Removes declared files never checked (upload-expiry-job.ts); without it nothing expires. */
  uploadExpiry?: UploadExpiryJob;
  /** How often it runs, starting at start-up (default 10 minutes). */
  uploadExpiryIntervalMs?: number;
  /** The clock for due-soon checks and the usage day (tests pin it). */
  now?: () => Date;
  batch?: number;
  messageIdDomain?: string;
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
  const { uploadExpiry, uploadExpiryIntervalMs = 10 * 60_000 } = options;
  let dueSoonCheckedAt = Number.NEGATIVE_INFINITY;
  let stopping = false;
  const tracker = createTracker();
  const failed = (what: string, fields: Record<string, unknown>) => (error: unknown) =>
    logger.error(what, { ...fields, error: describeSendFailure(error) });

  const visit = async (slug: TenantSlug) => {
    // Another batch only after a full one that went out whole: after a failure the rest waits
    // for its retry time rather than hammering a server that just refused.
    while (!stopping) {
      const counts = await deliverTenantOutbox({
        database,
        mailer,
        slug,
        batch,
        ...(messageIdDomain ? { messageIdDomain } : {}),
      });
      if (counts.claimed > 0) logger.info('outbox visited', { tenant: slug, ...counts });
      if (counts.claimed < batch || counts.failed > 0) return;
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
