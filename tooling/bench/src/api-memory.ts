// The API process's resident memory after it has resolved every tenant: a separate process,
// started exactly like production (node + the tsx loader), measured from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@motcua/testing';
import { inParallel } from './stats.ts';

const rssMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
};

export async function measureApiMemory(
  repoRoot: string,
  env: Record<string, string>,
  slugs: string[],
): Promise<{ idleMb: number; afterMb: number; resolvedPerSecond: number }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--max-semi-space-size=16', '--import', 'tsx', join(repoRoot, 'services/api/src/main.ts')],
    {
      cwd: join(repoRoot, 'services/api'),
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
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
    const idleMb = rssMb(child.pid!);
    const started = performance.now();
    let failures = 0;
    await inParallel(slugs, 8, async (slug) => {
      const res = await fetch(`${base}/t/${slug}/api/tenant`);
      if (!res.ok) failures += 1;
      await res.arrayBuffer();
    });
    if (failures > 0) throw new Error(`${failures} tenants did not resolve`);
    const resolvedPerSecond = slugs.length / ((performance.now() - started) / 1000);
    return { idleMb, afterMb: rssMb(child.pid!), resolvedPerSecond };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
