// The outbox worker: delivers tenants' notification emails, at least once, as they commit.
export {
  type DeliverTenantOutboxOptions,
  type DeliveryCounts,
  deliverTenantOutbox,
  type OutboundEmail,
  type OutboxMailer,
} from './deliver-outbox.ts';
export { loadWorkerEnv, type WorkerEnv, workerEnvSchema } from './env.ts';
export { createLogger, type Logger, type LogLevel } from './logger.ts';
export { deriveMessageId, readMessageIdDomain } from './message-id.ts';
export { computeRetryDelaySeconds, maxRetryDelaySeconds } from './retry-delay.ts';
export { deliverableStatuses, findDeliverableTenants } from './tenants.ts';
export {
  createUploadExpiryJob,
  type UploadExpiryJob,
  type UploadExpiryOptions,
} from './upload-expiry-job.ts';
export { outboxChannel, type RunningWorker, startWorker, type WorkerOptions } from './worker.ts';
