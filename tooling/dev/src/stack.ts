// The embedded stack behind `npm start` and the db commands: PostgreSQL and an S3 server
// kept under .data/, unless DATABASE_URL / S3_ENDPOINT point at real ones.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from '@motcua/config';
import {
  adoptSuperuserPassword,
  bootstrapDatabase,
  makePrivateDir,
  serverUser,
  startPostgres,
  startS3,
  stopOrphanedPostgres,
} from '@motcua/testing';
import { z } from 'zod';
import type { Lifecycle } from './lifecycle.ts';
import { choosePort } from './ports.ts';
import { type LocalSecrets, localSecrets } from './secrets.ts';

export const repoRoot = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..');

/** An empty variable counts as unset, like `MOTCUA_PG_PORT= npm start`. */
const port = (min: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(min).max(65_535).optional());

/** Where the launcher keeps its state and which ports it must use; the tests point them elsewhere. */
export const launcherEnv = z.object({
  MOTCUA_DATA_DIR: z.string().min(1).default(join(repoRoot, '.data')),
  MOTCUA_PG_PORT: port(1),
  MOTCUA_S3_PORT: port(0),
});

export const defaultPorts = { postgres: 54329, s3: 4569, api: 3000 } as const;

export interface Stack {
  dataDir: string;
  secrets: LocalSecrets;
  databaseUrl: string;
  s3: { endpoint: string; accessKeyId: string; secretAccessKey: string } | undefined;
  /** One line per embedded server, where it listens and where its data is. */
  embedded: string[];
  /** What the start did beyond the usual: other ports, copies, relocations, orphans stopped. */
  notes: string[];
}

/**
 * Starts what the environment does not provide; each server's stop goes to `life`, so that a
 * stop in the middle of the start (Ctrl-C, SIGTERM) stops what is already running.
 */
export async function startStack(
  env: Record<string, string | undefined>,
  life: Pick<Lifecycle, 'onStop' | 'signal'>,
  { withS3 = true } = {},
): Promise<Stack> {
  const launcher = parseEnv(launcherEnv, env);
  const dataDir = resolve(launcher.MOTCUA_DATA_DIR);
  const embeddedPostgres = !env.DATABASE_URL;
  // Only this user (and, under root, the postgres OS user passing through) may enter .data.
  makePrivateDir(dataDir, embeddedPostgres ? serverUser() : undefined);
  const secrets = localSecrets(dataDir);
  const embedded: string[] = [];
  const notes: string[] = [];

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const pgData = join(dataDir, 'postgres');
    const orphan = await stopOrphanedPostgres(pgData);
    if (orphan) notes.push(orphan);
    const chosen = await choosePort(
      {
        key: 'postgres',
        label: 'PostgreSQL',
        variable: 'MOTCUA_PG_PORT',
        explicit: launcher.MOTCUA_PG_PORT,
        fallback: defaultPorts.postgres,
        host: '127.0.0.1',
      },
      dataDir,
    );
    if (chosen.note) notes.push(chosen.note);
    const pg = await startPostgres({
      dataDir: pgData,
      logFile: join(dataDir, 'postgres.log'),
      port: chosen.port,
      persistent: true,
      password: secrets.pgSuperuserPassword,
      // The launcher stops PostgreSQL after the API and the worker, not with them on Ctrl-C.
      detached: true,
      signal: life.signal,
    });
    life.onStop(() => pg.stop());
    notes.push(...pg.notes);
    await adoptSuperuserPassword(pg.superuserUrl, 'postgres');
    databaseUrl = await bootstrapDatabase({
      superuserUrl: pg.superuserUrl,
      database: 'motcua',
      appRole: 'motcua_app',
      appPassword: secrets.appPassword,
    });
    embedded.push(
      `PostgreSQL on 127.0.0.1:${pg.port} (data in ${pg.dataDir}, log in ${join(dataDir, 'postgres.log')})`,
    );
  }
  let s3: Stack['s3'];
  if (withS3 && !env.S3_ENDPOINT) {
    const chosen = await choosePort(
      {
        key: 's3',
        label: 'S3 server',
        variable: 'MOTCUA_S3_PORT',
        explicit: launcher.MOTCUA_S3_PORT,
        fallback: defaultPorts.s3,
        host: '127.0.0.1',
      },
      dataDir,
    );
    if (chosen.note) notes.push(chosen.note);
    const server = await startS3({
      dir: join(dataDir, 's3'),
      port: chosen.port,
      credentials: { accessKeyId: secrets.s3AccessKeyId, secretAccessKey: secrets.s3SecretAccessKey },
    });
    life.onStop(() => server.stop());
    s3 = server;
    embedded.push(`S3 server on ${server.endpoint} (objects in ${join(dataDir, 's3')})`);
  }
  return { dataDir, secrets, databaseUrl, s3, embedded, notes };
}
