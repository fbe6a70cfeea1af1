// Storage that is away: a stopped S3 server (refused), a server that accepts connections and
// never answers (stalled), and the same server back on its port (recovered). Each test starts
// its own s3rver, so that stopping it touches no other test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, type RunningS3, startS3 } from '@motcua/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { testBucketName } from '../test/s3-bucket.ts';
import { keepStorageReady } from './availability.ts';
import { StorageUnavailableError, unavailableReason } from './errors.ts';
import { createStorage, type Storage } from './storage.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function storageOn(port: number): Storage {
  const storage = createStorage({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'ap-southeast-1',
    bucket: testBucketName('motcua-away'),
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    connectTimeoutMs: 500,
    requestTimeoutMs: 500,
  });
  cleanups.push(() => storage.client.destroy());
  return storage;
}

async function s3On(port: number, dir: string): Promise<RunningS3> {
  const s3 = await startS3({ dir, port });
  cleanups.push(() => s3.stop().catch(() => undefined));
  return s3;
}

/** A TCP server that accepts every connection and never answers: a hung storage server. */
async function stalledServer(port: number): Promise<{ server: Server; accepted: () => number }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return { server, accepted: () => accepted };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-s3-away-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('storage that is away', () => {
  it('reports a refused connection as unavailable on every kind of call, and readiness says why', async () => {
    const storage = storageOn(await freePort());
    const tenant = storage.forTenant('da-nang');
    const calls: [string, () => Promise<unknown>][] = [
      ['check', () => storage.check()],
      ['ensureBucket', () => storage.ensureBucket()],
      ['put', () => tenant.put('a.txt', 'x')],
      ['get', () => tenant.get('a.txt')],
      ['head', () => tenant.head('a.txt')],
      ['copy', () => tenant.copy('a.txt', 'b.txt')],
      ['delete', () => tenant.delete('a.txt')],
      ['inspect', () => tenant.inspect('a.txt', { maxBytes: 10 })],
      ['openChecked', () => tenant.openChecked('a.txt', { sha256: 'x', sizeBytes: 1 })],
      ['list', async () => tenant.list()[Symbol.asyncIterator]().next()],
      ['putExport', () => storage.putExport('exports/x/y.tar.gz', 'x')],
    ];
    for (const [name, call] of calls) {
      const failure = await call().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure, name).toBeInstanceOf(StorageUnavailableError);
      expect((failure as StorageUnavailableError).reason, name).toBe('ECONNREFUSED');
    }
    expect(storage.availability()).toMatchObject({ ready: false, reason: 'ECONNREFUSED' });
  });

  it('gives up on a server that accepts and never answers, instead of waiting for it', async () => {
    const port = await freePort();
    const stalled = await stalledServer(port);
    const storage = storageOn(port);
    const tenant = storage.forTenant('da-nang');
    await expect(tenant.head('a.txt')).rejects.toMatchObject({
      name: 'StorageUnavailableError',
      reason: 'timeout',
    });
    await expect(tenant.put('a.txt', 'x')).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(storage.check()).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(stalled.accepted()).toBeGreaterThan(0);
    expect(storage.availability()).toMatchObject({ ready: false, reason: 'timeout' });
  });

  it('becomes ready by itself when a stopped S3 server comes back on its port, and away when it stops', async () => {
    const port = await freePort();
    const dir = tempDir();
    const storage = storageOn(port);
    const events: string[] = [];
    const keeper = keepStorageReady(storage, {
      retryMs: 20,
      maxRetryMs: 50,
      watchMs: 20,
      onDown: (reason) => events.push(`down:${reason}`),
      onUp: () => events.push('up'),
    });
    cleanups.push(() => keeper.stop());
    await expect.poll(() => events).toContain('down:ECONNREFUSED');
    expect(storage.availability().ready).toBe(false);

    const s3 = await s3On(port, dir);
    await keeper.firstReady;
    expect(storage.availability().ready).toBe(true);
    expect(events.at(-1)).toBe('up');
    await storage.forTenant('da-nang').put('back.txt', 'back');

    await s3.stop();
    await expect(storage.forTenant('da-nang').get('back.txt')).rejects.toBeInstanceOf(
      StorageUnavailableError,
    );
    expect(storage.availability().ready).toBe(false);
    await s3On(port, dir);
    await expect.poll(() => storage.availability().ready).toBe(true);
    expect((await storage.forTenant('da-nang').get('back.txt'))?.toString()).toBe('back');
  });
});

describe('unavailableReason', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 'ECONNREFUSED'],
    [{ name: 'TimeoutError' }, 'timeout'],
    [{ name: 'SlowDown', $metadata: { httpStatusCode: 503 } }, 'SlowDown'],
    [{ name: 'Unknown', $metadata: { httpStatusCode: 502 } }, 'HTTP 502'],
    [{ errors: [{ code: 'ECONNREFUSED' }] }, 'ECONNREFUSED'],
    [{ name: 'TypeError', cause: { code: 'ECONNRESET' } }, 'ECONNRESET'],
  ])('reads %j as storage away', (error, reason) => {
    expect(unavailableReason(error)).toBe(reason);
  });

  it.each([
    [{ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } }],
    [{ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }],
    [new Error('anything else')],
    ['a string'],
  ])('reads %j as another failure', (error) => {
    expect(unavailableReason(error)).toBeUndefined();
  });
});
