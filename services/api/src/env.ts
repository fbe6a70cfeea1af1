// The API process's configuration, parsed once at start.
import {
  ConfigError,
  databaseEnv,
  documentsEnv,
  mailEnv,
  parseEnv,
  serverEnv,
  storageEnv,
} from '@motcua/config';

export const apiEnvSchema = serverEnv
  .extend(databaseEnv.shape)
  .extend(storageEnv.shape)
  .extend(documentsEnv.shape)
  .extend(mailEnv.shape);
export type ApiEnv = ReturnType<typeof apiEnvSchema.parse>;

export function loadApiEnv(source?: Record<string, string | undefined>): ApiEnv {
  const env = parseEnv(apiEnvSchema, source);
  // Without SMTP_URL mail goes to the log, password reset links included: fine on a laptop,
  // a leak of account takeovers anywhere logs are shipped and kept.
  if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
    throw new ConfigError([
      { variable: 'SMTP_URL', message: 'required in production (without it mail is written to the log)' },
    ]);
  }
  return env;
}
