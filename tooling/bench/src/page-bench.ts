// Issue 5's page budget, "server response under 50 ms at p50 on this machine for the main pages
// with demo data": the portal, console and operator pages over HTTP against the API in its own
// process, signed in as the demo's citizen, reception officer and operator. Prints a table.
import { cpus } from 'node:os';
import type { Database } from '@motcua/db';
import { listTenants } from '@motcua/provisioning';
import type { Storage } from '@motcua/storage';
import { type ApiProcess, startApiProcess } from './api-process.ts';
import {
  type ConcurrentFigures,
  loadConcurrent,
  type PageSpec,
  readProcessCpuMs,
  type SequentialFigures,
  timeSequential,
} from './page-load.ts';
import { type PageSetup, type PageTenant, seedPageTenants } from './page-setup.ts';
import { signInOperator, signInToTenant } from './page-sign-in.ts';
import { sampleCpuBusy } from './stats.ts';

export interface PageBenchOptions {
  database: Database;
  storage: Storage;
  repoRoot: string;
  /** The API's environment without port, pool or proxy settings. */
  apiEnv: Record<string, string>;
  /** Measured sequential requests per page, after `warmUp` unmeasured ones. */
  requests: number;
  warmUp: number;
  seconds: number;
  connections: number;
  poolMax: number;
  log: (line: string) => void;
}

/** What the budget asks of every page: the median answer within this many milliseconds. */
export const pageBudgetMs = 50;

interface Sessions {
  citizen: Map<string, string>;
  staff: Map<string, string>;
  operator: string;
}

async function signInAll(base: string, setup: PageSetup): Promise<Sessions> {
  const citizen = new Map<string, string>();
  const staff = new Map<string, string>();
  for (const t of setup.tenants) {
    citizen.set(t.slug, await signInToTenant(base, t.slug, t.citizen));
    staff.set(t.slug, await signInToTenant(base, t.slug, t.staff));
  }
  return { citizen, staff, operator: await signInOperator(base, setup.operator) };
}

function describePages(setup: PageSetup, sessions: Sessions): PageSpec[] {
  const each = (path: (t: PageTenant) => string, session?: Map<string, string>) =>
    setup.tenants.map((t) => {
      const cookie = session?.get(t.slug);
      return { path: `/t/${t.slug}${path(t)}`, ...(cookie ? { cookie } : {}) };
    });
  return [
    { name: 'portal home', targets: each(() => '/') },
    { name: 'procedure page', targets: each((t) => `/procedures/${encodeURIComponent(t.procedureCode)}`) },
    {
      name: 'tracking result',
      targets: each((t) => `/track?code=${encodeURIComponent(t.tracking.code)}&key=${t.tracking.key}`),
      distinctClients: true,
    },
    { name: 'sign-in page', targets: each(() => '/sign-in') },
    { name: 'my dossiers (citizen)', targets: each(() => '/dossiers', sessions.citizen) },
    { name: 'dossier (citizen)', targets: each((t) => `/dossiers/${t.citizenDossierId}`, sessions.citizen) },
    { name: 'console home (reception)', targets: each(() => '/console', sessions.staff) },
    { name: 'queue (reception)', targets: each(() => '/console/dossiers', sessions.staff) },
    {
      name: 'dossier (console)',
      targets: each((t) => `/console/dossiers/${t.consoleDossierId}`, sessions.staff),
    },
    { name: 'operator tenant list', targets: [{ path: '/ops', cookie: sessions.operator }] },
    { name: '(floor: /healthz, no database)', targets: [{ path: '/healthz' }], isReference: true },
  ];
}

interface PageRow {
  name: string;
  isReference: boolean;
  /** The API process's own CPU time per request of the sequential run. */
  cpuMs: number | undefined;
  sequential: SequentialFigures;
  concurrent: ConcurrentFigures;
}

const msOf = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
const bytesOf = (f: SequentialFigures) =>
  f.minBytes === f.maxBytes ? String(f.maxBytes) : `${f.minBytes}–${f.maxBytes}`;

