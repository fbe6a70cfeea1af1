// The API process's resident memory after it has resolved every tenant, measured from /proc.
import { readFileSync } from 'node:fs';
import { startApiProcess } from './api-process.ts';
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
  const api = await startApiProcess(repoRoot, { ...env, LOG_LEVEL: 'error' });
  try {
    const idleMb = rssMb(api.pid);
    const started = performance.now();
    let failures = 0;
    await inParallel(slugs, 8, async (slug) => {
      const res = await fetch(`${api.base}/t/${slug}/api/tenant`);
      if (!res.ok) failures += 1;
      await res.arrayBuffer();
    });
    if (failures > 0) throw new Error(`${failures} tenants did not resolve`);
    const resolvedPerSecond = slugs.length / ((performance.now() - started) / 1000);
    return { idleMb, afterMb: rssMb(api.pid), resolvedPerSecond };
  } finally {
    await api.stop();
  }
}
