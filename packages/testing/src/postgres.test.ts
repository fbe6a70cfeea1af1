// The PostgreSQL runner as a newcomer's machine meets it: root with a clone in its 0700 home,
// a server left running by a killed owner, a port someone else holds. As root (CI) the server
// runs as the postgres OS user and the private directories force the copy and the relocation;
// as a normal user the same starts must succeed in place.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type RunningPostgres, startPostgres } from './postgres.ts';
import { PostgresSetupError } from './postgres-error.ts';
import { bundledInstallation } from './postgres-install.ts';
import { isAlive } from './postgres-process.ts';
import { serverUser } from './server-user.ts';

const scratch = mkdtempSync(join(tmpdir(), 'motcua-pg-test-'));
chmodSync(scratch, 0o755); // public; the private directories are made inside it
// Stands in for /var/cache/motcua and /var/lib/motcua: root-owned and passable.
const roots = { binaries: join(scratch, 'cache'), data: join(scratch, 'relocated') };
const isRoot = process.getuid?.() === 0;
const started: RunningPostgres[] = [];
const owners: { child: ChildProcess; serverPid: number }[] = [];
afterAll(async () => {
  for (const pg of started) await pg.stop().catch(() => {});
  for (const owner of owners) {
    owner.child.kill('SIGKILL');
    if (isAlive(owner.serverPid)) process.kill(owner.serverPid, 'SIGINT');
  }
  rmSync(scratch, { recursive: true, force: true });
});

/** A directory only its owner may enter, like root's home. */
function privateDir(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { mode: 0o700 });
  expect(statSync(dir).mode & 0o777).toBe(0o700);
  return dir;
}

async function query<T extends object>(url: string, text: string): Promise<T[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await sql.unsafe(text)) as unknown as T[];
  } finally {
    await sql.end();
  }
}

async function start(options: Parameters<typeof startPostgres>[0]): Promise<RunningPostgres> {
  const pg = await startPostgres({ reachableRoots: roots, ...options });
  started.push(pg);
  return pg;
}

