// What a pooled connection must not carry from one unit of work to the next. Raw SQL inside a
// unit (none is reachable today, but nothing in PostgreSQL stops it) can leave session state
// behind that outlives COMMIT: a role or search_path set at session level (even when a
// transaction-local switch back hides it until the commit), settings such as
// statement_timeout, advisory locks taken at session level (another tenant's audit-chain key
// among them), LISTEN, cursors WITH HOLD and SQL-level PREPARE.
//
// The reset travels in the message that ends the transaction, so it costs no round trip. It
// cannot be DISCARD ALL or DEALLOCATE ALL: those refuse to run in the implicit transaction of a
// multi-statement message, and would drop postgres.js's own protocol-level prepared statements,
// which share the namespace. So SQL-level prepared statements are only detected (from_sql), and
// a connection that has one, or whose role moved at session level, is closed instead of reused.

/**
 * Runs once the transaction has ended (COMMIT or ROLLBACK), in the same message. Looking for
 * SQL-level prepared statements reads every prepared statement of the session (postgres.js
 * keeps one per distinct query: about 0.1 ms for 150), so it runs only after a unit of work
 * sent a statement that could have created one (unit-client.ts).
 */
export function resetSessionSql(lookForPrepared: boolean): string {
  const prepared = lookForPrepared
    ? 'exists (select from pg_catalog.pg_prepared_statements where from_sql)'
    : 'false';
  return `select current_user <> session_user as "roleMoved", ${prepared} as "prepared";
  reset role; reset all; close all; unlisten *; select pg_catalog.pg_advisory_unlock_all()`;
}

/**
 * Ends the session from inside: the server closes the connection and the pool opens a fresh
 * one when it next needs it. Run after `reset role`, as the login role, which may end its own
 * backend.
 */
export const endSessionSql = 'select pg_catalog.pg_terminate_backend(pg_catalog.pg_backend_pid())';

export interface SessionState {
  /** The role was changed at session level: an attempt to leave the tenant's scope. */
  roleMoved: boolean;
  /** SQL-level prepared statements survive; the connection cannot be cleaned in place. */
  prepared: boolean;
}

/** Reads the state row out of the results of a multi-statement message that ran {@link resetSessionSql}. */
export function readSessionState(results: unknown): SessionState {
  const rows = (Array.isArray(results) ? results : [results]).flat() as Record<string, unknown>[];
  const row = rows.find((r) => r && typeof r === 'object' && 'roleMoved' in r);
  if (!row) throw new Error('The session reset returned no state.');
  return { roleMoved: row.roleMoved === true, prepared: row.prepared === true };
}
