// Failed sign-in throttling, kept in PostgreSQL so that every API process sees the same
// counters: tenants' in their own `sign_in_throttles`, operators' in the platform's.
//
// Checking and counting are one step. `admitAttempt` locks the attempt's rows, refuses while
// any is locked, and otherwise counts the attempt as a failure before the secret is looked
// at; `recordSuccess` takes that back when the secret was right. Checking first and counting
// after the (slow) password hash let any number of parallel guesses through the check.
import { type Database, type TenantSlug, withTenant } from '@motcua/db';
import { operatorSignInThrottles } from '@motcua/db/platform';
import { signInThrottles } from '@motcua/db/tenant';
import { type SQL, sql } from 'drizzle-orm';
import { accountKey, addressKey, type SignInAttempt, throttleKeys } from './throttle-keys.ts';

export type ThrottleScope =
  | { realm: 'tenant'; database: Database; slug: TenantSlug }
  | { realm: 'operator'; database: Database };

export const throttlePolicy = {
  /** Failures allowed before the first lock: the attempts that are evaluated in a row. */
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
type Executor = { execute: (query: SQL) => PromiseLike<Iterable<Row>> };

/** One unit of work in the scope's realm: the tenant's own, or a platform transaction. */
function inScope<T>(scope: ThrottleScope, work: (db: Executor) => Promise<T>): Promise<T> {
  if (scope.realm === 'tenant') return withTenant(scope.database, scope.slug, work);
  return scope.database.platform.transaction(work);
}

async function rows(db: Executor, query: SQL): Promise<Row[]> {
  return [...(await db.execute(query))];
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

function statusOf(found: Row[], now: Date): ThrottleStatus {
  let wait = 0;
  for (const row of found) {
    if (row.locked_until == null) continue;
    const ms = new Date(row.locked_until as string | Date).getTime() - now.getTime();
    wait = Math.max(wait, Math.ceil(ms / 1000));
  }
  return { allowed: wait <= 0, retryAfterSeconds: Math.max(wait, 0) };
}

/** Whether an attempt would be admitted now, without counting it (for tests and views). */
export async function checkThrottle(
  scope: ThrottleScope,
  attempt: SignInAttempt,
  now: Date = new Date(),
): Promise<ThrottleStatus> {
  const found = await inScope(scope, (db) =>
    rows(
      db,
      sql`select key, locked_until from ${table(scope)} where key in (${keyList(throttleKeys(attempt))})`,
    ),
  );
  return statusOf(found, now);
}

/**
 * Admits one attempt at a secret (password or code) for the account and the address, or
 * refuses it while either is locked. An admitted attempt is counted as a failure at once,
 * under the rows' locks: of any number of parallel attempts at most the free ones are
 * admitted. Call {@link recordSuccess} when the secret was right; nothing when it was wrong.
 * A refused attempt changes no count (it was not evaluated).
 */
export async function admitAttempt(
  scope: ThrottleScope,
  attempt: SignInAttempt,
  now: Date = new Date(),
): Promise<ThrottleStatus> {
  const keys = throttleKeys(attempt);
  const at = now.toISOString();
  const resetCutoff = new Date(now.getTime() - throttlePolicy.resetAfterMs).toISOString();
  return inScope(scope, async (db) => {
    // The no-op update locks rows that exist and the insert those that do not; keys are sorted,
    // so concurrent attempts lock in one order. Whoever holds the locks sees the counts of
    // every attempt admitted before it.
    const current = await rows(
      db,
      sql`insert into ${table(scope)} as t (key, failures, updated_at)
        values ${sql.join(
          keys.map((key) => sql`(${key}, 0, ${at}::timestamptz)`),
          sql`, `,
        )}
        on conflict (key) do update set failures = t.failures
        returning key, locked_until`,
    );
    const status = statusOf(current, now);
    if (!status.allowed) return status;
    const failures = sql`(case when t.updated_at < ${resetCutoff}::timestamptz then 1 else t.failures + 1 end)`;
    await db.execute(sql`update ${table(scope)} as t set
        failures = ${failures},
        locked_until = case when ${failures} >= ${throttlePolicy.freeFailures}
          then ${at}::timestamptz + make_interval(secs => least(${throttlePolicy.maxLockSeconds},
            power(2, least(${failures} - ${throttlePolicy.freeFailures}, 10))))
          else null end,
        updated_at = ${at}::timestamptz
      where t.key in (${keyList(keys)})`);
    return status;
  });
}

/**
 * After an admitted attempt whose secret was right: the account starts afresh. The address
 * only gets this attempt back, since one success from an address does not make its other
 * failures innocent; it stays locked only if its remaining failures earn a lock.
 */
export async function recordSuccess(scope: ThrottleScope, attempt: SignInAttempt): Promise<void> {
  const address = attempt.ip ? addressKey(attempt.ip) : null;
  const refund = address
    ? sql`, refunded as (
        update ${table(scope)} as t set
          failures = greatest(t.failures - 1, 0),
          locked_until = case when t.failures - 1 >= ${throttlePolicy.freeFailures} then t.locked_until end
        where t.key = ${address}
        returning 1)`
    : sql``;
  await inScope(scope, async (db) => {
    await db.execute(sql`with cleared as (
        delete from ${table(scope)} where key = ${accountKey(attempt.email)} returning 1)${refund}
      select 1`);
  });
}
