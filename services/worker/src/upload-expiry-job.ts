// The upload expiry job: every interval, in every agency the worker serves, declared files never
// checked are removed (row and object) once older than UPLOAD_EXPIRY_MINUTES, and what is left
// under `uploads/` from before then too (engine verb expireUploads). One agency's failure, or
// storage being away, is logged and waits for the next run; nothing else depends on it.
import type { Database } from '@motcua/db';
import { expireUploads } from '@motcua/engine';
import { type Storage, StorageUnavailableError } from '@motcua/storage';
import type { Logger } from './logger.ts';
import { describeSendFailure } from './send-failure.ts';
import { findDeliverableTenants } from './tenants.ts';

export interface UploadExpiryOptions {
  database: Database;
  storage: Storage;
  /** UPLOAD_EXPIRY_MINUTES */
  olderThanMinutes: number;
  now: () => Date;
  logger: Logger;
}

export interface UploadExpiryJob {
  /** Runs now; a call while a run is under way waits for that run instead of starting another. */
  run(): Promise<void>;
}

export function createUploadExpiryJob(options: UploadExpiryOptions): UploadExpiryJob {
  const { database, storage, olderThanMinutes, now, logger } = options;
  let running: Promise<void> | null = null;
  const runOnce = async () => {
    const slugs = await findDeliverableTenants(database);
    for (const slug of slugs) {
      try {
        const expired = await expireUploads({ database, slug }, storage.forTenant(slug), {
          now: now(),
          olderThanMinutes,
        });
        if (expired.rows > 0 || expired.leftovers > 0)
          logger.info('uploads expired', { tenant: slug, ...expired });
      } catch (error) {
        logger.warn('upload expiry failed', {
          tenant: slug,
          error: describeSendFailure(error),
          ...(error instanceof StorageUnavailableError ? { reason: error.reason } : {}),
        });
      }
    }
  };
  return {
    run() {
      running ??= runOnce()
        .catch((error: unknown) => logger.warn('upload expiry failed', { error: describeSendFailure(error) }))
        .finally(() => {
          running = null;
        });
      return running;
    },
  };
}
