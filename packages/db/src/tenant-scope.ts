// The isolated unit of work: one transaction that first switches, transaction-locally, to
// the tenant's NOLOGIN role and schema. The login role holds no rights on tenant schemas,
// so code that forgets the scope fails with a permission error instead of reading another
// agency's rows. Nothing here touches session state that outlives the transaction.
//
// The transaction is driven by hand on a reserved connection so that the switch travels
// with BEGIN and the scope check with COMMIT: a unit of work costs the same number of round
// trips as a plain drizzle transaction (see the benchmark's isolation figures).
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js/session';
import type { ReservedSql } from 'postgres';
import type { Database } from './client.ts';
import { type TenantSlug, tenantNames } from './names.ts';
import { broadcastMembershipChangeSql, isStaleMembershipError } from './role-membership.ts';

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
// the login role); a plain SET would even outlive the commit on the pooled connection. The
// check runs in the same message as COMMIT: if the role or search_path moved, it raises,
// COMMIT is skipped and the unit of work is rolled back. It also turns a transaction that a
// swallowed error aborted into an error, where COMMIT would silently roll it back.
const scopeViolation = 'motcua-tenant-scope-violated';

function beginSql(schema: string, role: string): string {
  return `begin; select set_config('search_path', '${schema}', true), set_config('role', '${role}', true)`;
}

function checkAndCommitSql(schema: string, role: string): string {
  // A cast instead of a DO block: DO compiles PL/pgSQL on every call; this is one expression,
  // null (fine) when the scope held and a cast error naming the violation when it did not.
  return `select (case when current_user = '${role}' and current_setting('search_path') = '${schema}'
    then null else '${scopeViolation}' end)::int; commit`;
}

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

type SavepointSql = ReservedSql & { savepoint: <T>(work: (s: ReservedSql) => Promise<T>) => Promise<T> };

/** drizzle's nested transactions call `client.savepoint`, which only postgres.js's own transactions have. */
function withSavepoints(connection: ReservedSql): SavepointSql {
  let depth = 0;
  return Object.assign(connection, {
    savepoint: async <T>(work: (s: ReservedSql) => Promise<T>): Promise<T> => {
      const name = `motcua_sp_${++depth}`;
      await connection.unsafe(`savepoint ${name}`);
      try {
        const result = await work(connection);
        await connection.unsafe(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await connection.unsafe(`rollback to savepoint ${name}`);
        throw error;
      }
    },
  });
}

export async function withTenant<T>(
  database: Database,
  slug: TenantSlug,
  work: (db: TenantDb) => Promise<T>,
): Promise<T> {
  const { schema, role } = tenantNames(slug);
  if (!safeName.test(schema) || !safeName.test(role)) throw new Error('unsafe tenant names');
  // drizzle's own session carries the dialect and the tenant tables' relational config.
  const root = database.tenant._.session as unknown as DrizzleSessionInternals;
  const connection = withSavepoints(await database.sql.reserve());
  let open = false;
  try {
    open = true;
    try {
      await connection.unsafe(beginSql(schema, role)).simple();
    } catch (error) {
      if (!isStaleMembershipError(error, role)) throw error;
      // The work has not started: refresh the membership caches and switch again, once.
      await connection.unsafe('rollback').simple();
      await connection.unsafe(`begin; ${broadcastMembershipChangeSql}; commit`).simple();
      await connection.unsafe(beginSql(schema, role)).simple();
    }
    const session = new SessionOn(connection, root.dialect, root.schema, root.options);
    const tx = new TransactionOn(root.dialect, session, root.schema);
    const result = await work(tx);
    try {
      await connection.unsafe(checkAndCommitSql(schema, role)).simple();
      open = false;
    } catch (error) {
      if ((error as Error).message.includes(scopeViolation)) {
        throw new TenantScopeViolationError(
          `A unit of work for tenant "${slug}" changed its role or search_path; it was rolled back.`,
        );
      }
      throw error;
    }
    return result;
  } finally {
    if (open) await connection.unsafe('rollback').catch(() => {});
    connection.release();
  }
}
