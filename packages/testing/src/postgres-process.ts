// What runs in a data directory already: postmaster.pid names a process, which is checked to be
// that directory's postgres before anything is done to it. The postgres we start carries its
// owner's pid on its command line, so that a server whose owner died (kill -9 of `npm start`)
// can be told from one another live process is using.
import { spawnSync } from 'node:child_process';
import { readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A custom setting on the server's command line: `-c motcua.owner_pid=<pid>`. */
export const ownerSetting = 'motcua.owner_pid';

export interface PostmasterLock {
  pid: number;
  port: number;
  /** "starting", "ready", "stopping"… once the server has written it. */
  status: string;
}

export function readPostmasterLock(dataDir: string): PostmasterLock | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, port: Number.parseInt(lines[3] ?? '', 10), status: (lines[7] ?? '').trim() };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface ProcessInfo {
  ppid: number;
  args: string[];
  /** Linux only: the working directory (postgres works in its data directory) and executable. */
  cwd?: string;
  exe?: string;
}

function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}

function processInfo(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the fields after it do not.
    const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const cwd = readLink(`/proc/${pid}/cwd`);
    const exe = readLink(`/proc/${pid}/exe`);
    return { ppid, args, ...(cwd ? { cwd } : {}), ...(exe ? { exe } : {}) };
  } catch {
    // No /proc (macOS): ps gives the parent and the command line.
    const ps = spawnSync('ps', ['-o', 'ppid=', '-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
    const match = /^\s*(\d+)\s+(.*)$/.exec(ps.stdout.trim());
    if (ps.status !== 0 || !match) return undefined;
    return { ppid: Number(match[1]), args: (match[2] ?? '').split(/\s+/) };
  }
}

function samePath(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

export type DataDirState =
  | { kind: 'free' }
  | { kind: 'stale'; pid: number }
  | { kind: 'orphan'; pid: number; port: number }
  | { kind: 'in-use'; pid: number; ownerPid: number; port: number };

/** Whether a postgres already runs in `dataDir`, and whether the process that started it lives. */
export function inspectDataDir(dataDir: string): DataDirState {
  const lock = readPostmasterLock(dataDir);
  if (!lock) return { kind: 'free' };
  const info = isAlive(lock.pid) ? processInfo(lock.pid) : undefined;
  const program = info?.exe ?? info?.args[0] ?? '';
  const isThatPostgres =
    info !== undefined &&
    basename(program).startsWith('postgres') &&
    (info.cwd ? samePath(info.cwd, dataDir) : info.args.includes(dataDir));
  if (!info || !isThatPostgres) return { kind: 'stale', pid: lock.pid };
  const owner = info.args.find((arg) => arg.startsWith(`${ownerSetting}=`));
  const ownerPid = owner ? Number.parseInt(owner.slice(ownerSetting.length + 1), 10) : Number.NaN;
  // While its owner lives it is the server's parent; an orphan has been handed to init.
  if (info.ppid === ownerPid) return { kind: 'in-use', pid: lock.pid, ownerPid, port: lock.port };
  return { kind: 'orphan', pid: lock.pid, port: lock.port };
}

/** A lock file naming a process that is not this directory's server: PostgreSQL would refuse it. */
export function removeStaleLock(dataDir: string): void {
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
}

/**
 * Stops a server by pid: fast shutdown (SIGINT: sessions are ended, data is safe), then
 * immediate shutdown (SIGQUIT, recovered at the next start) if it has not gone after a while.
 */
export async function stopServerProcess(pid: number): Promise<void> {
  const signals: [NodeJS.Signals, number][] = [
    ['SIGINT', 30_000],
    ['SIGQUIT', 30_000],
  ];
  for (const [signal, waitMs] of signals) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (let waited = 0; waited < waitMs; waited += 50) {
      if (!isAlive(pid)) return;
      await sleep(50);
    }
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop after SIGINT and SIGQUIT.`);
}
