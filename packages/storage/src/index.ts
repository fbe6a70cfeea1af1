export { isNotFound } from './errors.ts';
export { storageOptionsFromEnv } from './from-env.ts';
export {
  assertExportKey,
  assertRelativeKey,
  exportsPrefix,
  InvalidObjectKeyError,
  maxRelativeKeyBytes,
  tenantPrefix,
} from './keys.ts';
export { createStorage, type Storage, type StorageOptions } from './storage.ts';
export type { ListOptions, StoredObject, TenantStorage } from './tenant-storage.ts';
