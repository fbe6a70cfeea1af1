// initdb for a new cluster, and what the launcher shows of a server's output when it fails.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PostgresSetupError } from './postgres-error.ts';
import { binary, type PostgresInstallation } from './postgres-install.ts';
import { runAs, type ServerUser } from './server-user.ts';

/** The messages PostgreSQL prints are matched and shown in English whatever the machine's locale. */
export function serverEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_MESSAGES: 'C' };
}

export async function initialise(
  installation: PostgresInstallation,
  dataDir: string,
  password: string,
  user: ServerUser,
): Promise<void> {
  // The password goes through a file only the server user can read, beside the data directory.
  const passwordFile = join(dirname(dataDir), `.pgpass-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (!user.isSelf) chownSync(passwordFile, user.uid, user.gid);
    const child = spawn(
      binary(installation, 'initdb'),
      [
        `--pgdata=${dataDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--lc-messages=C',
      ],
      { ...runAs(user), stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv() },
    );
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    }).catch((error: Error) => {
      throw new PostgresSetupError(
        `Could not run initdb (${binary(installation, 'initdb')}): ${error.message}`,
      );
    });
    if (code !== 0) {
      throw new PostgresSetupError(`initdb failed for ${dataDir} (exit ${code}): ${lastLines(output)}`);
    }
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

export function readLog(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** The last few meaningful lines of an output, on one line: what the server said before it exited. */
export function lastLines(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const errors = lines.filter((l) => /\b(FATAL|ERROR|PANIC|error|could not)\b/.test(l));
  return (errors.length > 0 ? errors : lines).slice(-3).join(' | ') || '(no output)';
}
