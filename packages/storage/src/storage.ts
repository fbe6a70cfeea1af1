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
import { createAvailability, type StorageAvailability } from './availability.ts';
import { isNotFound, StorageUnavailableError, unavailableReason } from './errors.ts';
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
  /** How long to wait for a connection to storage (default 2 s). */
  connectTimeoutMs?: number;
  /**
   * How long to wait for storage to start answering a request (default 5 s), plus a second per
   * MiB of body for uploads. A transfer under way is abandoned after 30 s without progress.
   */
  requestTimeoutMs?: number;
}

/** Runs one S3 request with the storage's timeouts; see {@link Storage.run}. */
export type S3Call = <T>(
  call: (options: { requestTimeout: number }) => Promise<T>,
  bodyBytes?: number,
) => Promise<T>;

export interface Storage {
  readonly client: S3Client;
  readonly bucket: string;
  /** The connect and request timeouts, for uploads sent to a signed URL from the server. */
  readonly timeouts: { connectMs: number; requestMs: number };
  /** Creates the bucket unless it exists. Safe to call again and from several processes. */
  ensureBucket(): Promise<void>;
  /** One request to the bucket: throws {@link StorageUnavailableError} unless storage answers. */
  check(): Promise<void>;
  /** Whether storage answered the last request made to it (and the bucket was reached once). */
  availability(): StorageAvailability;
  /**
   * Sends one request: a failure that means storage is away becomes a
   * {@link StorageUnavailableError}; every answer or silence updates `availability()`.
   */
  run: S3Call;
  /** A handle whose every key lives under `tenants/<slug>/`. */
  forTenant(slug: string): TenantStorage;
  /** Writes an export archive; `length` is required when `body` is a stream. */
  putExport(key: string, body: string | Uint8Array | Readable, length?: number): Promise<void>;
  /** Streams an export archive, or `undefined` when there is none under that key. */
  getExport(key: string): Promise<Readable | undefined>;
  /** The archive's size, or `undefined` when there is none under that key. */
  headExport(key: string): Promise<{ size: number } | undefined>;
}

// A body still moving is given this long between two packets, whatever its size: a reader
// that pauses (a slow download's client) must not be cut, a dead connection must not hang.
const idleTransferMs = 30_000;

export function createStorage(options: StorageOptions): Storage {
  const { bucket } = options;
  const timeouts = {
    connectMs: options.connectTimeoutMs ?? 2000,
    requestMs: options.requestTimeoutMs ?? 5000,
  };
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
    // Without these a storage server that accepts connections and never answers holds each
    // request (and whatever the caller holds meanwhile) for minutes. The SDK only warns when
    // requestTimeout passes unless told to throw.
    requestHandler: {
      connectionTimeout: timeouts.connectMs,
      requestTimeout: timeouts.requestMs,
      throwOnRequestTimeout: true,
      socketTimeout: Math.max(idleTransferMs, timeouts.requestMs),
    },
    // One retry: a refused or silent server is not worth three waits of a request timeout.
    maxAttempts: 2,
  });
  const state = createAvailability();
  let bucketReady: Promise<void> | undefined;

  const run: S3Call = async (call, bodyBytes = 0) => {
    try {
      const result = await call({
        requestTimeout: timeouts.requestMs + Math.ceil(bodyBytes / 2 ** 20) * 1000,
      });
      state.up();
      return result;
    } catch (error) {
      const reason = unavailableReason(error);
      if (reason === undefined) {
        // An answer, even a refusal, shows storage is there.
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode) state.up();
        throw error;
      }
      state.down(reason);
      throw new StorageUnavailableError(reason, { cause: error });
    }
  };
  // Probes report any failure (a wrong credential too) as the reason storage is not ready.
  const probe = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) state.down((error as Error).name || 'error');
      throw error;
    }
  };

  return {
    client,
    bucket,
    timeouts,
    run,
    availability: () => state.get(),
    ensureBucket() {
      // Remember success only: a failed attempt (server down) is retried next time.
      bucketReady ??= probe(() => createBucketIfMissing(run, client, bucket, options.region)).catch(
        (error: unknown) => {
          bucketReady = undefined;
          throw error;
        },
      );
      return bucketReady;
    },
    check: () =>
      probe(async () => {
        await run((o) => client.send(new HeadBucketCommand({ Bucket: bucket }), o));
      }),
    forTenant: (slug) => createTenantStorage({ client, bucket, run, timeouts }, slug),
    async putExport(key, body, length) {
      assertExportKey(key);
      if (typeof body !== 'string' && !(body instanceof Uint8Array) && length === undefined) {
        throw new TypeError('putExport needs the length of a streamed body.');
      }
      const bytes =
        length ?? (typeof body === 'string' ? Buffer.byteLength(body) : (body as Uint8Array).byteLength);
      await run(
        (o) =>
          client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: key,
              Body: body,
              ContentType: 'application/gzip',
              ContentLength: bytes,
            }),
            o,
          ),
        bytes,
      );
    },
    async getExport(key) {
      assertExportKey(key);
      try {
        const result = await run((o) => client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), o));
        return result.Body as Readable;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async headExport(key) {
      assertExportKey(key);
      try {
        const result = await run((o) => client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), o));
        return { size: result.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
  };
}

async function createBucketIfMissing(run: S3Call, client: S3Client, bucket: string, region: string) {
  try {
    await run((o) => client.send(new HeadBucketCommand({ Bucket: bucket }), o));
    return;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    await run((o) =>
      client.send(
        new CreateBucketCommand({
          Bucket: bucket,
          // AWS rejects a LocationConstraint of us-east-1 and requires one everywhere else.
          ...(region === 'us-east-1'
            ? {}
            : { CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint } }),
        }),
        o,
      ),
    );
  } catch (error) {
    // Another process may have created it between our HEAD and CREATE; a bucket someone
    // else owns fails the second HEAD instead of passing silently.
    const name = (error as { name?: string }).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
    await run((o) => client.send(new HeadBucketCommand({ Bucket: bucket }), o));
  }
}
