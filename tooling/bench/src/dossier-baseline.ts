// The floor under the submission figure: the same rows a submission writes (idempotency claim,
// the day's code-sequence upsert, the dossier, its event), written by a bare postgres.js loop in
// one transaction per dossier, switched to the tenant's role and schema the way withTenant does,
// over the same tenants and at the same concurrency. No HTTP, no session, no validation.
import { randomBytes } from 'node:crypto';
import { parseSlug, tenantNames } from '@motcua/db';
import { vietnamDate } from '@motcua/engine';
import postgres from 'postgres';
import { type BenchTenant, benchAnswers, benchProcedureCode } from './dossier-setup.ts';
import { percentile } from './stats.ts';

export interface BaselineFigures {
  perSecond: number;
  committed: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  firstError?: string;
}

export interface BaselineOptions {
  url: string;
  seconds: number;
  /** Transactions kept in flight (the HTTP run's connections). */
  inFlight: number;
  /** Database connections (the API's pool). */
  poolMax: number;
  warmSeconds?: number;
}

/** What every baseline writes for one submission, so that the raw loop and pgbench insert alike. */
export function baselineRows(tenant: BenchTenant, now: Date) {
  const { schema, role } = tenantNames(parseSlug(tenant.slug));
  const day = vietnamDate(now);
  return {
    schema,
    role,
    day,
    codePrefix: `${tenant.slug.replaceAll('-', '').toUpperCase()}-${day.slice(2).replaceAll('-', '')}-`,
    principal: `citizen:${tenant.citizenId}`,
    answers: JSON.stringify(benchAnswers),
    /** Roughly the size of the answer the API stores for a replay. */
    storedAnswer: JSON.stringify({
      dossier: {
        procedureCode: benchProcedureCode,
        state: 'submitted',
        answers: benchAnswers,
        feeTotal: 50_000,
      },
      trackingKey: 'BASELINE',
    }),
  };
}

async function submitOnce(sql: postgres.Sql, tenant: BenchTenant, now: Date) {
  const rows = baselineRows(tenant, now);
  const id = `dos_raw_${randomBytes(10).toString('hex')}`;
  const connection = await sql.reserve();
  let open = true;
  try {
    await connection
      .unsafe(
        `begin; select set_config('search_path', '${rows.schema}', true), set_config('role', '${rows.role}', true)`,
      )
      .simple();
    await connection`insert into idempotency_keys (principal, key, request_hash, status, body)
      values (${rows.principal}, ${`raw-${id}`}, 'baseline', 201, ${rows.storedAnswer}::text::jsonb)`;
    const [sequence] = await connection<{ last: number }[]>`
      insert into dossier_code_sequences as s (day, last) values (${rows.day}, 1)
      on conflict (day) do update set last = s.last + 1 returning last`;
    const code = `${rows.codePrefix}${String(sequence?.last ?? 0).padStart(4, '0')}`;
    await connection`insert into dossiers (id, procedure_version_id, procedure_code, owner_id, state, answers,
        fee_total, code, tracking_key, submitted_at, created_at, updated_at, revision)
      values (${id}, ${tenant.versionId}, ${benchProcedureCode}, ${tenant.citizenId}, 'submitted',
        ${rows.answers}::text::jsonb, 50000, ${code}, 'BASELINE', now(), now(), now(), 1)`;
    await connection`insert into dossier_events (dossier_id, action, from_state, to_state, actor, data, at)
      values (${id}, 'submit', 'draft', 'submitted', ${rows.principal}, ${JSON.stringify({ code })}::text::jsonb, now())`;
    await connection.unsafe('commit').simple();
    open = false;
  } finally {
    if (open) await connection.unsafe('rollback').catch(() => {});
    connection.release();
  }
}

async function loop(sql: postgres.Sql, tenants: readonly BenchTenant[], seconds: number, inFlight: number) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const tenant = tenants[Math.floor(Math.random() * tenants.length)];
      if (!tenant) throw new Error('no tenants');
      const begun = performance.now();
      try {
        await submitOnce(sql, tenant, new Date());
        latencies.push(performance.now() - begun);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { latencies, errors, firstError, elapsed };
}

export async function measureRawSubmissions(
  tenants: readonly BenchTenant[],
  { url, seconds, inFlight, poolMax, warmSeconds = 2 }: BaselineOptions,
): Promise<BaselineFigures> {
  const sql = postgres(url, {
    max: poolMax,
    onnotice: () => {},
    connection: { application_name: 'motcua-bench-baseline' },
  });
  try {
    if (warmSeconds > 0) await loop(sql, tenants, warmSeconds, inFlight);
    const run = await loop(sql, tenants, seconds, inFlight);
    return {
      perSecond: run.latencies.length / run.elapsed,
      committed: run.latencies.length,
      p50Ms: percentile(run.latencies, 50),
      p99Ms: percentile(run.latencies, 99),
      errors: run.errors,
      ...(run.firstError ? { firstError: run.firstError } : {}),
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
