// vitest globalSetup: one real PostgreSQL and one real S3 server per test run, prepared the
// way production is (a non-superuser login role), handed to tests through `inject`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bootstrapDatabase } from './bootstrap.ts';
import { makePrivateDir, startPostgres } from './postgres.ts';
import { startS3 } from './s3.ts';
import { serverUser } from './server-user.ts';
import './provided.ts';

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'motcua-test-'));
  // Private to this user, passable for the postgres OS user that runs the server under root.
  makePrivateDir(root, serverUser());
  const pg = await startPostgres({ dataDir: join(root, 'pg') });
  const databaseUrl = await bootstrapDatabase({
    superuserUrl: pg.superuserUrl,
    database: 'motcua_test',
    appRole: 'motcua_app',
    appPassword: 'motcua-test-password',
  });
  const s3 = await startS3({ dir: join(root, 's3') });
  project.provide('motcua', { databaseUrl, superuserUrl: pg.superuserUrl, s3Endpoint: s3.endpoint });
  return async () => {
    await s3.stop();
    await pg.stop();
    rmSync(root, { recursive: true, force: true });
  };
}
