// Object storage on S3 (or any S3-protocol server). One bucket per cell; each tenant's
// documents live under its own prefix and export archives under `exports/`.
import type { Readable } from 'node:stream';
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { isNotFound } from './errors.ts';
import { assertExportKey } from './keys.ts';
import { createTenantStorage, type TenantStorage } from './tenant-storage.ts';

export interface StorageOptions {
  /** Custom endpoint (S3-compatible server); omitted for AWS S3 itself. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Omitted: the SDK's default credential chain (instance role, env of the host, …). */
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
}

export interface Storage {
  readonly client: S3Client;
  readonly bucket: string;
  /** Creates the bucket unless it exists. Safe to call again and from several processes. */
  ensureBucket(): Promise<void>;
  /** A handle whose every key lives under `tenants/<slug>/`. */
  forTenant(slug: string): TenantStorage;
  /** Writes an export archive; `length` is required when `body` is a stream. */
  putExport(key: string, body: string | Uint8Array | Readable, length?: number): Promise<void>;
  /** Streams an export archive, or `undefined` when there is none under that key. */
  getExport(key: string): Promise<Readable | undefined>;
  /** The archive's size, or `undefined` when there is none under that key. */
  headExport(key: string): Promise<{ size: number } | undefined>;
}

export function createStorage(options: StorageOptions): Storage {
  const { bucket } = options;
  const client = new S3Client({
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.accessKeyId && options.secretAccessKey
      ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
      : {}),
    // Since 3.729 the SDK adds flexible checksums to every upload, sending streams with the
    // aws-chunked trailer encoding; S3-compatible servers such as s3rver store that framing
    // as part of the object (measured: a 200,000-byte stream stored as 200,054 bytes).
    // Checksums stay on where S3 requires them (DeleteObjects).
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  let bucketReady: Promise<void> | undefined;

  return {
    client,
    bucket,
    ensureBucket() {
      // Remember success only: a failed attempt (server down) is retried next time.
      bucketReady ??= createBucketIfMissing(client, bucket, options.region).catch((error: unknown) => {
        bucketReady = undefined;
        throw error;
      });
      return bucketReady;
    },
    forTenant: (slug) => createTenantStorage(client, bucket, slug),
    async putExport(key, body, length) {
      assertExportKey(key);
      if (typeof body !== 'string' && !(body instanceof Uint8Array) && length === undefined) {
        throw new TypeError('putExport needs the length of a streamed body.');
      }
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: 'application/gzip',
          ContentLength:
            length ?? (typeof body === 'string' ? Buffer.byteLength(body) : (body as Uint8Array).byteLength),
        }),
      );
    },
    async getExport(key) {
      assertExportKey(key);
      try {
        const result = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return result.Body as Readable;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async headExport(key) {
      assertExportKey(key);
      try {
        const result = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { size: result.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
  };
}

async function createBucketIfMissing(client: S3Client, bucket: string, region: string): Promise<void> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    await client.send(
      new CreateBucketCommand({
        Bucket: bucket,
        // AWS rejects a LocationConstraint of us-east-1 and requires one everywhere else.
        ...(region === 'us-east-1'
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
      }),
    );
  } catch (error) {
    // Another process may have created it between our HEAD and CREATE; a bucket someone
    // else owns fails the second HEAD instead of passing silently.
    const name = (error as { name?: string }).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
  }
}
