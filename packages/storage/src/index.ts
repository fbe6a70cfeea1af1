export {
  type KeepReadyOptions,
  keepStorageReady,
  type ReadyKeeper,
  type StorageAvailability,
} from './availability.ts';
export type { CheckedRecord, CheckedStream, Inspection } from './checked-read.ts';
export { isNotFound, ObjectIntegrityError, StorageUnavailableError, unavailableReason } from './errors.ts';
export { storageOptionsFromEnv } from './from-env.ts';
export {
  assertExportKey,
  assertRelativeKey,
  exportsPrefix,
  InvalidObjectKeyError,
  maxRelativeKeyBytes,
  tenantPrefix,
} from './keys.ts';
export type { SignedUpload } from './signed-upload.ts';
export { createStorage, type S3Call, type Storage, type StorageOptions } from './storage.ts';
export type { ListOptions, StoredObject, TenantStorage } from './tenant-storage.ts';
