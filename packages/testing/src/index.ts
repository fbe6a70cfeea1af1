export { type BootstrapOptions, bootstrapDatabase } from './bootstrap.ts';
export {
  freePort,
  makePrivateDir,
  type RunningPostgres,
  type StartPostgresOptions,
  serverUser,
  startPostgres,
  stopOrphanedPostgres,
} from './postgres.ts';
export { PostgresSetupError } from './postgres-error.ts';
export { type RunningS3, type S3Credentials, startS3 } from './s3.ts';
export { adoptSuperuserPassword } from './superuser.ts';
