import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { HeadObjectCommand, ListObjectsCommand } from '@aws-sdk/client-s3';
import type {} from '@motcua/testing/provided';
import { describe, expect, inject, it } from 'vitest';
import { testBucketName, useTestStorage } from '../test/s3-bucket.ts';
import { InvalidObjectKeyError } from './keys.ts';
import { createStorage, type Storage } from './storage.ts';
import type { TenantStorage } from './tenant-storage.ts';

const storage = useTestStorage();

function slug(prefix = 's'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

async function keysOf(tenant: TenantStorage, pageSize?: number): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of tenant.list(pageSize ? { pageSize } : {})) keys.push(object.key);
  return keys.sort();
}

/** Every key in the bucket, whatever its prefix, read with the raw client. */
async function bucketKeys(s: Storage): Promise<string[]> {
  const page = await s.client.send(new ListObjectsCommand({ Bucket: s.bucket }));
  return (page.Contents ?? []).map((o) => o.Key ?? '').sort();
}

/** Counts the list requests the client really sends while `work` runs. */
async function countListRequests(s: Storage, work: () => Promise<void>): Promise<number> {
  let count = 0;
  const name = `count-list-${randomBytes(3).toString('hex')}`;
  s.client.middlewareStack.add(
    (next, context) => (args) => {
      if (context.commandName === 'ListObjectsCommand') count += 1;
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    await work();
  } finally {
    s.client.middlewareStack.remove(name);
  }
  return count;
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe('bucket', () => {
  it('ensureBucket creates a missing bucket and is safe to call again, also from another client', async () => {
    const options = {
      endpoint: inject('motcua').s3Endpoint,
      region: 'ap-southeast-1',
      bucket: testBucketName('motcua-ensure'),
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    };
    const first = createStorage(options);
    const second = createStorage(options);
    try {
      await Promise.all([first.ensureBucket(), second.ensureBucket()]);
      await first.ensureBucket();
      await first.forTenant(slug()).put('x.txt', 'x');
      expect(await bucketKeys(first)).toHaveLength(1);
    } finally {
      first.client.destroy();
      second.client.destroy();
    }
  });
});

describe('tenant storage', () => {
  it('reports a missing bucket as an error, not as a missing object', async () => {
    const elsewhere = createStorage({
      endpoint: inject('motcua').s3Endpoint,
      region: 'ap-southeast-1',
      bucket: testBucketName('motcua-absent'),
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    });
    try {
      await expect(elsewhere.forTenant(slug()).get('x.txt')).rejects.toMatchObject({ name: 'NoSuchBucket' });
    } finally {
      elsewhere.client.destroy();
    }
  });

  it('round-trips text and binary objects under the tenant prefix', async () => {
    const tenant = storage.forTenant(slug());
    const binary = randomBytes(70_000);
    await tenant.put('hồ sơ/đơn đề nghị.txt', 'Xin chào Đà Nẵng', 'text/plain; charset=utf-8');
    await tenant.put('scans/page-1.bin', binary);

    expect((await tenant.get('hồ sơ/đơn đề nghị.txt'))?.toString('utf8')).toBe('Xin chào Đà Nẵng');
    expect((await tenant.get('scans/page-1.bin'))?.equals(binary)).toBe(true);
    const stream = await tenant.getStream('scans/page-1.bin');
    expect(stream && (await collect(stream)).equals(binary)).toBe(true);
    const head = await storage.client.send(
      new HeadObjectCommand({ Bucket: storage.bucket, Key: `${tenant.prefix}hồ sơ/đơn đề nghị.txt` }),
    );
    expect(head.ContentType).toBe('text/plain; charset=utf-8');
    expect(await tenant.get('missing.txt')).toBeUndefined();
    expect(await tenant.getStream('missing.txt')).toBeUndefined();
  });

  it('takes a browser upload through a presigned PUT, then heads and deletes it', async () => {
    const tenant = storage.forTenant(slug());
    const pdf = Buffer.from('%PDF-1.7\n% tờ khai\n');
    const url = await tenant.presignPut('dossiers/dos_1/doc_1', {
      contentType: 'application/pdf',
      contentLength: pdf.byteLength,
      expiresInSeconds: 60,
    });
    expect(url).toContain('X-Amz-Signature=');
    // S3 refuses a PUT whose signed headers differ; s3rver does not check them, so the test checks
    // what is signed, and the server verifies the bytes after upload anyway.
    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(url).toContain(encodeURIComponent(tenant.prefix).replaceAll('%2F', '/'));
    const put = await fetch(url, {
      method: 'PUT',
      body: pdf,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(put.status).toBe(200);
    expect(await tenant.head('dossiers/dos_1/doc_1')).toEqual({ size: pdf.byteLength });
    expect((await tenant.get('dossiers/dos_1/doc_1'))?.equals(pdf)).toBe(true);
    await tenant.delete('dossiers/dos_1/doc_1');
    expect(await tenant.head('dossiers/dos_1/doc_1')).toBeUndefined();
    expect(await tenant.head('never-there')).toBeUndefined();
  });

  it('lists every key with its size across pages', async () => {
    const tenant = storage.forTenant(slug());
    const expected = Array.from({ length: 25 }, (_, i) => `docs/${String(i).padStart(3, '0')}.txt`);
    await Promise.all(expected.map((key, i) => tenant.put(key, 'x'.repeat(i))));

    const seen: { key: string; size: number }[] = [];
    const requests = await countListRequests(storage, async () => {
      for await (const object of tenant.list({ pageSize: 10 })) seen.push(object);
    });
    expect(requests).toBe(3);
    expect(seen.map((o) => o.key).sort()).toEqual(expected);
    expect(seen.find((o) => o.key === 'docs/007.txt')?.size).toBe(7);
  });

  it('deletes every object in batches and reports the count', async () => {
    const tenant = storage.forTenant(slug());
    await Promise.all(Array.from({ length: 23 }, (_, i) => tenant.put(`f/${i}`, String(i))));

    const requests = await countListRequests(storage, async () => {
      expect(await tenant.deleteAll({ pageSize: 10 })).toBe(23);
    });
    expect(requests).toBe(4); // three pages to delete, one that comes back empty
    expect(await keysOf(tenant)).toEqual([]);
    expect(await tenant.deleteAll()).toBe(0);
  });

  it('keeps tenants apart, even when one slug is a prefix of the other', async () => {
    const slugA = slug('a');
    const a = storage.forTenant(slugA);
    const b = storage.forTenant(`${slugA}-b`);
    await a.put('same.txt', 'from A');
    await b.put('same.txt', 'from B');
    await b.put('only-b.txt', 'secret of B');

    expect((await a.get('same.txt'))?.toString()).toBe('from A');
    expect(await a.get('only-b.txt')).toBeUndefined();
    expect(await keysOf(a)).toEqual(['same.txt']);
    await expect(a.get(`../${slugA}-b/only-b.txt`)).rejects.toThrow(InvalidObjectKeyError);

    expect(await a.deleteAll()).toBe(1);
    expect(await keysOf(b)).toEqual(['only-b.txt', 'same.txt']);
    expect((await b.get('only-b.txt'))?.toString()).toBe('secret of B');
  });

  it('rejects hostile keys on every operation and writes nothing', async () => {
    const victim = storage.forTenant(slug('victim'));
    await victim.put('secret.txt', 'secret');
    const attacker = storage.forTenant(slug('attacker'));
    const before = await bucketKeys(storage);
    const hostile = [
      '',
      '/tenants/x/secret.txt',
      `../${victim.slug}/secret.txt`,
      `a/../../${victim.slug}/secret.txt`,
      '..\\secret.txt',
      'a\u0000b',
      'x'.repeat(901),
    ];
    for (const key of hostile) {
      await expect(attacker.put(key, 'overwrite')).rejects.toThrow(InvalidObjectKeyError);
      await expect(attacker.get(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(attacker.getStream(key)).rejects.toThrow(InvalidObjectKeyError);
    }
    expect(await bucketKeys(storage)).toEqual(before);
    expect((await victim.get('secret.txt'))?.toString()).toBe('secret');
  });

  it('refuses an invalid tenant slug', () => {
    for (const bad of ['', '../x', 'A', 'x/y']) {
      expect(() => storage.forTenant(bad)).toThrow(InvalidObjectKeyError);
    }
  });
});

describe('export archives', () => {
  it('round-trips a buffer and a stream of known length under exports/', async () => {
    const key = `exports/${slug()}/run_1.tar.gz`;
    const body = randomBytes(200_000);
    await storage.putExport(
      key,
      Readable.from([body.subarray(0, 65_536), body.subarray(65_536)]),
      body.length,
    );
    expect(await storage.headExport(key)).toEqual({ size: body.length });
    const stream = await storage.getExport(key);
    expect(stream && (await collect(stream)).equals(body)).toBe(true);

    const small = `exports/${slug()}/run_2.tar.gz`;
    await storage.putExport(small, Buffer.from('archive'));
    const smallStream = await storage.getExport(small);
    expect(smallStream && (await collect(smallStream)).toString()).toBe('archive');
  });

  it('reports a missing archive as undefined', async () => {
    expect(await storage.getExport('exports/nobody/none.tar.gz')).toBeUndefined();
    expect(await storage.headExport('exports/nobody/none.tar.gz')).toBeUndefined();
  });

  it('refuses keys outside exports/ and streams without a length', async () => {
    await expect(storage.putExport('tenants/x/evil.tar.gz', 'x')).rejects.toThrow(InvalidObjectKeyError);
    await expect(storage.putExport('exports/../tenants/x/evil', 'x')).rejects.toThrow(InvalidObjectKeyError);
    await expect(storage.getExport('tenants/x/secret.txt')).rejects.toThrow(InvalidObjectKeyError);
    await expect(storage.putExport('exports/x/y.tar.gz', Readable.from(['x']))).rejects.toThrow(TypeError);
  });
});
