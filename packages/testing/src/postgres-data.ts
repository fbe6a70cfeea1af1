// Where a PostgreSQL data directory lives so that the server user can reach it, kept private
// (0700, owned by that user). Root's checkout in its 0700 home cannot hold it: the data then
// goes to a root-owned place outside, and the requested path becomes a link to it.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  type Stats,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PostgresSetupError } from './postgres-error.ts';
import { ensureRootOwnedDir } from './postgres-install.ts';
import { canReach, type ServerUser } from './server-user.ts';

export interface PlacedDataDir {
  /** The directory PostgreSQL is given. */
  path: string;
  /** Set when `path` is not the requested directory, which then links to it. */
  relocatedFrom?: string;
  /** Data an earlier link pointed to, whose link is gone (`.data` removed): kept here, unused. */
  setAside?: string;
}

/**
 * Makes `path` a directory only its owner and the server user can enter: mode 0700 when the
 * server runs as the current user (or there is no embedded server: no user given); for root, 0710 with the postgres group, so that the server
 * can pass through to its own data and nobody else can list or enter it.
 */
export function makePrivateDir(path: string, user?: ServerUser): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (!user || user.isSelf) {
    chmodSync(path, 0o700);
    return;
  }
  chownSync(path, 0, user.gid);
  chmodSync(path, 0o710);
}

function ownDataDir(path: string, user: ServerUser): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (!user.isSelf) chownSync(path, user.uid, user.gid);
  chmodSync(path, 0o700); // PostgreSQL refuses a data directory others can read
}

function isEmptyDir(path: string): boolean {
  return lstatSync(path).isDirectory() && readdirSync(path).length === 0;
}

export function placeDataDir(requested: string, user: ServerUser, dataRoot: string): PlacedDataDir {
  const path = resolve(requested);
  const link = statOf(path);
  if (link?.isSymbolicLink()) {
    // An earlier start put the data elsewhere and left this link.
    const target = resolve(dirname(path), readlinkSync(path));
    ownDataDir(target, user);
    return { path: target, relocatedFrom: path };
  }
  mkdirSync(dirname(path), { recursive: true });
  if (canReach(user, dirname(path), '-x')) {
    ownDataDir(path, user);
    return { path };
  }
  if (link && !isEmptyDir(path)) {
    throw new PostgresSetupError(
      `The postgres OS user cannot reach the PostgreSQL data in ${path} (a parent directory is private); move that directory to a place every user can traverse and link it from here, or start with an empty one.`,
    );
  }
  const home = join(dataRoot, createHash('sha256').update(path).digest('hex').slice(0, 16));
  const target = join(home, basename(path));
  let setAside: string | undefined;
  try {
    ensureRootOwnedDir(dataRoot);
    ensureRootOwnedDir(home);
    writeFileSync(join(home, 'origin'), `${path}\n`, { mode: 0o644 });
    if (statOf(target)) {
      // The link to it was removed with the checkout's data: start afresh, destroy nothing.
      setAside = `${target}.unlinked-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(target, setAside);
    }
    ownDataDir(target, user);
    if (link) rmSync(path, { recursive: true });
    symlinkSync(target, path);
  } catch (error) {
    if (error instanceof PostgresSetupError) throw error;
    throw new PostgresSetupError(
      `The postgres OS user cannot reach ${path} (a parent directory is private), and making a data directory under ${dataRoot} failed: ${(error as Error).message}. Choose a data directory every user can traverse.`,
    );
  }
  if (!canReach(user, target, '-w')) {
    throw new PostgresSetupError(
      `The postgres OS user cannot write to ${target}: check the modes of ${dataRoot} and its parent directories (each needs o+x).`,
    );
  }
  return { path: target, relocatedFrom: path, ...(setAside ? { setAside } : {}) };
}

function statOf(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Removes a throw-away data directory, and where it was relocated, the link and its home. */
export function removeDataDir(placed: PlacedDataDir): void {
  rmSync(placed.path, { recursive: true, force: true });
  if (placed.relocatedFrom) {
    rmSync(placed.relocatedFrom, { force: true });
    rmSync(dirname(placed.path), { recursive: true, force: true });
  }
}
