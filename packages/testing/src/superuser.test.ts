// A cluster made by a launcher before per-checkout secrets (superuser password `postgres`) is
// moved to the checkout's own password on its next start; the old password stops working.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { makePrivateDir, startPostgres } from './postgres.ts';
import { serverUser } from './server-user.ts';
import { adoptSuperuserPassword } from './superuser.ts';

const root = mkdtempSync(join(tmpdir(), 'motcua-superuser-'));
makePrivateDir(root, serverUser());
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function connects(url: string): Promise<boolean | string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await sql.end();
  }
}

describe('adoptSuperuserPassword', () => {
  it('moves a cluster from the legacy password to the given one, and leaves a current one alone', async () => {
    const pg = await startPostgres({ dataDir: join(root, 'pg'), password: 'postgres' });
    try {
      const url = new URL(pg.superuserUrl);
      url.password = 'the-checkouts-own';
      await adoptSuperuserPassword(url.toString(), 'postgres');
      expect(await connects(url.toString())).toBe(true);
      expect(await connects(pg.superuserUrl)).toBe('28P01');
      await adoptSuperuserPassword(url.toString(), 'postgres'); // already moved: nothing to do
      expect(await connects(url.toString())).toBe(true);
      const wrong = new URL(url);
      wrong.password = 'neither';
      await expect(adoptSuperuserPassword(wrong.toString(), 'also-not')).rejects.toThrow(/restore it/);
    } finally {
      await pg.stop();
    }
  });
});
