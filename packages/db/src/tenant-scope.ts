// The isolated unit of work: one transaction that first switches, transaction-locally, to
// the tenant's NOLOGIN role and schema. The login role holds no rights on tenant schemas,
// so code that forgets the scope fails with a permission error instead of reading another
// agency's rows. Nothing here touches session state that outlives the transaction.
//
// The transaction is driven by hand on a reserved connection so that the switch travels
// with BEGIN and the scope check with COMMIT: a unit of work costs the same number of round
// trips as a plain drizzle transaction (see the benchmark's isolation figures).
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js/session';
import type { Database } from './client.ts';
import { currentDeadline, type Deadline, deadlineSettingsSql, reserveBefore } from './deadline.ts';
import { type TenantSlug, tenantNames } from './names.ts';
import { broadcastMembershipChangeSql, isStaleMembershipError } from './role-membership.ts';
import { endSessionSql, readSessionState, resetSessionSql } from './session-reset.ts';
import { unitClient } from './unit-client.ts';

type TenantTransaction = Parameters<Parameters<Database['tenant']['transaction']>[0]>[0];
/** A tenant-bound handle: the only way route and domain code reaches tenant tables. */
export type TenantDb = TenantTransaction;

/** A unit of work left its tenant's role or schema; its transaction was rolled back. */
export class TenantScopeViolationError extends Error {
  override name = 'TenantScopeViolationError';
}

const safeName = /^t_[a-z0-9_]{1,60}$/;

// PostgreSQL checks SET ROLE against the session's login role, which may become every
// tenant's role, so a statement inside the scope could switch to another tenant (or back to
// the login role). The check runs in the same message as COMMIT: if the role or search_path
// moved, or the transaction is no longer the one BEGIN opened (a `commit; begin` inside the
// work ran statements as the login role in between), it raises, COMMIT is skipped and the
// unit of work is rolled back. It also turns a transaction that a swallowed error aborted
// into an error, where COMMIT would silently roll it back. What outlives the transaction is
// reset in the same message (session-reset.ts).
const scopeViolation = 'motcua-tenant-scope-violated';

function beginSql(schema: string, role: string, deadline: Deadline | undefined): string {
  return `begin; select set_config('search_path', '${schema}', true), set_config('role', '${role}', true),
    extract(epoch from transaction_timestamp())::text as started${deadlineSettingsSql(deadline)}`;
}

/** The transaction's start time, to the microsecond: a new transaction has a later one. */
const startedPattern = /^\d{1,12}(\.\d{1,6})?$/;

function readStarted(results: unknown): string {
  const rows = (Array.isArray(results) ? results : [results]).flat() as { started?: unknown }[];
  const started = rows.find((row) => row && typeof row === 'object' && 'started' in row)?.started;
  if (typeof started !== 'string' || !startedPattern.test(started)) {
    throw new Error('BEGIN returned no transaction start time.');
  }
  return started;
}

function checkAndCommitSql(schema: string, role: string, started: string, reset: string): string {
  // A cast instead of a DO block: DO compiles PL/pgSQL on every call; this is one expression,
  // null (fine) when the scope held and a cast error naming the violation when it did not.
  return `select (case when current_user = '${role}' and current_setting('search_path') = '${schema}'
      and extract(epoch from transaction_timestamp()) = ${started}
    then null else '${scopeViolation}' end)::int; commit; ${reset}`;
}

const isScopeViolation = (error: unknown) => String((error as Error)?.message).includes(scopeViolation);

/**
 * drizzle builds a transaction from its root session's dialect and relational config; these
 * are internal, so they are reached through loose types (the drizzle version is pinned and the
 * tests exercise every path).
 */
interface DrizzleSessionInternals {
  dialect: unknown;
  schema: unknown;
  options: unknown;
}
const SessionOn = PostgresJsSession as unknown as new (
  client: unknown,
  dialect: unknown,
  schema: unknown,
  options: unknown,
) => unknown;
const TransactionOn = PostgresJsTransaction as unknown as new (
  dialect: unknown,
  session: unknown,
  schema: unknown,
) => TenantDb;

export async function withTenant<T>(
  database: Database,
  slug: TenantSlug,
  work: (db: TenantDb) => Promise<T>,
): Promise<T> {
  const { schema, role } = tenantNames(slug);
  if (!safeName.test(schema) || !safeName.test(role)) throw new Error('unsafe tenant names');
  const violation = (when: string) =>
    new TenantScopeViolationError(
      `A unit of work for tenant "${slug}" changed its role, search_path or transaction${when}; its connection was closed.`,
    );
  // drizzle's own session carries the dialect and the tenant tables' relational config.
  const root = database.tenant._.session as unknown as DrizzleSessionInternals;
  // Inside a request, its deadline bounds the wait for a connection and the unit's statements.
  const deadline = currentDeadline();
  const connection = await reserveBefore(database, deadline);
  const unit = unitClient(connection);
  // A connection found dirty is closed rather than handed to the next unit of work.
  let dirty = false;
  try {
    let started: string;
    try {
      started = readStarted(await connection.unsafe(beginSql(schema, role, deadline)).simple());
    } catch (error) {
      if (!isStaleMembershipError(error, role)) throw error;
      // The work has not started: refresh the membership caches and switch again, once.
      await connection.unsafe('rollback').simple();
      await connection.unsafe(`begin; ${broadcastMembershipChangeSql}; commit`).simple();
      started = readStarted(await connection.unsafe(beginSql(schema, role, deadline)).simple());
    }
    const session = new SessionOn(unit.client, root.dialect, root.schema, root.options);
    const tx = new TransactionOn(root.dialect, session, root.schema);
    const result = await work(tx);
    const reset = resetSessionSql(unit.mayHavePrepared());
    const state = readSessionState(
      await connection.unsafe(checkAndCommitSql(schema, role, started, reset)).simple(),
    );
    dirty = state.roleMoved || state.prepared;
    // Committed by then: the role was switched at session level and back transaction-locally.
    if (state.roleMoved) throw violation(' (found after COMMIT)');
    return result;
  } catch (error) {
    // Whatever the work left open is rolled back and its session reset; a connection that
    // cannot be reset, or that tried to leave the scope, is not reused.
    if (!dirty) {
      const state = await connection
        .unsafe(`rollback; ${resetSessionSql(unit.mayHavePrepared())}`)
        .simple()
        .then(readSessionState, () => ({ roleMoved: false, prepared: true }));
      dirty = state.roleMoved || state.prepared || isScopeViolation(error);
      if (state.roleMoved || isScopeViolation(error)) throw violation('');
    }
    throw error;
  } finally {
    if (dirty) await connection.unsafe(endSessionSql).catch(() => {});
    connection.release();
  }
}
