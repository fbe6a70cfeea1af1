// The API as a separate process, started exactly like production (node + the tsx loader), so
// that what it costs is measured apart from the process generating the load.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@motcua/testing';

export interface ApiProcess {
  /** `http://127.0.0.1:<port>` */
  base: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export async function startApiProcess(repoRoot: string, env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=16', '--import', 'tsx', join(repoRoot, 'services/api/src/main.ts')],
    {
      cwd: join(repoRoot, 'services/api'),
      env: { ...process.env, LOG_LEVEL: 'error', ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i += 1) {
      if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
      const ok = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (i > 300) throw new Error('the API did not start within 30 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error('the API process has no pid');
  return { base, port, pid: child.pid, stop };
}