describe('startPostgres', () => {
  it('starts from binaries and a data directory inside 0700 directories, finds its data again, and starts afresh once its link is removed', async () => {
    const home = privateDir('home');
    const installation = { ...bundledInstallation(), root: join(home, 'postgresql') };
    cpSync(bundledInstallation().root, installation.root, { recursive: true, verbatimSymlinks: true });
    const dataDir = join(home, 'checkout', '.data', 'postgres');

    const first = await start({ dataDir, installation, persistent: true });
    const [row] = await query<{ user: string }>(first.superuserUrl, 'select current_user as user');
    expect(row?.user).toBe('postgres');
    await query(first.superuserUrl, 'create table kept (id int); insert into kept values (42)');
    const user = serverUser();
    expect(statSync(first.dataDir).uid).toBe(user.uid);
    expect(statSync(first.dataDir).mode & 0o777).toBe(0o700);
    if (isRoot) {
      // The postgres OS user cannot pass /root-like directories: binaries copied, data relocated.
      expect(first.notes.join('\n')).toContain(`binaries copied to ${roots.binaries}`);
      expect(first.dataDir.startsWith(roots.data)).toBe(true);
      expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);
    } else {
      expect(first.notes).toEqual([]);
      expect(first.dataDir).toBe(dataDir);
    }
    await first.stop();

    const again = await start({ dataDir, installation, persistent: true, password: 'unused' });
    expect(again.dataDir).toBe(first.dataDir);
    // The cluster made by the first start, whose password it kept.
    const url = again.superuserUrl.replace(':unused@', `:${new URL(first.superuserUrl).password}@`);
    expect(await query<{ id: number }>(url, 'select id from kept')).toEqual([{ id: 42 }]);
    await again.stop();

    if (isRoot) {
      // The checkout's data removed (`rm -rf .data`), link included: a fresh cluster, and the
      // relocated old one kept aside rather than reused with secrets it does not know.
      rmSync(join(home, 'checkout'), { recursive: true, force: true });
      const fresh = await start({ dataDir, installation, persistent: true });
      expect(fresh.dataDir).toBe(first.dataDir);
      const note = fresh.notes.find((n) => n.startsWith('PostgreSQL data no longer linked'));
      const kept = /was kept as (\S+);/.exec(note ?? '')?.[1];
      expect(kept && statSync(join(kept, 'PG_VERSION')).isFile(), fresh.notes.join('\n')).toBe(true);
      expect(await query(fresh.superuserUrl, "select to_regclass('kept') as t")).toEqual([{ t: null }]);
      await fresh.stop();
    }
  });

  it('listens on 127.0.0.1 only, behind a random superuser password', async () => {
    const pg = await start({ dataDir: join(scratch, 'loopback', 'pg') });
    const other = new URL(pg.superuserUrl);
    other.hostname = '127.0.0.2'; // loopback too, but not the address the server is bound to
    await expect(query(other.toString(), 'select 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const guessed = new URL(pg.superuserUrl);
    guessed.password = 'postgres';
    await expect(query(guessed.toString(), 'select 1')).rejects.toMatchObject({ code: '28P01' });
    await pg.stop();
  });

  it('names the port when it is taken, instead of rejecting with undefined', async () => {
    const port = await freePort();
    const holder: Server = createServer();
    await new Promise<void>((resolve) => holder.listen(port, '127.0.0.1', resolve));
    try {
      const failure = await start({ dataDir: join(scratch, 'taken', 'pg'), port }).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(PostgresSetupError);
      expect((failure as Error).message).toMatch(
        new RegExp(`did not start on port ${port}.*Address already in use`),
      );
    } finally {
      holder.close();
    }
  });

  it('stops a server whose owner was killed, and refuses one whose owner is alive', async () => {
    const dataDir = join(scratch, 'orphan', 'pg');
    const owner = await startOwner(dataDir);
    const refused = await start({ dataDir, persistent: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PostgresSetupError);
    expect((refused as Error).message).toContain(`already serves ${owner.dataDir}`);
    expect((refused as Error).message).toContain(`pid ${owner.child.pid}`);

    owner.child.kill('SIGKILL');
    await new Promise((resolve) => owner.child.once('exit', resolve));
    expect(isAlive(owner.serverPid)).toBe(true); // orphaned, still holding the data directory

    const next = await start({ dataDir, persistent: true });
    expect(next.notes).toContain(
      `stopped PostgreSQL (pid ${owner.serverPid}) that an earlier start left running without its owner`,
    );
    expect(isAlive(owner.serverPid)).toBe(false);
    await query(next.superuserUrl.replace(/:[^:@/]+@/, `:${owner.password}@`), 'select 1');
    await next.stop();
  });

  it('starts over a postmaster.pid that names some other process', async () => {
    const dataDir = join(scratch, 'stale', 'pg');
    const first = await start({ dataDir, persistent: true });
    await first.stop();
    // This test's own pid: alive, but not a postgres serving that directory.
    writeFileSync(
      join(first.dataDir, 'postmaster.pid'),
      `${process.pid}\n${first.dataDir}\n0\n${first.port}\n`,
    );
    const again = await start({ dataDir, persistent: true });
    expect(again.pid).not.toBe(process.pid);
    await again.stop();
  });
});

/** Another process that starts PostgreSQL on `dataDir` and stays, like `npm start`. */
async function startOwner(dataDir: string) {
  const password = 'owner-password';
  const script = `
    const { startPostgres } = await import(${JSON.stringify(join(import.meta.dirname, 'postgres.ts'))});
    const pg = await startPostgres({ dataDir: ${JSON.stringify(dataDir)}, persistent: true, password: ${JSON.stringify(password)},
      reachableRoots: ${JSON.stringify(roots)} });
    console.log(JSON.stringify({ serverPid: pg.pid, dataDir: pg.dataDir }));
    setInterval(() => {}, 60_000);`;
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if (output.includes('\n')) resolve(output.split('\n')[0] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`the owner exited with ${code}: ${output}`)));
  });
  const { serverPid, dataDir: placed } = JSON.parse(line) as { serverPid: number; dataDir: string };
  owners.push({ child, serverPid });
  return { child, serverPid, dataDir: placed, password };
}
