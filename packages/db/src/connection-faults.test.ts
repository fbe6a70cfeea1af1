// What the database client does when a session dies under it (a crash, an administrator's
// shutdown, a restart): postgres.js 3.4.9 as patched in patches/postgres@3.4.9.patch. Each
// case ends a real backend with pg_terminate_backend, which reaches the client as a crash does
// (a FATAL error, then the socket closes). Unpatched, these took the process down with a
// TypeError thrown from a timer, or left a promise pending for ever.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestTenant, useTestDatabase } from '../test/test-database.ts';
import { createDatabase } from './client.ts';
import { settings } from './tenant/settings.ts';
import { withTenant } from './tenant-scope.ts';

const { databaseUrl, superuserUrl } = inject('motcua');
const superuser = postgres(superuserUrl, { max: 1, onnotice: () => {} });
const shared = useTestDatabase(2);
afterAll(() => superuser.end());

/** A pool of one connection, named so that its backend can be found and ended. */
function onePool() {
  const name = `faults-${randomBytes(4).toString('hex')}`;
  const database = createDatabase({ url: databaseUrl, max: 1, applicationName: name });
  const pool = postgres(databaseUrl, { max: 1, onnotice: () => {}, connection: { application_name: name } });
  return { name, database, pool };
}

/** Waits until a backend of `application` is running `pg_sleep`, then ends its session. */
async function endSessionRunningSleep(application: string): Promise<void> {
  for (;;) {
    const [row] = await superuser<{ pid: number }[]>`
      select pid from pg_stat_activity
      where application_name = ${application} and state = 'active' and query like '%pg_sleep%'`;
    if (row) {
      await superuser`select pg_terminate_backend(${row.pid})`;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A liveness bound, not a speed target: a promise still pending after it is a hang. */
async function settled<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<PromiseSettledResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} never settled`)), ms);
  });
  try {
    return await Promise.race([Promise.allSettled([promise]).then(([result]) => result!), hang]);
  } finally {
    clearTimeout(timer);
  }
}

const connectionErrors = ['57P01', 'CONNECTION_CLOSED', 'ECONNRESET'];
/** The driver's error code, under drizzle's wrapper when there is one. */
function codeOf(result: PromiseSettledResult<unknown>): string | undefined {
  if (result.status === 'fulfilled') return 'fulfilled';
  const error = result.reason as { code?: string; cause?: { code?: string } };
  return error.cause?.code ?? error.code;
}

describe('a session that dies under the client', () => {
  it('fails the unit of work it was running, and the next unit on the same pool works', async () => {
    const { name, database } = onePool();
    try {
      const slug = await createTestTenant(shared);
      const unit = withTenant(database, slug, (db) => db.execute(sql`select pg_sleep(30)`));
      await endSessionRunningSleep(name);
      const outcome = await settled(unit, 'the unit of work');
      expect(connectionErrors).toContain(codeOf(outcome));
      const next = withTenant(database, slug, (db) => db.insert(settings).values({ key: 'after', value: 1 }));
      expect((await settled(next, 'the next unit of work')).status).toBe('fulfilled');
    } finally {
      await database.close();
    }
  });

  it('fails a driver transaction (sql.begin) without its own ROLLBACK taking the process down', async () => {
    const { name, pool } = onePool();
    try {
      const transaction = pool.begin((t) => t`select pg_sleep(30)`);
      await endSessionRunningSleep(name);
      expect(connectionErrors).toContain(codeOf(await settled(transaction, 'the transaction')));
      expect(await settled(pool`select 1 as one`, 'the next query')).toMatchObject({
        status: 'fulfilled',
        value: [{ one: 1 }],
      });
    } finally {
      await pool.end({ timeout: 1 });
    }
  });

  it('does not fail the first query after a reconnect with the dead session’s error', async () => {
    const { name, pool } = onePool();
    try {
      const dying = pool`select pg_sleep(30)`.execute();
      await endSessionRunningSleep(name);
      expect(connectionErrors).toContain(codeOf(await settled(dying, 'the query')));
      expect(await settled(pool`select 1 as one`, 'the next query')).toMatchObject({
        status: 'fulfilled',
        value: [{ one: 1 }],
      });
    } finally {
      await pool.end({ timeout: 1 });
    }
  });

  it('hands the connection to a reserve() waiting for it when the holder’s session ends', async () => {
    const { name, pool } = onePool();
    try {
      const holder = await pool.reserve();
      const dying = holder`select pg_sleep(30)`.execute();
      const waiting = pool.reserve();
      await endSessionRunningSleep(name);
      expect(connectionErrors).toContain(codeOf(await settled(dying, 'the holder’s query')));
      // The dead handle fails at once and its release does not put the closed connection back.
      expect(codeOf(await settled(holder`select 1`, 'a query on the dead handle'))).toBe('CONNECTION_CLOSED');
      holder.release();
      const next = await settled(waiting, 'the waiting reserve()');
      expect(next.status).toBe('fulfilled');
      if (next.status !== 'fulfilled') return;
      expect(await settled(next.value`select 1 as one`, 'a query on the new handle')).toMatchObject({
        status: 'fulfilled',
        value: [{ one: 1 }],
      });
      next.value.release();
    } finally {
      await pool.end({ timeout: 1 });
    }
  });

  it('does not lose a connection to a reserve() that was refused (the server turned its connection away)', async () => {
    // A role of its own allowed one connection: the pool's second connection is refused (53300).
    const role = `faults_${randomBytes(4).toString('hex')}`;
    await superuser.unsafe(`create role ${role} login password 'faults-password' connection limit 1`);
    const url = new URL(databaseUrl);
    url.username = role;
    url.password = 'faults-password';
    const pool = postgres(url.toString(), { max: 2, onnotice: () => {} });
    try {
      const first = await pool.reserve();
      const refused = await settled(pool.reserve(), 'the refused reserve()');
      expect(codeOf(refused)).toBe('53300');
      // Released before the refused connection has even closed: the refused reserve must not take it.
      first.release();
      await superuser.unsafe(`alter role ${role} connection limit 2`);
      const both = await settled(
        Promise.all([pool.reserve(), pool.reserve()]),
        'two reserves on a pool of two',
      );
      expect(both.status).toBe('fulfilled');
      if (both.status === 'fulfilled') for (const handle of both.value) handle.release();
    } finally {
      await pool.end({ timeout: 1 });
      await superuser.unsafe(`drop role ${role}`);
    }
  });
});
