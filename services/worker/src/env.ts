// The worker process's configuration, parsed once at start.
import {
  ConfigError,
  databaseEnv,
  documentsEnv,
  mailEnv,
  parseEnv,
  serverEnv,
  storageEnv,
} from '@motcua/config';

export const workerEnvSchema = databaseEnv
  .extend(mailEnv.shape)
  .extend(storageEnv.shape)
  .extend({ UPLOAD_EXPIRY_MINUTES: documentsEnv.shape.UPLOAD_EXPIRY_MINUTES })
  .extend({
    NODE_ENV: serverEnv.shape.NODE_ENV,
    LOG_LEVEL: serverEnv.shape.LOG_LEVEL,
  });
export type WorkerEnv = ReturnType<typeof workerEnvSchema.parse>;

export function loadWorkerEnv(source?: Record<string, string | undefined>): WorkerEnv {
  const env = parseEnv(workerEnvSchema, source);
  // Without SMTP_URL each message is written to the log and then marked sent: citizens'
  // addresses and dossier details in the log, and nothing delivered.
  if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
    throw new ConfigError([
      { variable: 'SMTP_URL', message: 'required in production (without it mail is written to the log)' },
    ]);
  }
  return env;
}
