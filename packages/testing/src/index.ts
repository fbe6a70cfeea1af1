export { type BootstrapOptions, bootstrapDatabase } from './bootstrap.ts';
export { freePort, type RunningPostgres, type StartPostgresOptions, startPostgres } from './postgres.ts';
export { type RunningS3, startS3 } from './s3.ts';
