import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useTestStorage } from '../test/s3-bucket.ts';
import { ObjectIntegrityError } from './errors.ts';

const storage = useTestStorage();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const tenant = () => storage.forTenant(`c-${randomBytes(4).toString('hex')}`);

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe('copies and inspection', () => {
  it('copies an object server-side, keeping its type, and reports a missing source', async () => {
    const t = tenant();
    await t.put('uploads/a', '%PDF-1.7 original', 'application/pdf');
    expect(await t.copy('uploads/a', 'checked/a')).toBe(true);
    await t.put('uploads/a', '%PDF-1.7 changed!');
    expect((await t.get('checked/a'))?.toString()).toBe('%PDF-1.7 original');
    expect(await t.copy('uploads/none', 'checked/none')).toBe(false);
    expect(await t.head('checked/none')).toBeUndefined();
  });

  it('inspects size, hash, first bytes and version without keeping the object, and stops past the limit', async () => {
    const t = tenant();
    const bytes = randomBytes(300_000);
    await t.put('big.bin', bytes);
    const seen = await t.inspect('big.bin', { maxBytes: bytes.byteLength });
    expect(seen).toMatchObject({ size: bytes.byteLength, tooLarge: false, sha256: sha256(bytes) });
    expect(seen?.head.equals(bytes.subarray(0, 16))).toBe(true);
    expect(seen?.etag).toMatch(/^".+"$/);
    expect(await t.inspect('big.bin', { maxBytes: 1000 })).toMatchObject({ tooLarge: true });
    expect(await t.inspect('none.bin', { maxBytes: 1000 })).toBeUndefined();
  });

  it('lists only the keys under a sub-prefix, with when each was written', async () => {
    const t = tenant();
    await t.put('uploads/d1/doc1', 'x');
    await t.put('uploads/d2/doc2', 'y');
    await t.put('dossiers/d1/doc1-abc', 'z');
    const listed = [];
    for await (const object of t.list({ under: 'uploads/' })) listed.push(object);
    expect(listed.map((o) => o.key).sort()).toEqual(['uploads/d1/doc1', 'uploads/d2/doc2']);
    expect(listed.every((o) => o.lastModified instanceof Date)).toBe(true);
  });
});

describe('reading a checked object', () => {
  const original = Buffer.from('%PDF-1.7\n% the checked file\n%%EOF\n');
  const recorded = { sha256: sha256(original), sizeBytes: original.byteLength };

  it('serves the object that matches its record, streamed or whole', async () => {
    const t = tenant();
    await t.put('f.pdf', original);
    const opened = await t.openChecked('f.pdf', recorded);
    expect(opened?.head.equals(original.subarray(0, 16))).toBe(true);
    expect(opened && (await collect(opened.body)).equals(original)).toBe(true);
    expect((await t.readChecked('f.pdf', recorded))?.equals(original)).toBe(true);
    expect(await t.openChecked('none.pdf', recorded)).toBeUndefined();
    expect(await t.readChecked('none.pdf', recorded)).toBeUndefined();
  });

  it('refuses an object replaced in storage, by other bytes of the same size or another size', async () => {
    const t = tenant();
    const sameSize = Buffer.from(original);
    sameSize.write('MZ', 0); // an executable's first bytes
    await t.put('f.pdf', sameSize, 'application/pdf');
    for (const read of [() => t.openChecked('f.pdf', recorded), () => t.readChecked('f.pdf', recorded)]) {
      await expect(read()).rejects.toMatchObject({ name: 'ObjectIntegrityError', mismatch: 'sha256' });
    }
    await t.put('f.pdf', Buffer.concat([original, Buffer.from('more')]));
    await expect(t.openChecked('f.pdf', recorded)).rejects.toMatchObject({ mismatch: 'size' });
    await t.put('f.pdf', original.subarray(1));
    await expect(t.readChecked('f.pdf', recorded)).rejects.toMatchObject({ mismatch: 'size' });
  });

  it('refuses an object replaced between the check and the read that is sent', async () => {
    const t = tenant();
    await t.put('f.pdf', original);
    const swapped = Buffer.from(original);
    swapped.write('MZ', 0);
    // Writes other bytes just before the second read (the one made on condition of the version).
    const name = `swap-${randomBytes(3).toString('hex')}`;
    storage.client.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { IfMatch?: string };
        if (context.commandName === 'GetObjectCommand' && input.IfMatch) {
          await storage.client.send(
            new PutObjectCommand({ Bucket: storage.bucket, Key: `${t.prefix}f.pdf`, Body: swapped }),
          );
        }
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      const error = await t.openChecked('f.pdf', recorded).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ObjectIntegrityError);
      expect((error as ObjectIntegrityError).mismatch).toBe('changed_while_read');
    } finally {
      storage.client.middlewareStack.remove(name);
    }
  });
});

describe('uploads sent by the server to a signed URL', () => {
  it('puts the bytes where the URL points', async () => {
    const t = tenant();
    const url = await t.presignPut('uploads/d/doc', {
      contentType: 'application/pdf',
      contentLength: 8,
      expiresInSeconds: 60,
    });
    await t.sendUpload(
      { method: 'PUT', url, headers: { 'content-type': 'application/pdf' } },
      Buffer.from('%PDF-1.7'),
    );
    expect((await t.get('uploads/d/doc'))?.toString()).toBe('%PDF-1.7');
  });
});
