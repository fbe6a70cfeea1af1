// For the launcher's tests: start `npm start`'s launcher (or the real root script) on a data
// directory of the test's own, inside a 0700 directory as in root's home, and see what runs.
import { type ChildProcess, spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const here = import.meta.dirname;
export const repoRoot = resolve(here, '..', '..', '..');

/** A checkout's place for `.data`, inside a directory only its owner may enter. */
export function privateDataDir(): { home: string; dataDir: string; remove(): void } {
  const home = mkdtempSync(join(tmpdir(), 'motcua-launcher-')); // mode 0700
  const dataDir = join(home, 'checkout', '.data');
  return {
    home,
    dataDir,
    remove: () => {
      // Under root the PostgreSQL data was relocated out of the 0700 directory: remove it too.
      const link = join(dataDir, 'postgres');
      try {
        if (lstatSync(link).isSymbolicLink())
          rmSync(dirname(resolve(dirname(link), readlinkSync(link))), { recursive: true, force: true });
      } catch {}
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL data directory itself, following the link a relocation leaves. */
export function postgresDataDir(dataDir: string): string {
  const link = join(dataDir, 'postgres');
  return lstatSync(link).isSymbolicLink() ? resolve(dataDir, readlinkSync(link)) : link;
}

export function postgresPid(dataDir: string): number {
  const pid = Number.parseInt(readFileSync(join(postgresDataDir(dataDir), 'postmaster.pid'), 'utf8'), 10);
  if (!Number.isInteger(pid)) throw new Error('no postmaster.pid');
  return pid;
}

export interface Launched {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/** `env` on top of this process's; a variable set to undefined is removed. */
export function launch(
  env: Record<string, string | undefined>,
  { npmStart = false }: { npmStart?: boolean } = {},
): Launched {
  let output = '';
  const [cmd, args, cwd] = npmStart
    ? ['npm', ['start'], repoRoot]
    : [
        process.execPath,
        ['--max-semi-space-size=16', '--import', 'tsx', join(here, '..', 'src', 'start.ts')],
        join(here, '..'),
      ];
  const merged: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'error', ...env };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const child = spawn(cmd as string, args as string[], {
    cwd: cwd as string,
    env: merged,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits for the banner; fails with the output when the launcher exits first. */
export async function ready(launched: Launched): Promise<void> {
  let exited = false;
  void launched.exited.then(() => {
    exited = true;
  });
  while (!launched.output().includes('Press Ctrl-C to stop.')) {
    if (exited) throw new Error(`the launcher exited with ${launched.child.exitCode}:\n${launched.output()}`);
    await sleep(100);
  }
}

/** Polls until `check` holds; the test's timeout bounds it. */
export async function waitFor(check: () => boolean | Promise<boolean>): Promise<void> {
  for (;;) {
    if (await check()) return;
    await sleep(100);
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether something accepts TCP connections at host:port now. */
export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Every process below `pid`, from /proc (Linux). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  const found: number[] = [];
  const visit = (p: number) => {
    for (const c of children.get(p) ?? []) {
      found.push(c);
      visit(c);
    }
  };
  visit(pid);
  return found;
}

export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}
