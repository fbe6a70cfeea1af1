// The API process's configuration, parsed once at start.
import { databaseEnv, parseEnv, serverEnv, storageEnv } from '@motcua/config';

export const apiEnvSchema = serverEnv.extend(databaseEnv.shape).extend(storageEnv.shape);
export type ApiEnv = ReturnType<typeof apiEnvSchema.parse>;

export function loadApiEnv(source?: Record<string, string | undefined>): ApiEnv {
  return parseEnv(apiEnvSchema, source);
}
