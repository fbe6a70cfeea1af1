// The statements the worker runs on a tenant's outbox, each its own short unit of work of that
// tenant: claiming a batch (a lease, committed at once), and then one statement per outcome, run
// as soon as the outcome is known. Nothing is held open while a message is on the wire, so the
// SMTP server's acceptance is recorded before anything else can fail.
import { type Database, type TenantSlug, tenantNames, withTenant } from '@motcua/db';
import type { OutboxGiveUpReason } from '@motcua/db/tenant';
import { type SQL, sql } from 'drizzle-orm';

export interface ClaimedRow {
  id: number;
  /** The lease this claim set (the same for the whole batch), as the database wrote it. */
  leasedUntil: string;
  dedupeKey: string;
  payload: unknown;
  attempts: number;
}

/** The clock of one delivery: the database's, or a fixed instant in tests. */
export interface Clock {
  /** Rows due by then are claimed (the transaction's start, like the rows' own stamps). */
  dueBy: SQL;
  /** When an outcome happened. */
  at: SQL;
}

export function clockOf(now?: Date): Clock {
  if (!now) return { dueBy: sql`now()`, at: sql`clock_timestamp()` };
  const fixed = sql`${now.toISOString()}::timestamptz`;
  return { dueBy: fixed, at: fixed };
}

/** Row ids (whole numbers the database gave) as a bigint[] literal. */
export const idArray = (ids: readonly number[]) =>
  sql.raw(`array[${ids.map((id) => String(Math.trunc(Number(id)))).join(',')}]::bigint[]`);

const ms = (value: number) => sql`make_interval(secs => ${value / 1000}::double precision)`;

/**
 * Leases up to `batch` due email rows, oldest first, none of which has an earlier unsent message
 * to the same recipient that is not due yet or is leased: a person's messages go out in the
 * order they were written. Claims of one tenant take turns (a transaction-level advisory lock),
 * so two workers cannot each take one of a person's messages and race them.
 */
export async function claimRows(
  database: Database,
  slug: TenantSlug,
  { batch, leaseMs, clock }: { batch: number; leaseMs: number; clock: Clock },
): Promise<ClaimedRow[]> {
  const lockKey = `motcua.outbox.${tenantNames(slug).schema}`;
  const rows = await withTenant(database, slug, async (db) => {
    await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`);
    return db.execute<{
      id: string;
      dedupe_key: string;
      payload: unknown;
      attempts: number;
      leased_until: string;
    }>(sql`
      update outbox set leased_until = ${clock.dueBy} + ${ms(leaseMs)}
      where id in (
        select o.id from outbox o
        where o.kind = 'email' and o.sent_at is null and o.given_up_at is null
          and o.next_attempt_at <= ${clock.dueBy}
          and (o.leased_until is null or o.leased_until <= ${clock.dueBy})
          and not exists (
            select 1 from outbox e
            where e.recipient = o.recipient and e.id < o.id and e.kind = 'email'
              and e.sent_at is null and e.given_up_at is null
              and (e.next_attempt_at > ${clock.dueBy} or e.leased_until > ${clock.dueBy}))
        order by o.id
        limit ${batch}
        for update skip locked)
      returning id, dedupe_key, payload, attempts, leased_until::text`);
  });
  return rows
    .map((r) => ({
      id: Number(r.id),
      leasedUntil: r.leased_until,
      dedupeKey: r.dedupe_key,
      payload: r.payload,
      attempts: r.attempts,
    }))
    .sort((a, b) => a.id - b.id);
}

/** Right after the server's 250, before any other bookkeeping. */
export async function markSent(database: Database, slug: TenantSlug, id: number, clock: Clock) {
  await withTenant(database, slug, (db) =>
    db.execute(sql`update outbox set sent_at = ${clock.at}, attempts = attempts + 1, last_error = null,
      leased_until = null where id = ${id}`),
  );
}

/**
 * A failure of this message alone: tried again after `delaySeconds`, unless it has been failing
 * for longer than `giveUpAfterMs` since it was written, when it is given up as expired.
 * Returns whether it was given up.
 */
export async function scheduleRetry(
  database: Database,
  slug: TenantSlug,
  id: number,
  {
    error,
    delaySeconds,
    giveUpAfterMs,
    clock,
  }: { error: string; delaySeconds: number; giveUpAfterMs: number; clock: Clock },
): Promise<boolean> {
  const [row] = await withTenant(database, slug, (db) =>
    db.execute<{ expired: boolean }>(sql`
      update outbox set attempts = attempts + 1, last_error = ${error}, leased_until = null,
        next_attempt_at = ${clock.at} + make_interval(secs => ${delaySeconds}::int),
        given_up_at = case when created_at <= ${clock.at} - ${ms(giveUpAfterMs)} then ${clock.at} end,
        given_up_reason = case when created_at <= ${clock.at} - ${ms(giveUpAfterMs)} then 'expired' end
      where id = ${id}
      returning given_up_at is not null as expired`),
  );
  return row?.expired === true;
}

export async function giveUp(
  database: Database,
  slug: TenantSlug,
  id: number,
  { reason, error, clock }: { reason: OutboxGiveUpReason; error: string | null; clock: Clock },
) {
  await withTenant(database, slug, (db) =>
    db.execute(sql`update outbox set given_up_at = ${clock.at}, given_up_reason = ${reason},
      last_error = coalesce(${error}, last_error), leased_until = null,
      attempts = attempts + ${reason === 'superseded' ? 0 : 1}
      where id = ${id}`),
  );
}

/**
 * The server could not be reached while sending `tried`: those rows count an attempt, and every
 * row of the batch is handed back as it was (still due, so that the backlog goes out at once
 * when the server is back), except rows failing for longer than `giveUpAfterMs`, given up as
 * expired. Returns the ids given up.
 */
export async function releaseAfterOutage(
  database: Database,
  slug: TenantSlug,
  {
    tried,
    ids,
    error,
    giveUpAfterMs,
    clock,
  }: { tried: readonly number[]; ids: readonly number[]; error: string; giveUpAfterMs: number; clock: Clock },
): Promise<number[]> {
  if (ids.length === 0) return [];
  const expired = sql`created_at <= ${clock.at} - ${ms(giveUpAfterMs)}`;
  const wasTried = sql`id = any(${idArray(tried)})`;
  const rows = await withTenant(database, slug, (db) =>
    db.execute<{ id: string; expired: boolean }>(sql`
      update outbox set leased_until = null,
        attempts = attempts + case when ${wasTried} then 1 else 0 end,
        last_error = case when ${wasTried} or ${expired} then ${error} else last_error end,
        given_up_at = case when ${expired} then ${clock.at} end,
        given_up_reason = case when ${expired} then 'expired' end
      where id = any(${idArray(ids)}) and sent_at is null
      returning id, given_up_at is not null as expired`),
  );
  return rows.filter((r) => r.expired).map((r) => Number(r.id));
}

/** Hands rows not tried back to the next claim, as they were. */
export async function release(database: Database, slug: TenantSlug, ids: readonly number[]) {
  if (ids.length === 0) return;
  await withTenant(database, slug, (db) =>
    db.execute(sql`update outbox set leased_until = null
      where id = any(${idArray(ids)}) and sent_at is null`),
  );
}
