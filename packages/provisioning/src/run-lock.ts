// One run at a time per tenant, across processes. The lock is a session-level advisory lock
// on a connection reserved for the run: if the process dies, PostgreSQL drops the
// connection and the lock with it, which is how a restarted process tells a crashed run
// (lock free) from one still running elsewhere (lock held).
// Each run in progress therefore holds one pooled connection besides those its steps use.
import type { Database } from '@motcua/db';

export interface RunLockOptions {
  /** Wait up to this long for another process to finish; 0 gives up at once. */
  waitMs: number;
}

/**
 * Hashed with hashtextextended(key, 0). Not `motcua.tenant.<slug>`: the db package takes
 * that one transaction-locally inside the steps, which would then wait on ourselves.
 */
export function runLockKey(tenantId: string): string {
  return `motcua.run.${tenantId}`;
}

export type LockedResult<T> = { acquired: true; value: T } | { acquired: false };

export async function withRunLock<T>(
  database: Database,
  tenantId: string,
  { waitMs }: RunLockOptions,
  work: () => Promise<T>,
): Promise<LockedResult<T>> {
  const key = runLockKey(tenantId);
  const connection = await database.sql.reserve();
  try {
    const acquired = waitMs > 0 ? await lockWaiting(connection, key, waitMs) : await tryLock(connection, key);
    if (!acquired) return { acquired: false };
    try {
      return { acquired: true, value: await work() };
    } finally {
      await connection`select pg_advisory_unlock(hashtextextended(${key}, 0))`;
    }
  } finally {
    connection.release();
  }
}

type Connection = Awaited<ReturnType<Database['sql']['reserve']>>;

async function tryLock(connection: Connection, key: string): Promise<boolean> {
  const [row] = await connection<{ locked: boolean }[]>`
    select pg_try_advisory_lock(hashtextextended(${key}, 0)) as locked`;
  return row?.locked === true;
}

async function lockWaiting(connection: Connection, key: string, waitMs: number): Promise<boolean> {
  // lock_timeout set transaction-locally: a session-level SET would stay on the pooled
  // connection after we hand it back. The advisory lock itself outlives the transaction.
  await connection`begin`;
  try {
    await connection`select set_config('lock_timeout', ${`${Math.round(waitMs)}ms`}, true)`;
    await connection`select pg_advisory_lock(hashtextextended(${key}, 0))`;
    await connection`commit`;
    return true;
  } catch (error) {
    await connection`rollback`;
    if ((error as { code?: string }).code === '55P03') return false; // lock_not_available
    throw error;
  }
}
