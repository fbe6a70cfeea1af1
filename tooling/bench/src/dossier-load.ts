// Dossier submission and public tracking over HTTP against the real API process, driven by
// autocannon with every request sent to a random tenant of the set.
import { randomBytes } from 'node:crypto';
import { type Database, parseSlug, withTenant } from '@motcua/db';
import { dossiers } from '@motcua/db/tenant';
import autocannon from 'autocannon';
import { isNotNull } from 'drizzle-orm';
import { type BenchTenant, benchAnswers, benchProcedureCode } from './dossier-setup.ts';

export interface LoadOptions {
  /** The API's base URL (`http://127.0.0.1:<port>`); requests carry their tenant's Host. */
  base: string;
  seconds: number;
  connections: number;
}

export interface LoadFigures {
  /** 2xx answers per second: failures do not count as throughput. */
  okPerSecond: number;
  total: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Status code → count, to tell a 429 from a 500 when non2xx is not zero. */
  statuses: Record<string, number>;
}

export interface Trackable {
  host: string;
  code: string;
  key: string;
}

const pick = <T>(items: readonly T[]): T => {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('nothing to pick from');
  return item;
};

function summarise(result: autocannon.Result): LoadFigures {
  const statuses: Record<string, number> = {};
  for (const [status, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[status] = stat.count ?? 0;
  }
  return {
    okPerSecond: result['2xx'] / result.duration,
    total: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    statuses,
  };
}

/** A short unmeasured run first, so that JIT, pools and caches are warm for the measured one. */
async function warmThenRun(options: autocannon.Options, warmSeconds: number) {
  if (warmSeconds > 0) await autocannon({ ...options, duration: warmSeconds });
  return summarise(await autocannon(options));
}

/** `POST /api/dossiers` with `submit: true`, as each tenant's signed-in citizen, a fresh Idempotency-Key each. */
export async function loadSubmissions(
  tenants: readonly BenchTenant[],
  { base, seconds, connections }: LoadOptions,
  warmSeconds = 2,
): Promise<LoadFigures> {
  const run = randomBytes(4).toString('hex');
  let sequence = 0;
  return warmThenRun(
    {
      url: base,
      connections,
      duration: seconds,
      method: 'POST',
      body: JSON.stringify({ procedureCode: benchProcedureCode, answers: benchAnswers, submit: true }),
      requests: [
        {
          method: 'POST',
          path: '/api/dossiers',
          setupRequest: (request) => {
            const tenant = pick(tenants);
            sequence += 1;
            return {
              ...request,
              headers: {
                ...request.headers,
                host: tenant.host,
                origin: tenant.origin,
                cookie: tenant.cookie,
                'content-type': 'application/json',
                'idempotency-key': `bench-${run}-${sequence}`,
              },
            };
          },
        },
      ],
    },
    warmSeconds,
  );
}

/** Codes and tracking keys of every submitted dossier of these tenants. */
export async function listTrackable(database: Database, tenants: readonly BenchTenant[]) {
  const found: Trackable[] = [];
  for (const tenant of tenants) {
    const rows = await withTenant(database, parseSlug(tenant.slug), (db) =>
      db
        .select({ code: dossiers.code, key: dossiers.trackingKey })
        .from(dossiers)
        .where(isNotNull(dossiers.trackingKey)),
    );
    for (const { code, key } of rows) if (code && key) found.push({ host: tenant.host, code, key });
  }
  return found;
}

/** An address nobody else in the run uses, so that the limiter sees every request as a new client. */
export const distinctAddress = (n: number) =>
  `10.${Math.floor(n / 65_536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;

/**
 * `GET /api/public/track` for random dossiers. Needs the API started with TRUST_PROXY_HOPS=1:
 * each request then comes from its own X-Forwarded-For address, which takes the per-address
 * limit out of the measurement while the limiter's own write still happens on every lookup.
 */
export async function loadTracking(
  trackable: readonly Trackable[],
  { base, seconds, connections }: LoadOptions,
  warmSeconds = 2,
): Promise<LoadFigures> {
  let sequence = 0;
  return warmThenRun(
    {
      url: base,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'GET',
          setupRequest: (request) => {
            const { host, code, key } = pick(trackable);
            sequence += 1;
            return {
              ...request,
              path: `/api/public/track?code=${encodeURIComponent(code)}&key=${key}`,
              headers: { ...request.headers, host, 'x-forwarded-for': distinctAddress(sequence) },
            };
          },
        },
      ],
    },
    warmSeconds,
  );
}
