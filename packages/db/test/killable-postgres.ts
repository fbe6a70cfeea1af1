// A PostgreSQL server of a test's own, which the test can crash (`kill -9` of the postmaster
// and its children) and start again on the same data directory and port, as an operator's
// restart would (imported as `@motcua/db/killable-postgres`, from tests only). The shared
// test server of the run must never be killed, so fault tests get one of these.
//
// Every start goes through @motcua/testing's runner, so that the server runs where the
// postgres OS user can reach it (root's clone in a 0700 home included); after a kill the
// runner finds the dead server's lock file and starts with crash recovery.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapDatabase, type RunningPostgres, startPostgres } from '@motcua/testing';

export interface KillablePostgres {
  /** The application's login role on its database, prepared as production is. */
  databaseUrl: string;
  superuserUrl: string;
  /** SIGKILL to the postmaster and every backend; resolves once they are all gone. */
  kill(): Promise<void>;
  /** Starts the server again (crash recovery included); resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the server and removes its files. */
  stop(): Promise<void>;
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        // `pid (name) state ppid …`; the name may hold spaces, so read after its closing parenthesis.
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export async function startKillablePostgres(): Promise<KillablePostgres> {
  const root = mkdtempSync(join(tmpdir(), 'motcua-killable-'));
  chmodSync(root, 0o755); // the postgres OS user must reach its data directory
  const password = randomBytes(18).toString('base64url');
  const options = { dataDir: join(root, 'pg'), persistent: true, password };
  let server: RunningPostgres | undefined = await startPostgres(options);
  const { port, superuserUrl } = server;
  const databaseUrl = await bootstrapDatabase({
    superuserUrl,
    database: 'motcua_outage',
    appRole: 'motcua_app',
    appPassword: 'motcua-outage-password',
  });

  const kill = async () => {
    const postmaster = server?.pid;
    if (!postmaster) return;
    const backends = childrenOf(postmaster);
    process.kill(postmaster, 'SIGKILL');
    for (const pid of backends) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    while ([postmaster, ...backends].some(isAlive)) await new Promise((resolve) => setTimeout(resolve, 10));
    server = undefined;
  };
  const start = async () => {
    server = await startPostgres({ ...options, port });
  };

  return {
    databaseUrl,
    superuserUrl,
    kill,
    start,
    async stop() {
      await server?.stop();
      server = undefined;
      rmSync(root, { recursive: true, force: true });
    },
  };
}
