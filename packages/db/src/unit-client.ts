// The client a unit of work's drizzle session runs on: the reserved connection, with the
// savepoints drizzle's nested transactions need, and a note of any statement that could have
// left an SQL-level prepared statement behind (which the session reset can only detect, at a
// cost: see session-reset.ts).
import type { ReservedSql } from 'postgres';

type Unsafe = ReservedSql['unsafe'];

export interface UnitClient {
  unsafe: Unsafe;
  savepoint<T>(work: (client: UnitClient) => Promise<T>): Promise<T>;
}

// PREPARE directly, or through PL/pgSQL (a DO block's EXECUTE, a procedure). The query builder
// never writes these as keywords (an upsert's `do update` / `do nothing` is not a DO block); a
// false alarm only costs the detection query.
const mayPrepare = /\b(prepare|execute|call)\b|\bdo\s+(\$|'|e'|u&'|language\b)/i;

/** Whether a statement's text could leave an SQL-level prepared statement in the session. */
export function mayCreatePreparedStatement(text: string): boolean {
  return mayPrepare.test(text);
}

export function unitClient(connection: ReservedSql): { client: UnitClient; mayHavePrepared(): boolean } {
  let depth = 0;
  let suspicious = false;
  const unsafe = ((text: string, ...rest: unknown[]) => {
    if (!suspicious && mayCreatePreparedStatement(text)) suspicious = true;
    return (connection.unsafe as (text: string, ...rest: unknown[]) => ReturnType<Unsafe>)(text, ...rest);
  }) as Unsafe;
  const client: UnitClient = {
    unsafe,
    // drizzle's nested transactions call `client.savepoint`, which only postgres.js's own transactions have.
    async savepoint<T>(work: (inner: UnitClient) => Promise<T>): Promise<T> {
      const name = `motcua_sp_${++depth}`;
      await connection.unsafe(`savepoint ${name}`);
      try {
        const result = await work(client);
        await connection.unsafe(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await connection.unsafe(`rollback to savepoint ${name}`);
        throw error;
      }
    },
  };
  return { client, mayHavePrepared: () => suspicious };
}
