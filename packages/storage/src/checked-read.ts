// Reading an object against what was recorded when it was checked. The object is read once to
// hash it; what is then sent is read again on the condition that it is the same version (its
// ETag), so that nothing written between the two reads is served under the checked record.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { isNotFound, ObjectIntegrityError, StorageUnavailableError, unavailableReason } from './errors.ts';

/** What was recorded of an object when it was checked. */
export interface CheckedRecord {
  /** Lower-case hex. */
  sha256: string;
  sizeBytes: number;
}

export interface Inspection {
  /** Bytes read: the object's size, or more than `maxBytes` when `tooLarge`. */
  size: number;
  tooLarge: boolean;
  /** SHA-256 of the whole object (meaningless when `tooLarge`), lower-case hex. */
  sha256: string;
  /** The first 16 bytes, to recognise the type by. */
  head: Buffer;
  etag: string | undefined;
}

type GetObject = (key: string, ifMatch?: string) => Promise<GetObjectCommandOutput>;

const headLength = 16;

async function getOrUndefined(getObject: GetObject, key: string, ifMatch?: string) {
  try {
    return await getObject(key, ifMatch);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Reads a body through, hashing it; `keep` collects the bytes too. */
async function readThrough(body: Readable, maxBytes: number, keep: boolean) {
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let head = Buffer.alloc(0);
  let size = 0;
  try {
    for await (const piece of body) {
      const chunk = Buffer.from(piece as Uint8Array);
      size += chunk.byteLength;
      if (size > maxBytes) {
        body.destroy();
        return { size, tooLarge: true, sha256: '', head, chunks: [] };
      }
      if (head.byteLength < headLength) head = Buffer.concat([head, chunk]).subarray(0, headLength);
      hash.update(chunk);
      if (keep) chunks.push(chunk);
    }
  } catch (error) {
    const reason = unavailableReason(error);
    if (reason) throw new StorageUnavailableError(reason, { cause: error });
    throw error;
  }
  return { size, tooLarge: false, sha256: hash.digest('hex'), head, chunks };
}

export async function inspectObject(
  getObject: GetObject,
  key: string,
  maxBytes: number,
): Promise<Inspection | undefined> {
  const object = await getOrUndefined(getObject, key);
  if (!object) return undefined;
  const { chunks: _, ...read } = await readThrough(object.Body as Readable, maxBytes, false);
  return { ...read, etag: object.ETag };
}

function assertRecorded(read: { size: number; tooLarge: boolean; sha256: string }, recorded: CheckedRecord) {
  if (read.tooLarge || read.size !== recorded.sizeBytes) throw new ObjectIntegrityError('size');
  if (read.sha256 !== recorded.sha256.toLowerCase()) throw new ObjectIntegrityError('sha256');
}

export interface CheckedStream {
  body: Readable;
  /** The first 16 bytes, to recognise the type by. */
  head: Buffer;
}

export async function openChecked(
  getObject: GetObject,
  key: string,
  recorded: CheckedRecord,
): Promise<CheckedStream | undefined> {
  const first = await inspectObject(getObject, key, recorded.sizeBytes);
  if (!first) return undefined;
  assertRecorded(first, recorded);
  if (!first.etag) throw new ObjectIntegrityError('no_etag');
  let second: GetObjectCommandOutput | undefined;
  try {
    // S3 answers 412 when the object changed since; servers that ignore If-Match are caught
    // by comparing the ETag they send back.
    second = await getOrUndefined(getObject, key, first.etag);
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412) {
      throw new ObjectIntegrityError('changed_while_read');
    }
    throw error;
  }
  if (!second) return undefined;
  const body = second.Body as Readable;
  if (second.ETag !== first.etag) {
    body.destroy();
    throw new ObjectIntegrityError('changed_while_read');
  }
  return { body, head: first.head };
}

export async function readChecked(
  getObject: GetObject,
  key: string,
  recorded: CheckedRecord,
): Promise<Buffer | undefined> {
  const object = await getOrUndefined(getObject, key);
  if (!object) return undefined;
  const read = await readThrough(object.Body as Readable, recorded.sizeBytes, true);
  assertRecorded(read, recorded);
  return Buffer.concat(read.chunks);
}