function printTable(o: PageBenchOptions, rows: PageRow[]) {
  const header = [
    'page',
    'bytes',
    'p50',
    'p90',
    'p99',
    'API CPU',
    'req/s',
    'p50 loaded',
    'p99 loaded',
    'p50 < 50 ms',
  ];
  const lines = rows.map(({ name, isReference, cpuMs, sequential: s, concurrent: c }) => [
    name,
    bytesOf(s),
    msOf(s.p50Ms),
    msOf(s.p90Ms),
    msOf(s.p99Ms),
    cpuMs === undefined ? '?' : msOf(cpuMs),
    c.perSecond.toFixed(0),
    msOf(c.p50Ms),
    msOf(c.p99Ms),
    isReference ? '' : s.p50Ms < pageBudgetMs ? 'yes' : 'no',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) =>
    `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')}`;
  o.log(format(header));
  o.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) o.log(format(line));
  for (const { name, sequential, concurrent } of rows) {
    const odd = Object.entries(sequential.statuses).filter(([status]) => status !== '200');
    if (odd.length > 0 || concurrent.non2xx > 0 || concurrent.errors > 0) {
      o.log(
        `  ! ${name}: sequential statuses ${JSON.stringify(sequential.statuses)}, loaded run non-2xx ${concurrent.non2xx}, errors ${concurrent.errors}`,
      );
    }
  }
}

async function measurePages(o: PageBenchOptions, api: ApiProcess, pages: PageSpec[]): Promise<PageRow[]> {
  const rows: PageRow[] = [];
  for (const spec of pages) {
    // Warm-up apart, so that the CPU reading covers the measured requests only.
    if (o.warmUp > 0) await timeSequential(api.base, spec, o.warmUp);
    const cpuBefore = await readProcessCpuMs(api.pid);
    const sequential = await timeSequential(api.base, spec, o.requests);
    const cpuAfter = await readProcessCpuMs(api.pid);
    const cpuMs =
      cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / o.requests;
    const concurrent = await loadConcurrent(api.base, spec, {
      seconds: o.seconds,
      connections: o.connections,
    });
    rows.push({ name: spec.name, isReference: spec.isReference === true, cpuMs, sequential, concurrent });
  }
  return rows;
}

export async function runPageBench(o: PageBenchOptions): Promise<void> {
  const seeded = performance.now();
  const setup = await seedPageTenants({ database: o.database, storage: o.storage });
  const seedSeconds = (performance.now() - seeded) / 1000;
  const fleet = (await listTenants({ database: o.database, storage: o.storage })).length;
  const api = await startApiProcess(o.repoRoot, {
    ...o.apiEnv,
    DATABASE_POOL_MAX: String(o.poolMax),
    TRUST_PROXY_HOPS: '1',
    LOG_LEVEL: 'info',
  });
  let rows: PageRow[];
  let busyBefore: number | undefined;
  try {
    const pages = describePages(setup, await signInAll(api.base, setup));
    busyBefore = await sampleCpuBusy(1000);
    rows = await measurePages(o, api, pages);
  } finally {
    await api.stop();
  }
  const agencies = setup.tenants
    .map((t) => `${t.slug} (${t.dossierCount} dossiers in ${t.stateCount} states)`)
    .join(', ');
  o.log(
    `\nMain pages with the demo data (issue 5 page budget): ${agencies}, seeded as \`npm start\` does in ${seedSeconds.toFixed(1)} s; requests alternate between the agencies; signed in through the forms as the demo citizen with the most dossiers, the reception officer and an operator (password + TOTP); the operator list shows the first page of the platform's ${fleet} tenants`,
  );
  o.log(
    `  p50/p90/p99: ${o.requests} requests one after another per page after ${o.warmUp} unmeasured, full body read, client-side time over loopback; API CPU: the API process's CPU time per request of that run (all threads); req/s and "loaded": ${o.connections} connections for ${o.seconds} s; API in its own process (node + tsx, access log on), pool of ${o.poolMax} connections; bytes are the uncompressed HTML${busyBefore === undefined ? '' : `; machine ${(100 * busyBefore).toFixed(0)} % busy across ${cpus().length} cores just before`}`,
  );
  printTable(o, rows);
  const over = rows.filter((r) => !r.isReference && r.sequential.p50Ms >= pageBudgetMs).map((r) => r.name);
  o.log(
    over.length === 0
      ? `  Every page answers within ${pageBudgetMs} ms at p50   target < ${pageBudgetMs} ms p50`
      : `  Over ${pageBudgetMs} ms at p50: ${over.join(', ')}   target < ${pageBudgetMs} ms p50`,
  );
}
