// The API process's configuration, parsed once at start.
import {
  ConfigError,
  databaseEnv,
  documentsEnv,
  mailEnv,
  oidcEnv,
  parseEnv,
  secretsEnv,
  serverEnv,
  storageEnv,
} from '@motcua/config';
import { z } from 'zod';

export const apiEnvSchema = serverEnv
  .extend(databaseEnv.shape)
  .extend(storageEnv.shape)
  .extend(documentsEnv.shape)
  .extend(mailEnv.shape)
  .extend(oidcEnv.shape)
  .extend(secretsEnv.shape)
  .extend({
    /**
     * The backstop for a request that has not been answered: past it the client gets 503, and
     * the request's database work gives up its wait for a connection and is ended by the
     * server a second later. Far above any page's time: it only catches what would hang.
     */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  });
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
  // Without the key, TOTP and identity provider secrets could be neither stored nor read.
  if (env.NODE_ENV === 'production' && !env.MOTCUA_SECRET_KEY) {
    throw new ConfigError([
      {
        variable: 'MOTCUA_SECRET_KEY',
        message:
          'required in production: 32 random bytes in base64 (openssl rand -base64 32), kept as safely as the database backups',
      },
    ]);
  }
  return env;
}
