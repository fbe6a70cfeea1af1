// Failed sign-in throttling, kept in PostgreSQL so that every API process sees the same
// counters: tenants' in their own `sign_in_throttles`, operators' in the platform's.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { operatorSignInThrottles } from '@motcua/db/platform';
import { signInThrottles } from '@motcua/db/tenant';
import { type SQL, sql } from 'drizzle-orm';
import { accountKey, type SignInAttempt, throttleKeys } from './throttle-keys.ts';

export type ThrottleScope =
  | { realm: 'tenant'; database: Database; slug: TenantSlug }
  | { realm: 'operator'; database: Database };

export const throttlePolicy = {
  /** Failures allowed before the first lock. */
  freeFailures: 5,
  maxLockSeconds: 15 * 60,
  /** A key that has not failed for this long starts counting again from zero. */
  resetAfterMs: 24 * 60 * 60 * 1000,
} as const;

export interface ThrottleStatus {
  allowed: boolean;
  /** 0 when allowed; otherwise how long the client should wait (the Retry-After value). */
  retryAfterSeconds: number;
}

/** The lock that the `failures`-th failure in a row earns: 2^(n-5) s from the fifth, capped. */
export function lockSecondsAfter(failures: number): number {
  if (failures < throttlePolicy.freeFailures) return 0;
  // 2^10 s already passes the cap; the bound keeps the power finite for any count.
  const exponent = Math.min(failures - throttlePolicy.freeFailures, 10);
  return Math.min(2 ** exponent, throttlePolicy.maxLockSeconds);
}

type Row = Record<string, unknown>;

function run(scope: ThrottleScope, query: SQL): Promise<Row[]> {
  if (scope.realm === 'tenant') {
    return withTenant(scope.database, scope.slug, (db) => db.execute<Row>(query));
  }
  return scope.database.platform.execute<Row>(query);
}

function table(scope: ThrottleScope): SQL {
  // The tenant table is unqualified (the unit of work's search_path finds it); the platform
  // one is rendered as "platform"."sign_in_throttles".
  return scope.realm === 'tenant' ? sql`${signInThrottles}` : sql`${operatorSignInThrottles}`;
}

function keyList(keys: string[]): SQL {
  return sql.join(
    keys.map((key) => sql`${key}`),
    sql`, `,
  );
}

function statusOf(rows: Row[], now: Date): ThrottleStatus {
  let wait = 0;
  for (const row of rows) {
    if (row.locked_until == null) continue;
    const ms = new Date(row.locked_until as string | Date).getTime() - now.getTime();
    wait = Math.max(wait, Math.ceil(ms / 1000));
  }
  return { allowed: wait <= 0, retryAfterSeconds: Math.max(wait, 0) };
}

/** Whether a sign-in may be attempted now: refused while the account or the address is locked. */
export async function checkThrottle(
  scope: ThrottleScope,
  attempt: SignInAttempt,
  now: Date = new Date(),
): Promise<ThrottleStatus> {
  const rows = await run(
    scope,
    sql`select key, locked_until from ${table(scope)} where key in (${keyList(throttleKeys(attempt))})`,
  );
  return statusOf(rows, now);
}

/**
 * Counts one failure against the account and the address, in one statement: the upsert
 * increments under the row lock, so concurrent failures are all counted. Returns the state
 * after it, so a caller can answer this very attempt with its Retry-After.
 */
export async function recordFailure(
  scope: ThrottleScope,
  attempt: SignInAttempt,
  now: Date = new Date(),
): Promise<ThrottleStatus> {
  const at = now.toISOString();
  const resetCutoff = new Date(now.getTime() - throttlePolicy.resetAfterMs).toISOString();
  const rows = throttleKeys(attempt).map((key) => sql`(${key}, 1, ${at}::timestamptz)`);
  const failures = sql`(case when t.updated_at < ${resetCutoff}::timestamptz then 1 else t.failures + 1 end)`;
  const result = await run(
    scope,
    sql`insert into ${table(scope)} as t (key, failures, updated_at)
      values ${sql.join(rows, sql`, `)}
      on conflict (key) do update set
        failures = ${failures},
        locked_until = case when ${failures} >= ${throttlePolicy.freeFailures}
          then ${at}::timestamptz + make_interval(secs => least(${throttlePolicy.maxLockSeconds},
            power(2, least(${failures} - ${throttlePolicy.freeFailures}, 10))))
          else null end,
        updated_at = ${at}::timestamptz
      returning key, locked_until`,
  );
  return statusOf(result, now);
}

/** After a successful sign-in: the account starts afresh. The address keeps its count, since one
 * success from an address does not make its other failures innocent. */
export async function clearFailures(
  scope: ThrottleScope,
  { email }: Pick<SignInAttempt, 'email'>,
): Promise<void> {
  await run(scope, sql`delete from ${table(scope)} where key = ${accountKey(email)}`);
}
