// `npm start` (the real root script) under what process managers do: SIGTERM (docker stop,
// systemd) or SIGHUP (the terminal closed) sent to npm alone, which passes it to no one below
// its shell, must stop everything npm start started; `kill -9` of the launcher leaves its
// PostgreSQL running, and the next start must stop that orphan and serve.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@motcua/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  commandOf,
  descendants,
  isAlive,
  isListening,
  type Launched,
  launch,
  postgresPid,
  privateDataDir,
  ready,
  waitFor,
} from '../test/launcher.ts';

const checkout = privateDataDir();
const { dataDir } = checkout;
const pgPort = await freePort();
const s3Port = await freePort();
const leftovers: number[] = [];
afterAll(() => {
  for (const pid of leftovers) if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  checkout.remove();
});

async function npmStart(): Promise<Launched & { apiPort: number }> {
  const npm = launch(
    { MOTCUA_DATA_DIR: dataDir, MOTCUA_PG_PORT: String(pgPort), MOTCUA_S3_PORT: String(s3Port), PORT: '0' },
    { npmStart: true },
  );
  await ready(npm);
  const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as { baseUrl: string };
  return { ...npm, apiPort: Number(new URL(demo.baseUrl).port) };
}

/** npm, its shell, run.mjs, the launcher, PostgreSQL and its workers. */
function startedBy(npm: Launched): number[] {
  const pids = descendants(npm.child.pid ?? 0);
  leftovers.push(...pids);
  return pids;
}

describe('npm start stops everything it started', () => {
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`when npm alone receives ${signal}`, async () => {
      const npm = await npmStart();
      const started = startedBy(npm);
      const launcher = started.find((pid) => commandOf(pid).includes('src/start.ts'));
      expect(launcher, started.map(commandOf).join('\n')).toBeDefined();
      expect(started).toContain(postgresPid(dataDir));
      for (const port of [pgPort, s3Port, npm.apiPort]) expect(await isListening(port)).toBe(true);

      npm.child.kill(signal);
      await npm.exited;
      await waitFor(() => started.every((pid) => !isAlive(pid)));
      for (const port of [pgPort, s3Port, npm.apiPort])
        expect(await isListening(port), `port ${port}`).toBe(false);
    });
  }

  it('and a start after kill -9 of the launcher stops the PostgreSQL it left behind', async () => {
    const npm = await npmStart();
    const started = startedBy(npm);
    const launcher = started.find((pid) => commandOf(pid).includes('src/start.ts'));
    const orphan = postgresPid(dataDir);
    process.kill(launcher ?? 0, 'SIGKILL');
    await npm.exited;
    expect(isAlive(orphan)).toBe(true); // nobody stopped it
    expect(await isListening(pgPort)).toBe(true);

    const next = await npmStart();
    expect(next.output()).toContain(
      `stopped PostgreSQL (pid ${orphan}) that an earlier start left running without its owner`,
    );
    expect(isAlive(orphan)).toBe(false);
    const res = await fetch(`http://127.0.0.1:${next.apiPort}/t/da-nang/api/tenant`);
    expect(res.status).toBe(200);
    const again = startedBy(next);
    next.child.kill('SIGTERM');
    await next.exited;
    await waitFor(() => again.every((pid) => !isAlive(pid)));
  });
});
