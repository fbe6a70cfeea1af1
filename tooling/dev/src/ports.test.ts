// A second checkout on the same machine: with the default ports held (here by listeners this
// test opens, as another checkout's `npm start` would), the launcher moves to free ports, says
// which, and keeps them for its next start; a port set in the environment that is taken stops
// the start with one sentence naming the variable and the port.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { freePort } from '@motcua/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type Launched, launch, privateDataDir, ready } from '../test/launcher.ts';
import { defaultPorts } from './stack.ts';

const checkout = privateDataDir();
const { dataDir } = checkout;
const holders: Server[] = [];
afterAll(() => {
  for (const holder of holders) holder.close();
  checkout.remove();
});

/** Listens on 127.0.0.1:port; a port someone else already holds is just as taken. */
async function hold(port: number): Promise<void> {
  const holder = createServer();
  await new Promise<void>((resolve, reject) => {
    holder.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve() : reject(error),
    );
    holder.listen(port, '127.0.0.1', () => {
      holders.push(holder);
      resolve();
    });
  });
}

// Whatever the environment of the test run says, these start unset.
const unset = { MOTCUA_PG_PORT: undefined, MOTCUA_S3_PORT: undefined, PORT: undefined, HOST: undefined };

async function stop(launched: Launched) {
  launched.child.kill('SIGINT');
  expect(await launched.exited, launched.output().slice(-2000)).toBe(0);
}

describe('npm start beside another checkout', () => {
  it('moves off taken default ports, says which it used, and keeps them on restart', async () => {
    for (const port of Object.values(defaultPorts)) await hold(port);
    const first = launch({ ...unset, MOTCUA_DATA_DIR: dataDir });
    await ready(first);
    const chosen = JSON.parse(readFileSync(join(dataDir, 'ports.json'), 'utf8'));
    expect(Object.keys(chosen).sort()).toEqual(['api', 'postgres', 's3']);
    for (const [key, label, variable] of [
      ['postgres', 'PostgreSQL', 'MOTCUA_PG_PORT'],
      ['s3', 'S3 server', 'MOTCUA_S3_PORT'],
      ['api', 'API', 'PORT'],
    ] as const) {
      const fallback = defaultPorts[key];
      expect(chosen[key]).not.toBe(fallback);
      expect(first.output()).toContain(
        `${label}: port ${fallback} is taken (another checkout's npm start?), using ${chosen[key]}; kept in ${join(dataDir, 'ports.json')} for the next start (set ${variable} to choose one)`,
      );
    }
    expect(first.output()).toContain(`PostgreSQL on 127.0.0.1:${chosen.postgres} `);
    expect(first.output()).toContain(`S3 server on http://127.0.0.1:${chosen.s3} `);
    const res = await fetch(`http://127.0.0.1:${chosen.api}/t/da-nang/api/tenant`);
    expect(res.status).toBe(200);
    await stop(first);

    const second = launch({ ...unset, MOTCUA_DATA_DIR: dataDir });
    await ready(second);
    expect(second.output()).not.toContain('is taken');
    const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8'));
    expect(Number(new URL(demo.baseUrl).port)).toBe(chosen.api);
    expect(second.output()).toContain(`PostgreSQL on 127.0.0.1:${chosen.postgres} `);
    await stop(second);
  });

  for (const variable of ['MOTCUA_PG_PORT', 'MOTCUA_S3_PORT', 'PORT']) {
    it(`stops naming ${variable} and the port when the port it sets is taken`, async () => {
      const port = await freePort();
      await hold(port);
      const launched = launch({ ...unset, MOTCUA_DATA_DIR: dataDir, [variable]: String(port) });
      expect(await launched.exited).toBe(1);
      const output = launched.output();
      expect(output).toContain(
        `npm start failed: ${variable}=${port}: port ${port} on 127.0.0.1 is taken by another program; free it, choose another port, or unset ${variable} to let npm start pick a free one.`,
      );
      expect(output).not.toMatch(/\n\s+at /); // no stack trace
      expect(output).not.toContain('undefined');
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false); // nothing left running
    });
  }
});
