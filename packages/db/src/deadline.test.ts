import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestTenant, useTestDatabase } from '../test/test-database.ts';
import { createDatabase } from './client.ts';
import { DeadlineExceededError, withDeadline } from './deadline.ts';
import { withTenant } from './tenant-scope.ts';

const shared = useTestDatabase(2);
const pool = createDatabase({ url: inject('motcua').databaseUrl, max: 1, applicationName: 'deadline-test' });
afterAll(() => pool.close());

const timeoutSetting = (slug: Parameters<typeof withTenant>[1]) =>
  withTenant(pool, slug, async (db) => {
    const [row] = await db.execute<{ timeout: string }>(
      sql`select current_setting('statement_timeout') as timeout`,
    );
    return row?.timeout;
  });

describe('a deadline over units of work', () => {
  it('bounds their statements on the server, a second past it', async () => {
    const slug = await createTestTenant(shared);
    const timeout = await withDeadline(5000, () => timeoutSetting(slug));
    expect(Number.parseInt(timeout ?? '', 10)).toBeGreaterThan(5000);
    expect(Number.parseInt(timeout ?? '', 10)).toBeLessThanOrEqual(6000);
    expect(await timeoutSetting(slug)).toBe('0');
  });

  it('stops a unit waiting for a connection, and the connection it would have had goes back to the pool', async () => {
    const slug = await createTestTenant(shared);
    const holder = await pool.sql.reserve();
    const outcome = await withDeadline(200, () => withTenant(pool, slug, async () => 'ran')).catch((e) => e);
    expect(outcome).toBeInstanceOf(DeadlineExceededError);
    holder.release();
    // The pool's only connection reaches the unit that gave up first; it must come back.
    expect(await timeoutSetting(slug)).toBe('0');
  });

  it('does not bind what a scope that ended in time left running', async () => {
    const slug = await createTestTenant(shared);
    let later: Promise<string | undefined> | undefined;
    await withDeadline(100, async () => {
      later = new Promise((resolve) => setTimeout(resolve, 300)).then(() => timeoutSetting(slug));
    });
    expect(await later).toBe('0');
  });
});
