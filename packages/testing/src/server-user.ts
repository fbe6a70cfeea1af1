// Who runs PostgreSQL: the current user, or — when that is root, which PostgreSQL refuses — the
// `postgres` OS user, created when missing. Root reaches every path; that user may not.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { userInfo } from 'node:os';
import { PostgresSetupError } from './postgres-error.ts';

export interface ServerUser {
  name: string;
  uid: number;
  gid: number;
  /** True when PostgreSQL runs as the current user, who can reach whatever it could start from. */
  isSelf: boolean;
}

function idOf(flag: '-u' | '-g', name: string): number | undefined {
  const result = spawnSync('id', [flag, name], { encoding: 'utf8' });
  const id = Number.parseInt(result.stdout, 10);
  return result.status === 0 && Number.isInteger(id) ? id : undefined;
}

function run(cmd: string, args: string[]): string | undefined {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.error) return result.error.message;
  return result.status === 0 ? undefined : result.stderr.trim() || `${cmd} exited with ${result.status}`;
}

let cached: ServerUser | undefined;

export function serverUser(): ServerUser {
  if (cached) return cached;
  const me = userInfo();
  if (me.uid !== 0) {
    cached = { name: me.username, uid: me.uid, gid: me.gid, isSelf: true };
    return cached;
  }
  if (idOf('-u', 'postgres') === undefined) {
    // A system account without a home or a login shell: it only ever runs the server.
    if (idOf('-g', 'postgres') === undefined) run('groupadd', ['--system', 'postgres']);
    const failed = run('useradd', [
      '--system',
      '--gid',
      'postgres',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    if (failed) {
      throw new PostgresSetupError(
        `PostgreSQL refuses to run as root and there is no \`postgres\` OS user to run it as (useradd said: ${failed}); create one with \`useradd --system postgres\`, or run as a normal user.`,
      );
    }
  }
  const uid = idOf('-u', 'postgres');
  const gid = idOf('-g', 'postgres');
  if (uid === undefined || gid === undefined) {
    throw new PostgresSetupError('Could not read the uid and gid of the `postgres` OS user (`id postgres`).');
  }
  cached = { name: 'postgres', uid, gid, isSelf: false };
  return cached;
}

/** The uid/gid options that make a child process run as the server user. */
export function runAs(user: ServerUser): { uid?: number; gid?: number } {
  return user.isSelf ? {} : { uid: user.uid, gid: user.gid };
}

/**
 * Whether the server user can use `path` (`-x`: execute a file or enter a directory, `-r`
 * read, `-w` write), asked of the kernel as that user: exact, every parent directory and ACL
 * included. Node drops supplementary groups when it switches uid, as it will for PostgreSQL.
 */
export function canReach(user: ServerUser, path: string, test: '-x' | '-r' | '-w'): boolean {
  if (user.isSelf) {
    try {
      accessSync(path, { '-x': constants.X_OK, '-r': constants.R_OK, '-w': constants.W_OK }[test]);
      return true;
    } catch {
      return false;
    }
  }
  const result = spawnSync('test', [test, path], { ...runAs(user), stdio: 'ignore' });
  return result.status === 0;
}
