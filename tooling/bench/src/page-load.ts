// One page's figures: requests one after another (what a single visitor waits for), then a short
// run with several connections (what the process serves per second), against the API process.
import { readdir, readFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import { distinctAddress } from './dossier-load.ts';
import { percentile } from './stats.ts';

/** One address of the page: its path on the API's own address and the cookie it needs, if any. */
export interface PageTarget {
  path: string;
  cookie?: string;
}

export interface PageSpec {
  name: string;
  /** Requests go round the targets in turn: one per agency, so that every row mixes them. */
  targets: PageTarget[];
  /**
   * Each request from its own client address (X-Forwarded-For, the API trusting one proxy hop):
   * public tracking limits lookups per address, and the limiter's write still runs every time.
   */
  distinctClients?: boolean;
  /** Not a page: a reference row (the floor of the HTTP path), left out of the budget. */
  isReference?: boolean;
}

export interface SequentialFigures {
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  minBytes: number;
  maxBytes: number;
  /** Status code → count; anything but 200 is worth a look. */
  statuses: Record<string, number>;
}

export interface ConcurrentFigures {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

/**
 * CPU time a process has used so far, all threads, in milliseconds (Linux: the nanoseconds each
 * task spent on a CPU, from /proc/<pid>/task/<tid>/schedstat), or undefined elsewhere. Unlike a
 * response time, it hardly changes with what else the machine is running.
 */
export async function readProcessCpuMs(pid: number): Promise<number | undefined> {
  try {
    const tasks = await readdir(`/proc/${pid}/task`);
    let nanoseconds = 0;
    for (const task of tasks) {
      const line = await readFile(`/proc/${pid}/task/${task}/schedstat`, 'utf8').catch(() => '0');
      nanoseconds += Number(line.split(' ')[0] ?? 0);
    }
    return nanoseconds / 1e6;
  } catch {
    return undefined;
  }
}

// Shared by every page so that no address repeats in a run: the limiter's window outlives a page.
let clients = 0;

function headersFor(spec: PageSpec, target: PageTarget): Record<string, string> {
  const headers: Record<string, string> = {};
  if (target.cookie) headers.cookie = target.cookie;
  if (spec.distinctClients) {
    clients += 1;
    headers['x-forwarded-for'] = distinctAddress(clients);
  }
  return headers;
}

const targetAt = (spec: PageSpec, n: number): PageTarget => {
  const target = spec.targets[n % spec.targets.length];
  if (!target) throw new Error(`${spec.name}: no address to request`);
  return target;
};

/** `count` requests one after another, each timed until its whole body has been read. */
export async function timeSequential(
  base: string,
  spec: PageSpec,
  count: number,
): Promise<SequentialFigures> {
  const durations: number[] = [];
  const sizes: number[] = [];
  const statuses: Record<string, number> = {};
  for (let n = 0; n < count; n += 1) {
    const target = targetAt(spec, n);
    const started = performance.now();
    const response = await fetch(`${base}${target.path}`, {
      redirect: 'manual',
      headers: headersFor(spec, target),
    });
    const body = await response.arrayBuffer();
    durations.push(performance.now() - started);
    sizes.push(body.byteLength);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  }
  return {
    p50Ms: percentile(durations, 50),
    p90Ms: percentile(durations, 90),
    p99Ms: percentile(durations, 99),
    minBytes: Math.min(...sizes),
    maxBytes: Math.max(...sizes),
    statuses,
  };
}

/** `connections` clients requesting the page back to back for `seconds`. */
export async function loadConcurrent(
  base: string,
  spec: PageSpec,
  { seconds, connections }: { seconds: number; connections: number },
): Promise<ConcurrentFigures> {
  let n = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => {
          const target = targetAt(spec, n);
          n += 1;
          return {
            ...request,
            path: target.path,
            headers: { ...request.headers, ...headersFor(spec, target) },
          };
        },
      },
    ],
  });
  return {
    perSecond: result['2xx'] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
